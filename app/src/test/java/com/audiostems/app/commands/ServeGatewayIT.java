package com.audiostems.app.commands;

import static com.audiostems.app.commands.GatewayClient.json;
import static com.audiostems.app.commands.GatewayClient.printed;
import static com.audiostems.app.commands.GatewayClient.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.app.temporal.TemporalCli;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audiostems serve} from the packaged jar with its REST gateway: a client with only the
 * printed API key and HTTP uploads a file, follows the track to PUBLISHED and downloads every
 * output, and the Temporal UI shows the workflow the gateway started.
 */
class ServeGatewayIT {
  private static final Duration PUBLISH_TIMEOUT = Duration.ofMinutes(3);
  private final GatewayClient gateway = new GatewayClient();

  @TempDir Path temp;

  @Test
  void aClientUploadsFollowsAndDownloadsATrackThroughServesGateway() throws Exception {
    Path cli =
        TemporalCli.locate(null)
            .orElseGet(
                () ->
                    fail(
                        "ServeGatewayIT runs the real Temporal CLI dev server; install it: "
                            + TemporalCli.INSTALL));
    int gatewayPort = Served.freePort();
    Path store = temp.resolve("store");
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
            "--audiostems.storage.root=" + store);

    String api = "http://127.0.0.1:" + gatewayPort;
    try (Served served = Served.start(serve)) {
      String started = served.output();
      assertThat(started).contains("REST API:      " + api);
      String apiKey = printed(started, "API key:\\s+(\\S+)");
      String ui = printed(started, "Web UI:\\s+(http://127\\.0\\.0\\.1:\\d+)");
      assertThat(started).contains("curl -H 'X-Api-Key: " + apiKey + "' " + api + "/v1/tracks");

      assertThat(gateway.send("GET", api + "/v1/tracks", null, null).statusCode())
          .as("no key, no entry")
          .isEqualTo(401);

      // Upload: a signed location, then the bytes.
      // Generated music, long enough to be identified from an excerpt afterwards.
      Path master = CatalogueCommandTest.music(temp, "cd.wav", 11, 24);
      byte[] source = Files.readAllBytes(master);
      JsonNode location =
          json(
              gateway.send(
                  "POST",
                  api + "/v1/uploads",
                  apiKey,
                  Map.of("fileName", "cd.wav", "sizeBytes", source.length)),
              201);
      JsonNode received = json(gateway.put(location.get("url").asText(), source), 200);
      assertThat(received.get("sha256").asText()).isEqualTo(sha256(source));

      // Start, and follow it to PUBLISHED. Two outputs: enough for every step, and light on a small
      // machine.
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
                      List.of("FLAC", "MP3_320"),
                      "title",
                      "Nocturne",
                      "artist",
                      "Ada Lovelace")),
              202);
      String trackId = accepted.get("trackId").asText();
      gateway.awaitPublished(api + "/v1/tracks/" + trackId, apiKey, PUBLISH_TIMEOUT);

      // Files: every output, by its signed URL, is what the manifest says it is.
      JsonNode files =
          json(gateway.send("GET", api + "/v1/tracks/" + trackId + "/files", apiKey, null), 200);
      JsonNode manifest =
          json(gateway.send("GET", files.get("manifestUrl").asText(), null, null), 200);
      Map<String, String> sha256OfKey = new HashMap<>();
      manifest
          .get("outputs")
          .forEach(
              output -> sha256OfKey.put(output.get("key").asText(), output.get("sha256").asText()));
      assertThat(sha256OfKey).hasSize(2);
      assertThat(files.get("files")).hasSize(2);
      for (JsonNode file : files.get("files")) {
        URI url = URI.create(file.get("url").asText());
        String key = url.getPath().substring("/v1/files/".length());
        HttpResponse<byte[]> download = gateway.download(url);
        assertThat(download.statusCode()).as(key).isEqualTo(200);
        assertThat(sha256OfKey).as("the manifest lists " + key).containsKey(key);
        assertThat(sha256(download.body()))
            .as(key)
            .isEqualTo(sha256OfKey.get(key))
            .isEqualTo(file.get("sha256").asText());
      }

      // Identify: a 10 s MP3 excerpt from 0:08, uploaded, is found as this track at 0:08-0:18.
      byte[] excerpt =
          Files.readAllBytes(
              TestAudio.convert(
                  master,
                  temp.resolve("clip.mp3"),
                  "-ss",
                  "8",
                  "-t",
                  "10",
                  "-c:a",
                  "libmp3lame",
                  "-b:a",
                  "128k"));
      JsonNode query =
          json(
              gateway.send(
                  "POST",
                  api + "/v1/uploads",
                  apiKey,
                  Map.of("fileName", "clip.mp3", "sizeBytes", excerpt.length)),
              201);
      json(gateway.put(query.get("url").asText(), excerpt), 200);
      HttpResponse<String> asked =
          gateway.send(
              "POST",
              api + "/v1/identify",
              apiKey,
              Map.of("uploadId", query.get("uploadId").asText()));
      // 200 when answered within the gateway's wait; a loaded machine may need a poll or two.
      for (int poll = 0; asked.statusCode() == 202 && poll < 60; poll++) {
        Thread.sleep(1000);
        asked =
            gateway.send(
                "GET", api + "/v1/identify/" + query.get("uploadId").asText(), apiKey, null);
      }
      JsonNode identified = json(asked, 200);
      assertThat(identified.get("found").asBoolean()).as(identified.toString()).isTrue();
      JsonNode match = identified.at("/tracks/0");
      assertThat(match.get("id").asText()).isEqualTo(trackId);
      assertThat(match.get("matchStartSeconds").asDouble())
          .isCloseTo(8.0, org.assertj.core.data.Offset.offset(1.0));
      assertThat(match.get("matchEndSeconds").asDouble())
          .isCloseTo(18.0, org.assertj.core.data.Offset.offset(1.0));

      // Trace: the same excerpt, posted as a file, is found as this track by its fingerprint; it
      // was cut from the unmarked master, so no mark is read.
      JsonNode traced = json(gateway.postFile(api + "/v1/trace", apiKey, "clip.mp3", excerpt), 200);
      assertThat(traced.at("/fingerprint/tracks/0/id").asText())
          .as(traced.toString())
          .isEqualTo(trackId);
      assertThat(traced.at("/fingerprint/tracks/0/matchStartSeconds").asDouble())
          .isCloseTo(8.0, org.assertj.core.data.Offset.offset(1.0));
      assertThat(traced.at("/watermark/found").asBoolean()).isFalse();

      // Licences: serve's gateway has serve's ledger and licence tokens, and serve's CPU pool runs
      // the licence's workflow.
      assertThat(started).contains("Licences:      on");
      JsonNode granted =
          json(
              gateway.send(
                  "POST",
                  api + "/v1/licences",
                  apiKey,
                  Map.of(
                      "trackId",
                      trackId,
                      "licensee",
                      "Acme Films",
                      "formats",
                      List.of("MP3_320"),
                      "duration",
                      "P30D",
                      "feeMinorUnits",
                      50_000,
                      "currency",
                      "EUR",
                      "usageType",
                      "sync")),
              201);
      assertThat(granted.get("token").asText()).isNotBlank();
      assertThat(granted.get("status").asText()).isEqualTo("ACTIVE");

      // Analytics: serve recorded the track's processing record and its measured activities. The
      // licence's row is its workflow's projection, written a moment after the grant answers.
      JsonNode metrics;
      long licenceDeadline = System.nanoTime() + 30_000_000_000L;
      do {
        metrics =
            json(
                gateway.send("GET", api + "/v1/tracks/" + trackId + "/metrics", apiKey, null), 200);
        Thread.sleep(100);
      } while (metrics.get("licences").asLong() == 0 && System.nanoTime() < licenceDeadline);
      assertThat(metrics.at("/processing/outcome").asText()).isEqualTo("PUBLISHED");
      assertThat(metrics.at("/processing/stageMillis")).isEqualTo(manifest.get("stageMillis"));
      assertThat(metrics.at("/processing/qualityScore").asInt())
          .isEqualTo(manifest.at("/quality/score").asInt());
      assertThat(metrics.at("/processing/ffmpegCpuMillis").asLong()).isPositive();
      assertThat(metrics.get("licences").asLong()).isEqualTo(1);
      assertThat(metrics.at("/revenueByCurrency/0/feeMinorUnits").asLong()).isEqualTo(50_000);
      JsonNode processing =
          json(gateway.send("GET", api + "/v1/analytics/processing", apiKey, null), 200);
      assertThat(processing.at("/totals/published").asLong()).isEqualTo(1);
      assertThat(processing.at("/totals/tracks").asLong()).isEqualTo(1);

      // The Temporal UI's HTTP API shows the same workflow, with its search attributes and summary.
      JsonNode workflow =
          json(
              gateway.send(
                  "GET", ui + "/api/v1/namespaces/default/workflows/track-" + trackId, null, null),
              200);
      JsonNode attributes = workflow.at("/workflowExecutionInfo/searchAttributes/indexedFields");
      assertThat(payload(attributes.get("TrackId"))).isEqualTo("\"" + trackId + "\"");
      assertThat(payload(attributes.get("TrackStage"))).isEqualTo("\"PUBLISHED\"");
      assertThat(payload(workflow.at("/executionConfig/userMetadata/summary")))
          .isEqualTo("\"Nocturne — Ada Lovelace\"");

      String stopped = served.stop();
      assertThat(stopped).contains("Stopped.");
      assertThat(stopped.lines().filter(line -> line.contains(apiKey)))
          .as("the generated key is printed once, in the start-up lines, and logged nowhere else")
          .hasSize(2);
    }
    assertThatThrownBy(() -> new Socket("127.0.0.1", gatewayPort).close())
        .as("the gateway stops with serve")
        .isInstanceOf(ConnectException.class);
  }

  /** A Temporal payload as the UI's API gives it: its data, base64, decoded. */
  private static String payload(JsonNode payload) {
    assertThat(payload).as("a payload").isNotNull();
    assertThat(payload.isMissingNode()).as("a payload").isFalse();
    return new String(
        Base64.getDecoder().decode(payload.get("data").asText()), StandardCharsets.UTF_8);
  }
}
