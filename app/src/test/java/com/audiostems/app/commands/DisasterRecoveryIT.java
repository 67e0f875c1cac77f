package com.audiostems.app.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.app.faults.StoreReconciliation;
import com.audiostems.app.temporal.TemporalCli;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.storage.TrackManifest;
import com.audiostems.workflows.track.TrackIngestResult;
import com.audiostems.workflows.track.TrackIngestWorkflow;
import com.audiostems.workflows.track.TrackStage;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disaster-recovery drill on the embedded defaults, with the script an operator runs ({@code
 * bin/disaster-recovery}): tracks run in {@code serve} on the real Temporal CLI dev server; while
 * they run, the Temporal database and the store are backed up; the tracks go on for a while (the
 * progress the backup will not hold); then the host is lost: serve and its dev server killed with
 * SIGKILL, the data directory and the store deleted. Both are restored from the backup into the
 * same places and serve is started on them.
 *
 * <p>What it proves: the backup is consistent under load (the database snapshot first, the store
 * after it, see the script), and every workflow the snapshot held resumes from it (the same run)
 * and completes PUBLISHED with every output whole and verified and no orphan object (the store
 * reconciled against the manifests, as the fault tests do). It prints the recovery point (how far
 * before the loss the snapshot was) and the recovery time (restore, start, and every track
 * published again), which docs/benchmarks.md records.
 */
class DisasterRecoveryIT {
  private static final List<String> TRACKS = List.of("dr-1", "dr-2", "dr-3", "dr-4");

  /** Progress made after the backup, which the restore loses and the workflows redo. */
  private static final Duration AFTER_BACKUP = Duration.ofSeconds(8);

  /**
   * Heartbeat timeout (30 s) of what ran at the snapshot, host schedule-to-start (30 s), a ping (10
   * s), then the fetch and re-encode of four tracks on 2 busy cores.
   */
  private static final Duration FINISH = Duration.ofMinutes(8);

  @TempDir Path temp;

  @Test
  void tracksBackedUpInFlightAreRestoredAfterTheHostIsLostAndAllPublish() throws Exception {
    Path cli =
        TemporalCli.locate(null)
            .orElseGet(
                () ->
                    fail(
                        "DisasterRecoveryIT runs the real Temporal CLI dev server; install it: "
                            + TemporalCli.INSTALL));
    Path script = Path.of("..", "bin", "disaster-recovery").toAbsolutePath().normalize();
    assertThat(script).as("the drill's script").isExecutable();
    int port = Served.freePort();
    String target = "127.0.0.1:" + port;
    Path dataDir = temp.resolve("data");
    Path store = temp.resolve("store");
    Path backup = temp.resolve("backup");
    List<String> serve = Served.serveOnDevServer(temp, cli, port, dataDir, store);

    Map<String, String> runIds = new LinkedHashMap<>();
    Instant snapshotAt;
    Instant lostAt;
    Map<String, TrackStage> stagesAtBackup = new LinkedHashMap<>();
    Map<String, TrackStage> stagesAtLoss = new LinkedHashMap<>();
    WorkflowServiceStubs service = null;
    try (Served first = Served.start(serve)) {
      service = stubs(target);
      WorkflowClient client = WorkflowClient.newInstance(service);
      for (String track : TRACKS) {
        Path source = TestAudio.wav(temp.resolve(track + ".wav"), 44_100, 24, 2, 20.0);
        TrackIngestWorkflow workflow = TrackRuns.start(client, store, track, source, List.of());
        runIds.put(track, WorkflowStub.fromTyped(workflow).getExecution().getRunId());
      }
      awaitEncoding(client);
      TRACKS.forEach(track -> stagesAtBackup.put(track, stage(client, track)));
      snapshotAt = Instant.parse(run(script, "backup", dataDir, store, backup).trim());
      Thread.sleep(AFTER_BACKUP.toMillis());
      TRACKS.forEach(track -> stagesAtLoss.put(track, stage(client, track)));
      service.shutdownNow();
      service.awaitTermination(5, TimeUnit.SECONDS);
      // The host is lost: no shutdown, the dev server and every ffmpeg die with serve.
      List<ProcessHandle> children = first.handle().descendants().toList();
      first.handle().destroyForcibly();
      children.forEach(ProcessHandle::destroyForcibly);
      assertThat(first.handle().onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
      for (ProcessHandle child : children) {
        child.onExit().get(30, TimeUnit.SECONDS);
      }
      lostAt = Instant.now();
    }
    deleteTree(dataDir);
    deleteTree(store);
    System.out.println("DR drill: stages at the backup " + stagesAtBackup);
    System.out.println("DR drill: stages at the loss   " + stagesAtLoss);

    long restoreStart = System.nanoTime();
    run(script, "restore", backup, dataDir, store);
    double restoreSeconds = (System.nanoTime() - restoreStart) / 1e9;
    long startStart = System.nanoTime();
    try (Served again = Served.start(serve)) {
      double startSeconds = (System.nanoTime() - startStart) / 1e9;
      service = stubs(target);
      WorkflowClient client = WorkflowClient.newInstance(service);
      List<TrackManifest> published = new ArrayList<>();
      for (String track : TRACKS) {
        TrackIngestResult result =
            client
                .newUntypedWorkflowStub(TrackIngestWorkflow.workflowId(track))
                .getResult(FINISH.toSeconds(), TimeUnit.SECONDS, TrackIngestResult.class);
        WorkflowExecution execution = describe(client, track);
        assertThat(execution.getRunId())
            .as(track + ": the run from the backup resumed, not a new one")
            .isEqualTo(runIds.get(track));
        assertThat(status(client, track))
            .as(track)
            .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
        assertThat(result.manifest().outputs())
            .as(track + ": every output of a WAV master")
            .hasSize(6);
        published.add(result.manifest());
      }
      // Every output whole and verified; the store holds exactly what the manifests own.
      StoreReconciliation.assertWholeAndNothingElse(new LocalBlobStore(store), published);
      double recoverySeconds = (System.nanoTime() - restoreStart) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "DR drill: recovery point %.1f s before the loss (backup taken under load, %d tracks in"
              + " flight); recovery time: restore %.1f s, serve up %.1f s, every track published"
              + " %.1f s after the restore began%n",
          Duration.between(snapshotAt, lostAt).toMillis() / 1000.0,
          TRACKS.size(),
          restoreSeconds,
          startSeconds,
          recoverySeconds);
      assertThat(again.stop()).contains("Stopped.");
    } finally {
      if (service != null) {
        service.shutdownNow();
      }
    }
  }

  private static WorkflowServiceStubs stubs(String target) {
    return WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
  }

  /** Runs the drill's script; returns its standard output's value after "snapshot-at: ". */
  private static String run(Path script, String action, Path a, Path b, Path c)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(script.toString(), action, a.toString(), b.toString(), c.toString())
            .redirectErrorStream(true)
            .start();
    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(printed).isZero();
    String marker = "snapshot-at: ";
    int at = printed.lastIndexOf(marker);
    assertThat(at).as(printed).isNotNegative();
    return printed.substring(at + marker.length()).lines().findFirst().orElseThrow();
  }

  /** Waits until one track's workflow says it is encoding: the backup is taken under load. */
  private static void awaitEncoding(WorkflowClient client) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      for (String track : TRACKS) {
        if (stage(client, track) == TrackStage.ENCODING) {
          return;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no track reached ENCODING within 3 minutes");
  }

  private static TrackStage stage(WorkflowClient client, String track) {
    return client
        .newWorkflowStub(TrackIngestWorkflow.class, TrackIngestWorkflow.workflowId(track))
        .progress()
        .stage();
  }

  private static void deleteTree(Path root) throws IOException {
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
    }
    for (Path path : paths) {
      Files.delete(path);
    }
    assertThat(root).doesNotExist();
  }

  private static WorkflowExecutionStatus status(WorkflowClient client, String track) {
    return describeInfo(client, track).getStatus();
  }

  private static WorkflowExecution describe(WorkflowClient client, String track) {
    return describeInfo(client, track).getExecution();
  }

  private static io.temporal.api.workflow.v1.WorkflowExecutionInfo describeInfo(
      WorkflowClient client, String track) {
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
