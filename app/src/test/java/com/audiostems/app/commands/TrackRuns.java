package com.audiostems.app.commands;

import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.catalogue.CataloguePolicy;
import com.audiostems.workflows.catalogue.DuplicatePolicy;
import com.audiostems.workflows.catalogue.ReviewTimeoutPolicy;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.track.TrackIngestRequest;
import com.audiostems.workflows.track.TrackIngestResult;
import com.audiostems.workflows.track.TrackIngestWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * Runs a track through workers that poll elsewhere, as an upload service would: store the source,
 * start the workflow.
 */
public final class TrackRuns {
  private TrackRuns() {}

  public static TrackIngestResult ingest(
      WorkflowClient client,
      Path storeRoot,
      String trackId,
      Path source,
      List<OutputFormat> formats)
      throws Exception {
    TrackIngestWorkflow workflow = start(client, storeRoot, trackId, source, formats);
    return WorkflowStub.fromTyped(workflow).getResult(TrackIngestResult.class);
  }

  /** Stores the source and starts the track without waiting; the stub follows it. */
  public static TrackIngestWorkflow start(
      WorkflowClient client,
      Path storeRoot,
      String trackId,
      Path source,
      List<OutputFormat> formats)
      throws Exception {
    String sourceKey = BlobKeys.sourceKey(trackId, source.getFileName().toString());
    Path upload = Files.createTempFile("upload-", ".part");
    Files.copy(source, upload, StandardCopyOption.REPLACE_EXISTING);
    new LocalBlobStore(storeRoot).store(sourceKey, upload);
    return startStored(client, trackId, source.getFileName().toString(), formats);
  }

  /**
   * Starts the track of a source already stored at {@link BlobKeys#sourceKey} (in whichever store
   * the workers use, e.g. a bucket) without waiting; the stub follows it.
   */
  public static TrackIngestWorkflow startStored(
      WorkflowClient client, String trackId, String sourceFileName, List<OutputFormat> formats) {
    String sourceKey = BlobKeys.sourceKey(trackId, sourceFileName);
    TrackIngestWorkflow workflow =
        client.newWorkflowStub(
            TrackIngestWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(TrackIngestWorkflow.workflowId(trackId))
                .setTaskQueue(TaskQueues.TRACK_WORKFLOWS)
                .setWorkflowRunTimeout(Duration.ofMinutes(10))
                .build());
    // These runs ingest one test recording several times (restarts, several hosts): linked as
    // alternates rather than rejected as duplicates. CatalogueCommandTest tests the rejection.
    CataloguePolicy linkDuplicates =
        new CataloguePolicy(DuplicatePolicy.LINK_AS_ALTERNATE, 3600, ReviewTimeoutPolicy.REJECT);
    WorkflowClient.start(
        workflow::ingest,
        new TrackIngestRequest(
            trackId, sourceKey, sourceFileName, formats, 2, false, null, null, linkDuplicates));
    return workflow;
  }
}
