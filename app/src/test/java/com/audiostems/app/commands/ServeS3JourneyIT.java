package com.audiostems.app.commands;

import static com.audiostems.app.commands.GatewayClient.json;
import static com.audiostems.app.commands.GatewayClient.printed;
import static com.audiostems.app.commands.GatewayClient.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.app.temporal.TemporalCli;
import com.audiostems.storage.testing.S3TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audiostems serve} from the packaged jar with {@code audiostems.storage.kind=s3}, on a real
 * S3-compatible server (versitygw) and the real Temporal CLI dev server: a client with the printed
 * API key and plain HTTP gets a presigned S3 PUT for its upload, sends the bytes straight to the
 * bucket, starts the track, follows it to PUBLISHED, and downloads every output and the manifest by
 * presigned S3 GETs: the bytes never pass through the gateway. The one process is one host for file
 * affinity, so its CPU and analysis pools together download the source once.
 */
class ServeS3JourneyIT {
  @RegisterExtension static final S3TestServer s3 = new S3TestServer();

  private static final Duration PUBLISH_TIMEOUT = Duration.ofMinutes(3);
  private static final String PREFIX = "journey/";

  private final GatewayClient gateway = new GatewayClient();

  @TempDir Path temp;

  @Test
  void aClientUploadsToTheBucketFollowsTheTrackAndDownloadsFromTheBucket() throws Exception {
    Path cli =
        TemporalCli.locate(null)
            .orElseGet(
                () ->
                    fail(
                        "ServeS3JourneyIT runs the real Temporal CLI dev server; install it: "
                            + TemporalCli.INSTALL));
    int gatewayPort = Served.freePort();
    List<String> serve =
        Served.command(
            temp.resolve("work"),
            "serve",
            "--data-dir",
            temp.resolve("data").toString(),
            "--audiostems.temporal.cli-path=" + cli,
            "--audiostems.temporal.port=" + Served.freePort(),
            "--audiostems.temporal.ui-port=0",
            "--audiostems.serve.gateway-port=" + gatewayPort,
            "--audiostems.storage.kind=s3",
            "--audiostems.storage.s3.bucket=" + S3TestServer.BUCKET,
            "--audiostems.storage.s3.prefix=" + PREFIX,
            "--audiostems.storage.s3.endpoint=" + s3.endpoint(),
            "--audiostems.storage.s3.path-style=true",
            // Hosts on a bucket share configured keys; none generates its own.
            "--audiostems.watermark.keys[0].id=s3-journey",
            "--audiostems.watermark.keys[0].secret=c2hhcmVkIGJ5IGV2ZXJ5IGhvc3Qgb2YgdGhlIGJ1Y2tldA==",
            "--audiostems.workers.encode-lanes=2");
    // The one set of credentials that serve's workers and its gateway both take from the SDK's
    // chain.
    Map<String, String> credentials =
        Map.of(
            "AWS_ACCESS_KEY_ID", s3.credentials().resolveCredentials().accessKeyId(),
            "AWS_SECRET_ACCESS_KEY", s3.credentials().resolveCredentials().secretAccessKey());

    String api = "http://127.0.0.1:" + gatewayPort;
    try (Served served = Served.start(serve, credentials)) {
      String started = served.output();
      assertThat(started)
          .contains("Store bucket:  s3://" + S3TestServer.BUCKET + "/" + PREFIX)
          .doesNotContain("Store root");
      String apiKey = printed(started, "API key:\\s+(\\S+)");

      // 1. An upload location: a presigned PUT into the bucket, not the gateway.
      byte[] source = Files.readAllBytes(TestAudio.wav(temp.resolve("cd.wav"), 44_100, 16, 2, 2.0));
      JsonNode location =
          json(
              gateway.send(
                  "POST",
                  api + "/v1/uploads",
                  apiKey,
                  Map.of("fileName", "cd.wav", "sizeBytes", source.length)),
              201);
      URI put = URI.create(location.get("url").asText());
      assertThat(location.get("method").asText()).isEqualTo("PUT");
      assertThat(put.getAuthority()).isEqualTo(s3.endpoint().getAuthority());
      String sourceKey = location.get("sourceKey").asText();
      assertThat(put.getPath()).isEqualTo("/" + S3TestServer.BUCKET + "/" + PREFIX + sourceKey);
      assertThat(put.getQuery()).contains("X-Amz-Signature=");

      // 2. The bytes, with nothing but the URL.
      HttpResponse<String> stored = gateway.put(put.toString(), source);
      assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
      assertThat(
              s3.client()
                  .headObject(h -> h.bucket(S3TestServer.BUCKET).key(PREFIX + sourceKey))
                  .join()
                  .contentLength())
          .isEqualTo(source.length);

      // 3. The track, followed to PUBLISHED.
      JsonNode accepted =
          json(
              gateway.send(
                  "POST",
                  api + "/v1/tracks",
                  apiKey,
                  Map.of(
                      "uploadId",
                      location.get("uploadId").asText(),
                      "formats",
                      List.of("FLAC", "MP3_320"))),
              202);
      String trackId = accepted.get("trackId").asText();
      JsonNode status =
          gateway.awaitPublished(api + "/v1/tracks/" + trackId, apiKey, PUBLISH_TIMEOUT);
      assertThat(status.get("outputs")).hasSize(2);

      // 4. Every file by a presigned S3 GET; each is what the manifest says, to the byte.
      JsonNode files =
          json(gateway.send("GET", api + "/v1/tracks/" + trackId + "/files", apiKey, null), 200);
      URI manifestUrl = URI.create(files.get("manifestUrl").asText());
      assertThat(manifestUrl.getAuthority()).isEqualTo(s3.endpoint().getAuthority());
      HttpResponse<byte[]> manifestDownload = gateway.download(manifestUrl);
      assertThat(manifestDownload.statusCode()).isEqualTo(200);
      JsonNode manifest = GatewayClient.JSON.readTree(manifestDownload.body());
      Map<String, JsonNode> outputOfKey = new HashMap<>();
      manifest
          .get("outputs")
          .forEach(output -> outputOfKey.put(PREFIX + output.get("key").asText(), output));
      assertThat(outputOfKey).hasSize(2);
      assertThat(files.get("files")).hasSize(2);
      for (JsonNode file : files.get("files")) {
        URI url = URI.create(file.get("url").asText());
        assertThat(url.getAuthority()).isEqualTo(s3.endpoint().getAuthority());
        String objectKey = url.getPath().substring(("/" + S3TestServer.BUCKET + "/").length());
        assertThat(outputOfKey).as("the manifest lists " + objectKey).containsKey(objectKey);
        JsonNode output = outputOfKey.get(objectKey);
        HttpResponse<byte[]> download = gateway.download(url);
        assertThat(download.statusCode()).as(objectKey).isEqualTo(200);
        assertThat((long) download.body().length)
            .as(objectKey)
            .isEqualTo(output.get("bytes").asLong())
            .isEqualTo(file.get("bytes").asLong());
        assertThat(sha256(download.body()))
            .as(objectKey)
            .isEqualTo(output.get("sha256").asText())
            .isEqualTo(file.get("sha256").asText());
      }

      // 5. The analysis pool ran in serve: the manifest has its section, and its report is in the
      // bucket.
      JsonNode analysis = manifest.get("analysis");
      assertThat(analysis).as("the manifest's analysis section: " + manifest).isNotNull();
      assertThat(analysis.isNull()).isFalse();
      String analysisKey = analysis.get("assetKey").asText();
      assertThat(analysisKey).isEqualTo("tracks/" + trackId + "/v1/analysis.json");
      assertThat(
              s3.client()
                  .headObject(h -> h.bucket(S3TestServer.BUCKET).key(PREFIX + analysisKey))
                  .join()
                  .contentLength())
          .isPositive();

      // 6. One host, one download of the source: probe, validation, metadata, both lanes and the
      // analysis read serve's working copy.
      assertThat(s3.requests("GetObject", PREFIX + sourceKey)).isEqualTo(1);

      assertThat(served.stop()).contains("Stopped.");
    }
    assertThat(temp.resolve("work").resolve("working-copies"))
        .as("serve removes its working copies when it stops")
        .isEmptyDirectory();
  }
}
