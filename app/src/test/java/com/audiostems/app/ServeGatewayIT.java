package com.audiostems.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.audiostems.activities.testing.TestAudio;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audiostems serve} from the packaged jar with its REST gateway: a client with only the printed
 * API key and HTTP uploads a file, follows the track to PUBLISHED and downloads every output, and the
 * Temporal UI shows the workflow the gateway started.
 */
class ServeGatewayIT {
  private static final Duration PUBLISH_TIMEOUT = Duration.ofMinutes(3);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path temp;

  @Test
  void aClientUploadsFollowsAndDownloadsATrackThroughServesGateway() throws Exception {
    Path cli =
        TemporalCli.locate(null)
            .orElseGet(() -> fail("ServeGatewayIT runs the real Temporal CLI dev server; install it: " + TemporalCli.INSTALL));
    int gatewayPort = Served.freePort();
    Path store = temp.resolve("store");
    List<String> serve =
        Served.command(
            temp.resolve("work"),
            "serve", "--data-dir", temp.resolve("data").toString(),
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

      assertThat(send("GET", api + "/v1/tracks", null, null).statusCode()).as("no key, no entry").isEqualTo(401);

      // Upload: a signed location, then the bytes.
      byte[] source = Files.readAllBytes(TestAudio.wav(temp.resolve("cd.wav"), 44_100, 16, 2, 2.0));
      JsonNode location = json(send("POST", api + "/v1/uploads", apiKey, Map.of("fileName", "cd.wav", "sizeBytes", source.length)), 201);
      JsonNode received = json(put(location.get("url").asText(), source), 200);
      assertThat(received.get("sha256").asText()).isEqualTo(sha256(source));

      // Start, and follow it to PUBLISHED. Two outputs: enough for every step, and light on a small machine.
      JsonNode accepted =
          json(send("POST", api + "/v1/tracks", apiKey, Map.of("uploadId", location.get("uploadId").asText(), "formats", List.of("FLAC", "MP3_320"))), 202);
      String trackId = accepted.get("trackId").asText();
      awaitPublished(api + "/v1/tracks/" + trackId, apiKey);

      // Files: every output, by its signed URL, is what the manifest says it is.
      JsonNode files = json(send("GET", api + "/v1/tracks/" + trackId + "/files", apiKey, null), 200);
      JsonNode manifest = json(send("GET", files.get("manifestUrl").asText(), null, null), 200);
      Map<String, String> sha256OfKey = new HashMap<>();
      manifest.get("outputs").forEach(output -> sha256OfKey.put(output.get("key").asText(), output.get("sha256").asText()));
      assertThat(sha256OfKey).hasSize(2);
      assertThat(files.get("files")).hasSize(2);
      for (JsonNode file : files.get("files")) {
        URI url = URI.create(file.get("url").asText());
        String key = url.getPath().substring("/v1/files/".length());
        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).as(key).isEqualTo(200);
        assertThat(sha256OfKey).as("the manifest lists " + key).containsKey(key);
        assertThat(sha256(download.body())).as(key).isEqualTo(sha256OfKey.get(key)).isEqualTo(file.get("sha256").asText());
      }

      // The Temporal UI's HTTP API shows the same workflow, with its search attributes and summary.
      JsonNode workflow = json(send("GET", ui + "/api/v1/namespaces/default/workflows/track-" + trackId, null, null), 200);
      JsonNode attributes = workflow.at("/workflowExecutionInfo/searchAttributes/indexedFields");
      assertThat(payload(attributes.get("TrackId"))).isEqualTo("\"" + trackId + "\"");
      assertThat(payload(attributes.get("TrackStage"))).isEqualTo("\"PUBLISHED\"");
      assertThat(payload(workflow.at("/executionConfig/userMetadata/summary"))).isEqualTo("\"cd.wav\"");

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

  private void awaitPublished(String trackUrl, String apiKey) throws Exception {
    long deadline = System.nanoTime() + PUBLISH_TIMEOUT.toNanos();
    JsonNode status;
    do {
      Thread.sleep(500);
      status = json(send("GET", trackUrl, apiKey, null), 200);
      assertThat(status.get("status").asText()).as(status.toString()).isNotEqualTo("failed");
      if (System.nanoTime() > deadline) {
        fail("the track was not published within " + PUBLISH_TIMEOUT + ": " + status);
      }
    } while (!"PUBLISHED".equals(status.get("stage").asText()));
  }

  private static String printed(String output, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(output);
    assertThat(matcher.find()).as("serve prints " + regex + ":\n" + output).isTrue();
    return matcher.group(1);
  }

  /** A Temporal payload as the UI's API gives it: its data, base64, decoded. */
  private static String payload(JsonNode payload) {
    assertThat(payload).as("a payload").isNotNull();
    assertThat(payload.isMissingNode()).as("a payload").isFalse();
    return new String(Base64.getDecoder().decode(payload.get("data").asText()), StandardCharsets.UTF_8);
  }

  private HttpResponse<String> send(String method, String url, String apiKey, Object body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (apiKey != null) {
      request.header("X-Api-Key", apiKey);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> put(String url, byte[] bytes) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response, int expectedStatus) throws Exception {
    assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri() + ": " + response.body()).isEqualTo(expectedStatus);
    return JSON.readTree(response.body());
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
