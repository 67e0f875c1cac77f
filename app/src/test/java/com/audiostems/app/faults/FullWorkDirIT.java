package com.audiostems.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.app.commands.Served;
import com.audiostems.app.temporal.TemporalDevServers;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.storage.TrackManifest;
import com.audiostems.workflows.track.TrackIngestWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.testing.TemporalDevServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker whose working directory fills up: its work dir is a tmpfs of {@value #TMPFS_MIB} MiB (a
 * real filesystem with a real ENOSPC, not a simulated exception), filled by a ballast file up to
 * {@link #FREE_BYTES}, so that the stages' scratch files do not fit. The stage that meets the full
 * disk must fail typed ({@link TrackFailures#WORK_DIRECTORY_FULL}, retryable, seen as the pending
 * activity's last failure); once the ballast goes (space freed, as an operator or a log rotation
 * would), the retry runs and the track publishes whole, the store holding exactly what its manifest
 * owns. After the worker stops, its work dir holds no file: no attempt left scratch behind.
 *
 * <p>tmpfs needs root (CI runs as root); the test fails, not skips, where it cannot mount.
 */
class FullWorkDirIT {
  private static final int TMPFS_MIB = 4;

  /**
   * Room left beside the ballast: a local store's source needs no working copy, and no stage's
   * scratch fits (the 3 s MP3 at 320 kb/s alone is 120 kB).
   */
  private static final long FREE_BYTES = 48 * 1024;

  @TempDir Path temp;

  @Test
  void aFullWorkDirFailsTypedCleansUpAndTheRetryPublishesOnceSpaceIsFree() throws Exception {
    Path cli = CrashRecoveryIT.cli();
    Path workDir = Files.createDirectories(temp.resolve("work-cpu"));
    mountTmpfs(workDir);
    Path store = temp.resolve("store");
    int port = Served.freePort();
    String target = TemporalDevServers.IP + ":" + port;
    TemporalDevServer server =
        CrashRecoveryIT.startDevServer(cli, port, temp.resolve("temporal.db"));
    List<Served> workers = new ArrayList<>();
    WorkflowServiceStubs service = null;
    try {
      Served cpu =
          Served.start(
              Served.command(
                  workDir,
                  "worker",
                  "--pool",
                  "cpu",
                  "--temporal",
                  target,
                  "--audiostems.storage.root=" + store));
      workers.add(cpu);
      for (String pool : List.of("gpu", "catalogue")) {
        workers.add(
            Served.start(
                Served.command(
                    temp.resolve("work-" + pool),
                    "worker",
                    "--pool",
                    pool,
                    "--temporal",
                    target,
                    "--audiostems.storage.root=" + store)));
      }
      Path ballast = workDir.resolve("ballast");
      fillLeaving(ballast, workDir, FREE_BYTES);

      service = CrashRecoveryIT.connect(target);
      WorkflowClient client = WorkflowClient.newInstance(service);
      TrackFleet fleet = new TrackFleet("fulldisk", 1);
      fleet.startLocal(client, store, TestAudio.wav(temp.resolve("cd.wav"), 44_100, 16, 2, 3.0));
      String workflowId = TrackIngestWorkflow.workflowId(fleet.tracks().get(0));

      Failure full = awaitTypedFailure(client, workflowId, Duration.ofMinutes(3));
      assertThat(full.getMessage()).contains("working directory is full");
      Files.delete(ballast);

      List<TrackManifest> published = fleet.awaitAllPublished(client, Duration.ofMinutes(4));
      StoreReconciliation.assertWholeAndNothingElse(new LocalBlobStore(store), published);
      // The history keeps the typed failure as the last failure of the attempt that succeeded.
      assertThat(retriedAfterFullDisk(client, workflowId))
          .as("a stage retried after WorkDirectoryFull")
          .isPresent();

      assertThat(cpu.stop()).contains("Stopped.");
      try (Stream<Path> left = Files.walk(workDir)) {
        assertThat(left.filter(Files::isRegularFile).toList())
            .as("files left in the full work dir by any attempt")
            .isEmpty();
      }
    } finally {
      for (Served worker : workers) {
        worker.close();
      }
      if (service != null) {
        service.shutdownNow();
      }
      server.close();
      unmount(workDir);
    }
  }

  /** The typed failure of a pending activity's last attempt, once one has failed on the disk. */
  private static Failure awaitTypedFailure(
      WorkflowClient client, String workflowId, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    List<String> seen = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      for (PendingActivityInfo activity :
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(client.getOptions().getNamespace())
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                      .build())
              .getPendingActivitiesList()) {
        if (activity.hasLastFailure()) {
          Failure failure = activity.getLastFailure();
          String type = failure.getApplicationFailureInfo().getType();
          if (type.equals(TrackFailures.WORK_DIRECTORY_FULL)) {
            assertThat(failure.getApplicationFailureInfo().getNonRetryable()).isFalse();
            return failure;
          }
          seen.add(
              activity.getActivityType().getName() + ": " + type + ": " + failure.getMessage());
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "no stage failed with "
            + TrackFailures.WORK_DIRECTORY_FULL
            + " within "
            + within
            + "; failures seen: "
            + seen);
  }

  private static Optional<HistoryEvent> retriedAfterFullDisk(
      WorkflowClient client, String workflowId) {
    return client.fetchHistory(workflowId).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
        .filter(e -> e.getActivityTaskStartedEventAttributes().getAttempt() > 1)
        .filter(
            e ->
                e.getActivityTaskStartedEventAttributes()
                    .getLastFailure()
                    .getApplicationFailureInfo()
                    .getType()
                    .equals(TrackFailures.WORK_DIRECTORY_FULL))
        .findFirst();
  }

  private static void mountTmpfs(Path dir) throws Exception {
    Process mount =
        new ProcessBuilder(
                "mount", "-t", "tmpfs", "-o", "size=" + TMPFS_MIB + "m", "tmpfs", dir.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(mount.getInputStream().readAllBytes());
    if (!mount.waitFor(30, TimeUnit.SECONDS) || mount.exitValue() != 0) {
      fail(
          "FullWorkDirIT mounts a "
              + TMPFS_MIB
              + " MiB tmpfs as a worker's work dir and could not ("
              + output.strip()
              + "). It needs root with CAP_SYS_ADMIN, as CI has; it never skips.");
    }
  }

  private static void unmount(Path dir) throws Exception {
    new ProcessBuilder("umount", "-l", dir.toString()).inheritIO().start().waitFor();
  }

  /** Writes {@code ballast} until the filesystem of {@code dir} has {@code freeBytes} left. */
  private static void fillLeaving(Path ballast, Path dir, long freeBytes) throws IOException {
    long toWrite = Files.getFileStore(dir).getUsableSpace() - freeBytes;
    assertThat(toWrite).as("room for the ballast").isPositive();
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(ballast)) {
      for (long written = 0; written < toWrite; written += block.length) {
        out.write(block, 0, (int) Math.min(block.length, toWrite - written));
      }
    }
  }
}
