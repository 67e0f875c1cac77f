package com.audiostems.workers.cpu.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.track.TrackIngestResult;
import io.temporal.client.WorkflowClient;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The CPU pool as its own Spring Boot application, connected by the Temporal starter to a server on
 * a port.
 */
class CpuWorkerApplicationTest {
  @TempDir Path temp;

  @Test
  void theStartersFactoryRunsTheCpuPoolAndPublishesATrack() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path store = temp.resolve("store");
    WorkerFactory factory;
    try (var server = TestServer.createPortBoundServer(port, true);
        ConfigurableApplicationContext context =
            new SpringApplicationBuilder(CpuWorkerApplication.class)
                .run(
                    "--spring.temporal.connection.target=127.0.0.1:" + port,
                    "--audiostems.storage.root=" + store,
                    "--audiostems.work-dir=" + temp.resolve("work"),
                    // No keys configured and a local store: the host generates its own, here.
                    "--audiostems.watermark.generated-key-file="
                        + temp.resolve("data/watermark-key"),
                    "--audiostems.workers.activity-slots=2")) {
      factory = context.getBean(WorkerFactory.class);
      assertThat(factory.isStarted())
          .as("started by the starter once the application is ready")
          .isTrue();
      assertThat(factory.tryGetWorker(TaskQueues.TRACK_WORKFLOWS)).isNotNull();
      assertThat(factory.tryGetWorker(TaskQueues.AUDIO_CPU)).isNotNull();

      Path source = TestAudio.wav(temp.resolve("demo.wav"), 48_000, 24, 2, 1.5);
      TrackIngestResult result =
          OneTrack.ingest(
              context.getBean(WorkflowClient.class),
              context.getBean(BlobStore.class),
              source,
              "boot-1",
              List.of(OutputFormat.FLAC, OutputFormat.MP3_320),
              2);

      assertThat(result.manifest().outputs()).hasSize(2);
      assertThat(store.resolve("tracks/boot-1/v1/outputs/flac.flac")).exists();
      assertThat(store.resolve("tracks/boot-1/v1/outputs/mp3-320k.mp3")).exists();
      assertThat(store.resolve("tracks/boot-1/manifest.json")).exists();
      assertThat(temp.resolve("data/watermark-key")).exists();
      assertThat(java.nio.file.Files.getPosixFilePermissions(temp.resolve("data/watermark-key")))
          .containsExactlyInAnyOrder(
              java.nio.file.attribute.PosixFilePermission.OWNER_READ,
              java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }
    assertThat(factory.isTerminated()).as("stopped with the application").isTrue();
  }
}
