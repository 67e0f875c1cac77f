package com.audiostems.workers.cpu.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.storage.BlobStore;
import com.audiostems.storage.S3BlobStore;
import com.audiostems.storage.WorkingCopyStore;
import com.audiostems.storage.testing.S3TestServer;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.track.TrackIngestResult;
import io.temporal.client.WorkflowClient;
import io.temporal.testserver.TestServer;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The CPU worker host with {@code audiostems.storage.kind=s3}, on a real S3-compatible server
 * (versitygw).
 */
class CpuWorkerS3Test {
  @RegisterExtension static final S3TestServer s3 = new S3TestServer();

  // The store takes credentials from the SDK's default chain, whose first link is these properties.
  private static final String ACCESS_KEY = "aws.accessKeyId";
  private static final String SECRET_KEY = "aws.secretAccessKey";

  @TempDir Path temp;

  @BeforeAll
  static void credentials() {
    System.setProperty(ACCESS_KEY, s3.credentials().resolveCredentials().accessKeyId());
    System.setProperty(SECRET_KEY, s3.credentials().resolveCredentials().secretAccessKey());
  }

  @AfterAll
  static void forgetCredentials() {
    System.clearProperty(ACCESS_KEY);
    System.clearProperty(SECRET_KEY);
  }

  @Test
  void processesATrackWhoseSourceAndOutputsAreInTheBucket() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (var server = TestServer.createPortBoundServer(port, true);
        ConfigurableApplicationContext context = workerOnTheBucket(port, "worker/", 2)) {
      BlobStore store = context.getBean(BlobStore.class);
      assertThat(store).isInstanceOf(S3BlobStore.class);

      Path source = TestAudio.wav(temp.resolve("demo.wav"), 48_000, 24, 2, 1.0);
      TrackIngestResult result =
          OneTrack.ingest(
              context.getBean(WorkflowClient.class),
              store,
              source,
              "s3-1",
              List.of(OutputFormat.FLAC),
              1);

      assertThat(result.manifest().outputs()).hasSize(1);
      // Looked up behind the store's back, so the prefix shows that the objects are where the
      // settings say.
      List<String> inBucket =
          s3
              .client()
              .listObjectsV2(r -> r.bucket(S3TestServer.BUCKET).prefix("worker/tracks/s3-1/"))
              .join()
              .contents()
              .stream()
              .map(o -> o.key())
              .toList();
      assertThat(inBucket)
          .contains("worker/tracks/s3-1/v1/outputs/flac.flac", "worker/tracks/s3-1/manifest.json");
    }
  }

  /**
   * File affinity for the bytes: the CPU host fetches the source once and its probe, validation,
   * metadata and three encode lanes (six reads of the source) read that working copy; the analysis
   * host (a host of its own here) downloads it once more. versitygw's access log counts the GETs.
   */
  @Test
  void eachHostDownloadsATracksSourceOnce() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (var server = TestServer.createPortBoundServer(port, true);
        ConfigurableApplicationContext context = workerOnTheBucket(port, "once/", 3)) {
      BlobStore store = context.getBean(BlobStore.class);
      WorkingCopyStore copies = context.getBean(WorkingCopyStore.class);

      Path source = TestAudio.wav(temp.resolve("demo.wav"), 44_100, 16, 2, 2.0);
      List<OutputFormat> formats =
          List.of(OutputFormat.FLAC, OutputFormat.MP3_320, OutputFormat.AAC_256);
      TrackIngestResult result =
          OneTrack.ingest(
              context.getBean(WorkflowClient.class), store, source, "once-1", formats, 3);

      assertThat(result.manifest().outputs()).hasSize(3);
      String sourceKey = BlobKeys.sourceKey("once-1", "demo.wav");
      assertThat(s3.requests("GetObject", "once/" + sourceKey))
          .as("one GET by the CPU host, one by the analysis host")
          .isEqualTo(2);
      assertThat(copies.keys()).containsExactly(sourceKey);
      assertThat(copies.directory().orElseThrow()).startsWith(temp.resolve("work"));
    }
  }

  @Test
  void kindS3WithoutWatermarkKeysFailsAtStartUpNamingTheKey() {
    // Hosts sharing a bucket must mark with the same keys: none of them may invent its own.
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(CpuWorkerApplication.class)
                    .run(
                        "--spring.temporal.connection.target=127.0.0.1:1",
                        "--audiostems.storage.kind=s3",
                        "--audiostems.storage.s3.bucket=" + S3TestServer.BUCKET,
                        "--audiostems.storage.s3.endpoint=" + s3.endpoint(),
                        "--audiostems.storage.s3.path-style=true",
                        "--audiostems.work-dir=" + temp.resolve("work"),
                        "--audiostems.watermark.generated-key-file="
                            + temp.resolve("data/watermark-key"))
                    .close())
        .hasStackTraceContaining("audiostems.watermark.keys is empty");
    assertThat(temp.resolve("data/watermark-key")).doesNotExist();
  }

  @Test
  void kindS3WithoutABucketFailsAtStartUpNamingTheKey() {
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(CpuWorkerApplication.class)
                    .run(
                        "--audiostems.storage.kind=s3",
                        "--audiostems.work-dir=" + temp.resolve("work"))
                    .close())
        .hasStackTraceContaining("audiostems.storage")
        .hasStackTraceContaining("s3.bucket");
  }

  /**
   * The CPU worker application on the test bucket, under {@code prefix}, polling the server on
   * {@code port}.
   */
  private ConfigurableApplicationContext workerOnTheBucket(
      int port, String prefix, int activitySlots) {
    return new SpringApplicationBuilder(CpuWorkerApplication.class)
        .run(
            "--spring.temporal.connection.target=127.0.0.1:" + port,
            "--audiostems.storage.kind=s3",
            "--audiostems.storage.s3.bucket=" + S3TestServer.BUCKET,
            "--audiostems.storage.s3.prefix=" + prefix,
            "--audiostems.storage.s3.endpoint=" + s3.endpoint(),
            "--audiostems.storage.s3.path-style=true",
            "--audiostems.work-dir=" + temp.resolve("work"),
            "--audiostems.watermark.keys[0].id=s3-test",
            "--audiostems.watermark.keys[0].secret=c2hhcmVkIGJ5IGV2ZXJ5IGhvc3Qgb2YgdGhlIGJ1Y2tldA==",
            "--audiostems.workers.activity-slots=" + activitySlots);
  }
}
