package com.audiostems.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.app.commands.Served;
import com.audiostems.app.temporal.TemporalCli;
import com.audiostems.app.temporal.TemporalDevServers;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.storage.BlobKeys;
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
 * Crashes, not shutdowns: 20 tracks are in flight in {@code audiostems serve} (the packaged jar,
 * its own Temporal CLI dev server, a local store) when a process is killed with SIGKILL (no
 * shutdown hook, no flush, no goodbye) and started again on the same data. {@link
 * com.audiostems.app.commands.ServeRestartIT} covers a graceful SIGTERM; this covers what a power
 * cut or the OOM killer does, twice over one fleet of tracks (one fleet keeps the test to minutes):
 *
 * <ol>
 *   <li>The dev server alone dies. serve's workers stay up; a dev server is started again on the
 *       same port and the same SQLite file, and the workers carry on against it: at least one more
 *       track must publish before the next crash.
 *   <li>The whole host dies: serve and everything under it (ffmpeg) and the dev server, at once.
 *       serve starts again on the same data directory (the same {@code temporal.db}) and store.
 * </ol>
 *
 * Every track must then publish as the execution started before the crashes, each output whole and
 * verified, and the store must hold exactly what the manifests own.
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
  void tracksInFlightSurviveASigkilledDevServerAndThenASigkilledServe() throws Exception {
    Path cli = cli();
    int port = Served.freePort();
    String target = TemporalDevServers.IP + ":" + port;
    Path dataDir = temp.resolve("data");
    Path database = dataDir.resolve("temporal.db");
    Path store = temp.resolve("store");
    List<String> serve = Served.serveOnDevServer(temp, cli, port, dataDir, store);
    TrackFleet fleet = new TrackFleet("crash", TRACKS);
    LocalBlobStore blobs = new LocalBlobStore(store);
    WorkflowServiceStubs service = null;
    TemporalDevServer restarted = null;
    try {
      try (Served first = Served.start(serve)) {
        service = connect(target);
        WorkflowClient client = WorkflowClient.newInstance(service);
        fleet.startLocal(client, store, source());
        fleet.awaitEncoding(client, Duration.ofMinutes(3));
        assertThat(fleet.running(client)).as("tracks in flight at the first crash").isPositive();

        // 1. The dev server alone.
        ProcessHandle devServer = devServerProcess(first.handle(), database);
        devServer.destroyForcibly();
        assertThat(devServer.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        assertPortClosed(port);
        // Long enough for the workers' polls, heartbeats and completions to fail against it.
        Thread.sleep(5_000);
        long publishedAtCrash = published(blobs, fleet);
        restarted = startDevServer(cli, port, database);
        awaitPublishedBeyond(blobs, fleet, publishedAtCrash, Duration.ofMinutes(4));
        assertThat(first.handle().isAlive()).as("serve outlived its dev server").isTrue();
        assertThat(fleet.running(client)).as("tracks in flight at the second crash").isPositive();
        service.shutdownNow();
        service.awaitTermination(5, TimeUnit.SECONDS);

        // 2. The host: serve, its ffmpeg processes and the dev server, at once. The children are
        // listed before the parent dies, since an orphan is no longer a descendant.
        List<ProcessHandle> children = first.handle().descendants().toList();
        ProcessHandle server = devServerProcess(ProcessHandle.current(), database);
        first.handle().destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        server.destroyForcibly();
        for (ProcessHandle gone : concat(children, List.of(first.handle(), server))) {
          assertThat(gone.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        }
        assertThat(first.output()).doesNotContain("Stopped.");
      }
      restarted.close();
      restarted = null;
      assertPortClosed(port);

      try (Served again = Served.start(serve)) {
        service = connect(target);
        WorkflowClient client = WorkflowClient.newInstance(service);
        List<TrackManifest> published = fleet.awaitAllPublished(client, FINISH);
        StoreReconciliation.assertWholeAndNothingElse(blobs, published);
        assertThat(again.stop()).contains("Stopped.");
      }
    } finally {
      if (service != null) {
        service.shutdownNow();
      }
      if (restarted != null) {
        restarted.close();
      }
    }
  }

  private static long published(LocalBlobStore blobs, TrackFleet fleet) throws Exception {
    long count = 0;
    for (String track : fleet.tracks()) {
      if (blobs.exists(BlobKeys.manifestKey(track))) {
        count++;
      }
    }
    return count;
  }

  private static void awaitPublishedBeyond(
      LocalBlobStore blobs, TrackFleet fleet, long before, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (published(blobs, fleet) <= before) {
      assertThat(System.nanoTime())
          .as("a track published after the dev server came back (%d before)", before)
          .isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private static List<ProcessHandle> concat(List<ProcessHandle> a, List<ProcessHandle> b) {
    List<ProcessHandle> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
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
            // as serve runs it: the SIGKILL below must lose nothing in write-ahead-log mode
            .setExtraArgs(TemporalDevServers.SQLITE_PRAGMAS)
            .build());
  }

  /** The dev server on that SQLite file, started by {@code parent} (serve, or this JVM). */
  private static ProcessHandle devServerProcess(ProcessHandle parent, Path database) {
    return parent
        .descendants()
        .filter(p -> p.info().commandLine().orElse("").contains(database.toString()))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no dev server process on " + database + " under pid " + parent.pid()));
  }
}
