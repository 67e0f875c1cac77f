package com.audiostems.app.commands;

import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.catalogue.CataloguePolicy;
import com.audiostems.workflows.catalogue.DuplicatePolicy;
import com.audiostems.workflows.catalogue.ReviewTimeoutPolicy;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.TrackManifest;
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
import java.util.stream.Stream;

/**
 * Runs a track through workers that poll elsewhere, as an upload service would: store the source,
 * start the workflow.
 */
final class TrackRuns {
  private TrackRuns() {}

  static TrackIngestResult ingest(
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
  static TrackIngestWorkflow start(
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
            trackId,
            sourceKey,
            source.getFileName().toString(),
            formats,
            2,
            false,
            null,
            null,
            linkDuplicates));
    return workflow;
  }

  /**
   * Every object a published track has under {@link BlobKeys#trackPrefix}: its manifest and what
   * the manifest names (analysis, fingerprint, quality report, outputs, the preview's HLS ladder).
   * A listing with anything more holds an orphan; with anything less, a lost object.
   */
  static List<String> publishedKeys(String trackId, TrackIngestResult result) {
    TrackManifest manifest = result.manifest();
    return Stream.of(
            Stream.of(
                BlobKeys.manifestKey(trackId),
                manifest.analysis().assetKey(),
                manifest.identification().fingerprintKey()),
            Stream.of(
                manifest.quality().reportKey(),
                manifest.quality().pageKey(),
                manifest.quality().waveformKey(),
                manifest.quality().spectrogramKey()),
            manifest.outputs().stream().map(EncodedOutput::key),
            manifest.hls().keys().stream())
        .flatMap(keys -> keys)
        .toList();
  }
}
