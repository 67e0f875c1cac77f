package com.audiostems.app.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.app.AudiostemsApplication;
import com.audiostems.app.pools.Pool;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.track.TrackIngestResult;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code worker --pool cpu} and {@code --pool gpu}: each pool alone, doing the work of a workflow
 * started elsewhere.
 */
class WorkerCommandTest {
  @TempDir Path temp;

  @Test
  void theTwoPoolsProcessATrackStartedByAnotherClient() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String target = "127.0.0.1:" + port;
    Path store = temp.resolve("store");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream gpuOut = new ByteArrayOutputStream();
    ByteArrayOutputStream catalogueOut = new ByteArrayOutputStream();
    try (var server = TestServer.createPortBoundServer(port, true);
        ConfigurableApplicationContext context =
            AudiostemsApplication.start(
                new String[] {
                  "--audiostems.work-dir=" + temp.resolve("work"),
                  "--audiostems.storage.root=" + store,
                  "--audiostems.temporal.data-dir=" + temp.resolve("data")
                },
                Map.of("audiostems.temporal.target", target));
        AutoCloseable cpu =
            context
                .getBean(WorkerRunner.class)
                .start(Pool.CPU, new PrintStream(out, true, StandardCharsets.UTF_8));
        AutoCloseable gpu =
            context
                .getBean(WorkerRunner.class)
                .start(Pool.GPU, new PrintStream(gpuOut, true, StandardCharsets.UTF_8));
        AutoCloseable catalogue =
            context
                .getBean(WorkerRunner.class)
                .start(
                    Pool.CATALOGUE, new PrintStream(catalogueOut, true, StandardCharsets.UTF_8))) {
      WorkflowServiceStubs service =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
      try {
        Path source = TestAudio.wav(temp.resolve("demo.wav"), 44_100, 16, 2, 1.5);

        TrackIngestResult result =
            TrackRuns.ingest(
                WorkflowClient.newInstance(service),
                store,
                "by-worker",
                source,
                List.of(OutputFormat.FLAC));

        assertThat(result.manifest().outputs())
            .singleElement()
            .satisfies(o -> assertThat(o.format()).isEqualTo(OutputFormat.FLAC));
        assertThat(store.resolve("tracks/by-worker/v1/outputs/flac.flac")).exists();
        assertThat(store.resolve("tracks/by-worker/manifest.json")).exists();
        assertThat(result.manifest().analysis().loudness().integratedLufs()).isBetween(-40.0, 0.0);
        assertThat(store.resolve("tracks/by-worker/v1/analysis.json")).exists();
      } finally {
        service.shutdown();
      }
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("CPU pool polling audio-workflows (workflows) and audio-cpu")
        .contains("on " + target + ", namespace default")
        .contains("Store root: " + store.toAbsolutePath());
    assertThat(gpuOut.toString(StandardCharsets.UTF_8))
        .contains("GPU pool polling audio-gpu (analysis")
        .contains(WorkerRunner.STOP_HINT);
    assertThat(catalogueOut.toString(StandardCharsets.UTF_8))
        .contains(
            "Catalogue pool polling audio-catalogue with the indexes at "
                + store.toAbsolutePath().resolve(".catalogue"))
        .as("the line scripts wait for")
        .contains(WorkerRunner.STOP_HINT);
  }

  @Test
  void aServerThatDoesNotAnswerIsReportedInOneLine() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // closed again: nothing listens there
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        AudiostemsApplication.run(
            new String[] {
              "worker",
              "--pool",
              "cpu",
              "--temporal",
              "127.0.0.1:" + port,
              "--audiostems.storage.root=" + temp.resolve("s"),
              "--audiostems.temporal.data-dir=" + temp.resolve("data")
            },
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(ExitCodes.FAILED);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith(
            "audiostems: the Temporal server at 127.0.0.1:"
                + port
                + " (namespace default) did not answer: UNAVAILABLE")
        .hasLineCount(1);
  }
}
