package com.audiostems.app.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.app.temporal.TemporalCli;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.track.TrackIngestResult;
import com.audiostems.workflows.track.TrackIngestWorkflow;
import com.audiostems.workflows.track.TrackStage;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability across a restart of everything but the SQLite file: three tracks run in {@code
 * audiostems serve} (the packaged jar, on the real Temporal CLI dev server); once one of them is
 * encoding, the whole serve process is stopped with SIGTERM and a one-second shutdown grace, so its
 * REST gateway, its CPU and analysis workers (ffmpeg cut off mid-encode) and the dev server child
 * process all go away; the dev server's gRPC port is checked to be closed. Then {@code serve} is
 * started again with the same data directory, i.e. the same {@code temporal.db}.
 *
 * <p>What this proves: nothing of the tracks' progress lived in any process. The new dev server
 * reads the workflows, their histories and their pending activities and timers back from SQLite;
 * the new workers (a new host id, so a new host queue) replay each workflow from that history to
 * the point where it stopped. The activities cut off by the stop time out (heartbeat) on the
 * server's clock, the old host's queue goes unanswered (schedule-to-start, then an unanswered
 * liveness ping), and each workflow fetches its source to the new host and carries on. Every
 * workflow must then complete as the same execution (the run id from before the stop), PUBLISHED,
 * with every output in the store whole (size and SHA-256 as the manifest says) and verified, and
 * its history must hold events from both sides of the restart (a source fetch by each host).
 */
class ServeRestartIT {
  private static final List<String> TRACKS = List.of("restart-1", "restart-2", "restart-3");

  /**
   * Heartbeat timeout (30 s) + host schedule-to-start (30 s) + ping (10 s) + fetch and a re-encode,
   * on 2 busy cores.
   */
  private static final Duration FINISH = Duration.ofMinutes(6);

  @TempDir Path temp;

  @Test
  void tracksInFlightFinishPublishedAfterServeAndItsDevServerRestartOnTheSameSqliteFile()
      throws Exception {
    Path cli =
        TemporalCli.locate(null)
            .orElseGet(
                () ->
                    fail(
                        "ServeRestartIT runs the real Temporal CLI dev server; install it: "
                            + TemporalCli.INSTALL));
    int port = Served.freePort();
    String target = "127.0.0.1:" + port;
    Path dataDir = temp.resolve("data");
    Path store = temp.resolve("store");
    List<String> serve =
        Served.serveOnDevServer(
            temp,
            cli,
            port,
            dataDir,
            store,
            // Stop for real: running encodes are cut off rather than allowed to finish first.
            "--audiostems.temporal.shutdown-grace=1s");

    Map<String, String> runIds = new LinkedHashMap<>();
    String encoding;
    WorkflowServiceStubs service = null;
    try {
      try (Served first = Served.start(serve)) {
        service =
            WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
        WorkflowClient client = WorkflowClient.newInstance(service);
        for (String track : TRACKS) {
          // Thirty seconds of 24-bit stereo and every output: long enough to be caught encoding.
          Path source = TestAudio.wav(temp.resolve(track + ".wav"), 44_100, 24, 2, 30.0);
          TrackIngestWorkflow workflow = TrackRuns.start(client, store, track, source, List.of());
          runIds.put(track, WorkflowStub.fromTyped(workflow).getExecution().getRunId());
        }
        encoding = awaitEncoding(client);
        assertThat(TRACKS)
            .as("stopped mid-run: no track has finished yet")
            .allSatisfy(
                track ->
                    assertThat(status(client, track))
                        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING));
        service.shutdownNow();
        service.awaitTermination(5, TimeUnit.SECONDS);
        assertThat(first.stop()).contains("Stopped.");
      }
      assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
          .as("the dev server went down with serve")
          .isInstanceOf(ConnectException.class);
      assertThat(dataDir.resolve("temporal.db")).exists();

      try (Served again = Served.start(serve)) {
        service =
            WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
        WorkflowClient client = WorkflowClient.newInstance(service);
        LocalBlobStore blobs = new LocalBlobStore(store);
        for (String track : TRACKS) {
          TrackIngestResult result =
              client
                  .newUntypedWorkflowStub(TrackIngestWorkflow.workflowId(track))
                  .getResult(FINISH.toSeconds(), TimeUnit.SECONDS, TrackIngestResult.class);
          assertThat(status(client, track))
              .as(track)
              .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
          assertThat(describe(client, track).getExecution().getRunId())
              .as(track + ": the execution from before the restart, not a new one")
              .isEqualTo(runIds.get(track));
          List<EncodedOutput> outputs = result.manifest().outputs();
          assertThat(outputs).as(track + ": every output of a WAV master").hasSize(6);
          for (EncodedOutput output : outputs) {
            Path file = blobs.pathOf(output.key());
            assertThat(Files.size(file)).as(output.key()).isEqualTo(output.bytes());
            assertThat(LocalBlobStore.sha256Of(file)).as(output.key()).isEqualTo(output.sha256());
          }
          assertThat(result.manifest().verification().checks())
              .allSatisfy(check -> assertThat(check.passed()).isTrue());
          assertThat(blobs.exists("tracks/" + track + "/manifest.json")).isTrue();
          long fetches =
              client.fetchHistory(TrackIngestWorkflow.workflowId(track)).getEvents().stream()
                  .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                  .filter(
                      e ->
                          e.getActivityTaskScheduledEventAttributes()
                              .getActivityType()
                              .getName()
                              .equals("FetchSource"))
                  .count();
          if (track.equals(encoding)) {
            assertThat(fetches)
                .as(
                    track
                        + ", encoding at the stop: the source fetched by the first serve's host, then by the second's")
                .isEqualTo(2);
          } else {
            assertThat(fetches)
                .as(track + ": fetched before the stop or after it")
                .isBetween(1L, 2L);
          }
        }
        assertThat(again.stop()).contains("Stopped.");
      }
    } finally {
      if (service != null) {
        service.shutdownNow();
      }
    }
  }

  /**
   * Waits until one track's workflow says it is encoding (its query is answered by serve's
   * workers); returns that track.
   */
  private static String awaitEncoding(WorkflowClient client) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      for (String track : TRACKS) {
        TrackIngestWorkflow workflow =
            client.newWorkflowStub(
                TrackIngestWorkflow.class, TrackIngestWorkflow.workflowId(track));
        if (workflow.progress().stage() == TrackStage.ENCODING) {
          return track;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no track reached ENCODING within 3 minutes");
  }

  private static WorkflowExecutionStatus status(WorkflowClient client, String track) {
    return describe(client, track).getStatus();
  }

  private static WorkflowExecutionInfo describe(WorkflowClient client, String track) {
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace("default")
                .setExecution(
                    WorkflowExecution.newBuilder()
                        .setWorkflowId(TrackIngestWorkflow.workflowId(track)))
                .build())
        .getWorkflowExecutionInfo();
  }
}
