package com.audiostems.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.app.commands.TrackRuns;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.storage.TrackManifest;
import com.audiostems.workflows.track.TrackIngestResult;
import com.audiostems.workflows.track.TrackIngestWorkflow;
import com.audiostems.workflows.track.TrackStage;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The tracks a fault test keeps in flight: started together, followed by their workflow ids, and
 * awaited to their end as the same executions (the run ids from before the fault).
 */
final class TrackFleet {
  /** Two outputs (and the preview every track makes) keep 20 tracks within a few CPU-minutes. */
  static final List<OutputFormat> FORMATS = List.of(OutputFormat.FLAC, OutputFormat.MP3_320);

  private final List<String> tracks;
  private final Map<String, String> runIds = new LinkedHashMap<>();

  TrackFleet(String prefix, int count) {
    this.tracks = IntStream.rangeClosed(1, count).mapToObj(i -> prefix + "-" + i).toList();
  }

  List<String> tracks() {
    return tracks;
  }

  /** Stores {@code source} for every track in the local store and starts them all. */
  void startLocal(WorkflowClient client, Path storeRoot, Path source) throws Exception {
    for (String track : tracks) {
      TrackIngestWorkflow workflow = TrackRuns.start(client, storeRoot, track, source, FORMATS);
      runIds.put(track, WorkflowStub.fromTyped(workflow).getExecution().getRunId());
    }
  }

  /** Starts every track on a source the test already stored where the workers read it. */
  void startStored(WorkflowClient client, String sourceFileName) {
    for (String track : tracks) {
      TrackIngestWorkflow workflow = TrackRuns.startStored(client, track, sourceFileName, FORMATS);
      runIds.put(track, WorkflowStub.fromTyped(workflow).getExecution().getRunId());
    }
  }

  /** Waits until some track is encoding, so that a fault meets work in progress. */
  void awaitEncoding(WorkflowClient client, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      for (String track : tracks) {
        if (stub(client, track).progress().stage() == TrackStage.ENCODING) {
          return;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no track reached ENCODING within " + within);
  }

  /** How many tracks have not ended yet: the fault must find some. */
  long running(WorkflowClient client) {
    return tracks.stream()
        .filter(
            t ->
                describe(client, t).getStatus()
                    == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING)
        .count();
  }

  /**
   * Every track's end: its manifest when it published, or the failure it ended with. Each must be
   * the execution started before the fault.
   */
  Map<String, Object> awaitEnds(WorkflowClient client, Duration within) {
    Map<String, Object> ends = new LinkedHashMap<>();
    long deadline = System.nanoTime() + within.toNanos();
    for (String track : tracks) {
      long left = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime()));
      try {
        TrackIngestResult result =
            client
                .newUntypedWorkflowStub(TrackIngestWorkflow.workflowId(track))
                .getResult(left, TimeUnit.SECONDS, TrackIngestResult.class);
        ends.put(track, result.manifest());
      } catch (WorkflowFailedException e) {
        ends.put(track, e);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError(
            track
                + " did not end within "
                + within
                + "; progress: "
                + stub(client, track).progress(),
            e);
      }
      assertThat(describe(client, track).getExecution().getRunId())
          .as(track + ": the execution from before the fault, not a new one")
          .isEqualTo(runIds.get(track));
    }
    return ends;
  }

  /** Every track published: their manifests. */
  List<TrackManifest> awaitAllPublished(WorkflowClient client, Duration within) {
    List<TrackManifest> manifests = new ArrayList<>();
    awaitEnds(client, within)
        .forEach(
            (track, end) -> {
              if (end instanceof Throwable failure) {
                throw new AssertionError(track + " failed", failure);
              }
              manifests.add((TrackManifest) end);
            });
    return manifests;
  }

  private static TrackIngestWorkflow stub(WorkflowClient client, String track) {
    return client.newWorkflowStub(TrackIngestWorkflow.class, TrackIngestWorkflow.workflowId(track));
  }

  static WorkflowExecutionInfo describe(WorkflowClient client, String track) {
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setExecution(
                    WorkflowExecution.newBuilder()
                        .setWorkflowId(TrackIngestWorkflow.workflowId(track)))
                .build())
        .getWorkflowExecutionInfo();
  }
}
