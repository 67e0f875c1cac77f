package com.audiostems.workers.cpu.boot;

import com.audiostems.activities.catalogue.CatalogueActivitiesImpl;
import com.audiostems.activities.catalogue.FingerprintCatalogues;
import com.audiostems.activities.media.MediaSettings;
import com.audiostems.storage.BlobStore;
import com.audiostems.workers.cpu.CatalogueWorkers;
import com.audiostems.workers.gpu.GpuWorkers;
import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.track.TrackIngestRequest;
import com.audiostems.workflows.track.TrackIngestResult;
import com.audiostems.workflows.track.TrackIngestWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stores a source and runs one track through the workers under test, as a client would, with an
 * analysis host (the GPU pool's registration, a worker factory of its own) beside them.
 */
final class OneTrack {
  private OneTrack() {}

  static TrackIngestResult ingest(
      WorkflowClient client,
      BlobStore store,
      Path source,
      String trackId,
      List<OutputFormat> formats,
      int lanes)
      throws IOException {
    String sourceKey = BlobKeys.sourceKey(trackId, source.getFileName().toString());
    store.store(sourceKey, source);
    TrackIngestWorkflow workflow =
        client.newWorkflowStub(
            TrackIngestWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(TrackIngestWorkflow.workflowId(trackId))
                .setTaskQueue(TaskQueues.TRACK_WORKFLOWS)
                .setWorkflowRunTimeout(Duration.ofMinutes(10))
                .build());
    // The other pools the journey needs: analysis, and the catalogue (an index of its own per
    // track's test).
    WorkerFactory analysisHost = WorkerFactory.newInstance(client);
    GpuWorkers.register(
        analysisHost,
        store,
        MediaSettings.defaults(source.toAbsolutePath().getParent().resolve("analysis-work")),
        1);
    FingerprintCatalogues catalogue =
        FingerprintCatalogues.open(
            source.toAbsolutePath().getParent().resolve("catalogue-" + trackId));
    CatalogueWorkers.register(analysisHost, new CatalogueActivitiesImpl(store, catalogue));
    analysisHost.start();
    try (catalogue) {
      return workflow.ingest(
          new TrackIngestRequest(
              trackId,
              sourceKey,
              source.getFileName().toString(),
              formats,
              lanes,
              false,
              null,
              null));
    } finally {
      analysisHost.shutdownNow();
      analysisHost.awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
