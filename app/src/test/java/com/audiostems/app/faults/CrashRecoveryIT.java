package com.audiostems.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.app.commands.Served;
import com.audiostems.app.temporal.TemporalCli;
import com.audiostems.app.temporal.TemporalDevServers;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.storage.TrackManifest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TemporalDevServer;
import io.temporal.testing.TemporalDevServerOptions;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes, not shutdowns: 20 tracks are in flight when a process is killed with SIGKILL (no
 * shutdown hook, no flush, no goodbye), then started again on the same data. {@link
 * com.audiostems.app.commands.ServeRestartIT} covers a graceful SIGTERM; these cover what a power
 * cut or the OOM killer does.
 *
 * <ul>
 *   <li>The Temporal dev server alone dies; the worker processes (the packaged jar's {@code worker}
 *       for the CPU, analysis and catalogue pools) stay up and reconnect once it is back on the
 *       same SQLite file.
 *   <li>The whole {@code serve} process dies with everything under it (its dev server and its
 *       ffmpeg processes, as a host's death takes them), and {@code serve} starts again on the same
 *       data directory and store.
 * </ul>
 *
 * Either way every track must publish as the execution started before the crash, each output whole
 * and verified, and the store must hold exactly what the manifests own.
 */
class CrashRecoveryIT {
  private static final int TRACKS = 20;

  /**
   * Heartbeat timeout (30 s) + host schedule-to-start (30 s) + ping (10 s) for the cut-off tasks,
   * then 20 short tracks on 2 busy cores, with room.
   */
  private static final Duration FINISH = Duration.ofMinutes(8);

  @TempDir Path temp;

  @Test
  void aSigkilledDevServerRestartedOnItsSqliteFileLosesNoTrack() throws Exception {
    Path cli = cli();
    int port = Served.freePort();
    Path database = temp.resolve("temporal.db");
    Path store = temp.resolve("store");
    String target = TemporalDevServers.IP + ":" + port;
    List<Served> workers = new ArrayList<>();
    TemporalDevServer server = startDevServer(cli, port, database);
    WorkflowServiceStubs service = null;
    try {
      for (String pool : List.of("cpu", "gpu", "catalogue")) {
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
      service = connect(target);
      WorkflowClient client = WorkflowClient.newInstance(service);
      TrackFleet fleet = new TrackFleet("devkill", TRACKS);
      fleet.startLocal(client, store, source());
      fleet.awaitEncoding(client, Duration.ofMinutes(3));
      assertThat(fleet.running(client)).as("tracks in flight at the crash").isPositive();

      ProcessHandle devServer = devServerProcess(database);
      devServer.destroyForcibly();
      assertThat(devServer.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
      server.close();
      assertPortClosed(port);
      // Long enough for every worker's polls and heartbeats to fail against the dead server.
      Thread.sleep(5_000);
      server = startDevServer(cli, port, database);

      List<TrackManifest> published = fleet.awaitAllPublished(client, FINISH);
      assertThat(workers).allSatisfy(w -> assertThat(w.handle().isAlive()).isTrue());
      StoreReconciliation.assertWholeAndNothingElse(new LocalBlobStore(store), published);
    } finally {
      for (Served worker : workers) {
        worker.close();
      }
      if (service != null) {
        service.shutdownNow();
      }
      server.close();
    }
  }

  @Test
  void aSigkilledServeRestartedOnItsDataLosesNoTrack() throws Exception {
    Path cli = cli();
    int port = Served.freePort();
    String target = TemporalDevServers.IP + ":" + port;
    Path dataDir = temp.resolve("data");
    Path store = temp.resolve("store");
    List<String> serve =
        Served.command(
            temp.resolve("work"),
            "serve",
            "--data-dir",
            dataDir.toString(),
            "--audiostems.temporal.cli-path=" + cli,
            "--audiostems.temporal.port=" + port,
            "--audiostems.temporal.ui-port=0",
            "--audiostems.serve.gateway-port=0",
            "--audiostems.storage.root=" + store);
    TrackFleet fleet = new TrackFleet("servekill", TRACKS);
    WorkflowServiceStubs service = null;
    try {
      try (Served first = Served.start(serve)) {
        service = connect(target);
        WorkflowClient client = WorkflowClient.newInstance(service);
        fleet.startLocal(client, store, source());
        fleet.awaitEncoding(client, Duration.ofMinutes(3));
        assertThat(fleet.running(client)).as("tracks in flight at the crash").isPositive();
        service.shutdownNow();
        service.awaitTermination(5, TimeUnit.SECONDS);
        // A host's death: serve and everything it started (dev server, ffmpeg) at once. The
        // children are listed before the parent dies, since an orphan is no longer a descendant.
        List<ProcessHandle> children = first.handle().descendants().toList();
        first.handle().destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        assertThat(first.handle().onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        for (ProcessHandle child : children) {
          assertThat(child.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        }
        assertThat(first.output()).doesNotContain("Stopped.");
      }
      assertPortClosed(port);
      assertThat(dataDir.resolve("temporal.db")).exists();

      try (Served again = Served.start(serve)) {
        service = connect(target);
        WorkflowClient client = WorkflowClient.newInstance(service);
        List<TrackManifest> published = fleet.awaitAllPublished(client, FINISH);
        StoreReconciliation.assertWholeAndNothingElse(new LocalBlobStore(store), published);
        assertThat(again.stop()).contains("Stopped.");
      }
    } finally {
      if (service != null) {
        service.shutdownNow();
      }
    }
  }

  static Path cli() {
    return TemporalCli.locate(null)
        .orElseGet(
            () ->
                fail(
                    "The fault tests run the real Temporal CLI dev server and found no `temporal` on"
                        + " PATH or in $HOME/go/bin. Install it: "
                        + TemporalCli.INSTALL));
  }

  static WorkflowServiceStubs connect(String target) {
    return WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
  }

  static void assertPortClosed(int port) {
    assertThatThrownBy(() -> new Socket(TemporalDevServers.IP, port).close())
        .as("the dev server is down")
        .isInstanceOf(ConnectException.class);
  }

  /** Three seconds of CD audio: short, so that 20 tracks stay within a few minutes. */
  private Path source() throws Exception {
    return TestAudio.wav(temp.resolve("cd.wav"), 44_100, 16, 2, 3.0);
  }

  static TemporalDevServer startDevServer(Path cli, int port, Path database) {
    return TemporalDevServer.start(
        "default",
        TemporalDevServerOptions.newBuilder()
            .setExistingPath(cli.toString())
            .setDownloadEnabled(false)
            .setIp(TemporalDevServers.IP)
            .setPort(port)
            .setDatabaseFilename(database.toString())
            .setUiEnabled(false)
            .setLogFile(database.resolveSibling("temporal.log").toString())
            .setStartupTimeout(Duration.ofSeconds(60))
            .build());
  }

  /** The dev server on that SQLite file: a child of this JVM (TemporalDevServer starts it). */
  private static ProcessHandle devServerProcess(Path database) {
    return ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().commandLine().orElse("").contains(database.toString()))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no dev server process on " + database + " under this JVM"));
  }
}
