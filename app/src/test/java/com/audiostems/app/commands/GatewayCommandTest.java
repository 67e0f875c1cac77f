package com.audiostems.app.commands;

import static com.audiostems.app.commands.GatewayClient.json;
import static com.audiostems.app.commands.GatewayClient.printed;
import static com.audiostems.app.commands.GatewayClient.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.app.AudiostemsApplication;
import com.audiostems.app.gateway.EmbeddedGateway;
import com.audiostems.app.pools.Pool;
import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.testserver.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The distributed layout on one machine: {@code gateway}, {@code worker --pool cpu}, {@code worker
 * --pool gpu} and {@code worker --pool catalogue}, each the command a separate host would run,
 * against one Temporal server and one store. A track goes in through the gateway and comes out
 * published.
 */
class GatewayCommandTest {
  @TempDir Path temp;

  @Test
  void theGatewayAloneTakesATrackThatTheWorkersAlonePublish() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String target = "127.0.0.1:" + port;
    Path store = temp.resolve("store");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    try (var server = TestServer.createPortBoundServer(port, true);
        ConfigurableApplicationContext context =
            AudiostemsApplication.start(
                new String[] {
                  "--audiostems.work-dir=" + temp.resolve("work"),
                  "--audiostems.storage.root=" + store,
                  "--audiostems.serve.gateway-port=0"
                },
                Map.of("audiostems.temporal.target", target));
        AutoCloseable cpu = context.getBean(WorkerRunner.class).start(Pool.CPU, print);
        AutoCloseable gpu = context.getBean(WorkerRunner.class).start(Pool.GPU, print);
        AutoCloseable catalogue = context.getBean(WorkerRunner.class).start(Pool.CATALOGUE, print);
        EmbeddedGateway gateway = context.getBean(GatewayRunner.class).start(print)) {
      String started = out.toString(StandardCharsets.UTF_8);
      assertThat(started).contains("Gateway for " + target + " (namespace default)");
      String api = printed(started, "REST API:\\s+(http://127\\.0\\.0\\.1:\\d+)");
      String apiKey = printed(started, "API key:\\s+(\\S+)");
      GatewayClient client = new GatewayClient();

      byte[] source =
          Files.readAllBytes(TestAudio.wav(temp.resolve("song.wav"), 44_100, 16, 2, 2.0));
      JsonNode location =
          json(
              client.send(
                  "POST",
                  api + "/v1/uploads",
                  apiKey,
                  Map.of("fileName", "song.wav", "sizeBytes", source.length)),
              201);
      assertThat(json(client.put(location.get("url").asText(), source), 200).get("sha256").asText())
          .isEqualTo(sha256(source));
      JsonNode accepted =
          json(
              client.send(
                  "POST",
                  api + "/v1/tracks",
                  apiKey,
                  Map.of(
                      "uploadId", location.get("uploadId").asText(), "formats", List.of("FLAC"))),
              202);
      String trackId = accepted.get("trackId").asText();

      client.awaitPublished(api + "/v1/tracks/" + trackId, apiKey, Duration.ofMinutes(2));
      assertThat(store.resolve("tracks/" + trackId + "/v1/outputs/flac.flac")).exists();
      assertThat(store.resolve("tracks/" + trackId + "/v1/analysis.json")).exists();
      assertThat(store.resolve("catalogue/tracks/" + trackId + ".json"))
          .as("the catalogue worker indexed it")
          .exists();

      // Licences: the gateway was given the application's ledger and licence tokens (from this
      // process's configuration: the embedded ledger under the store, a generated token key), and
      // the CPU worker runs the licence's workflow on the same ledger.
      assertThat(started).contains("Licences:      on");
      JsonNode granted =
          json(
              client.send(
                  "POST",
                  api + "/v1/licences",
                  apiKey,
                  Map.of(
                      "trackId",
                      trackId,
                      "licensee",
                      "Acme Films",
                      "formats",
                      List.of("FLAC"),
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
      String licenceId = granted.get("licenceId").asText();
      assertThat(
              json(client.send("GET", api + "/v1/licences/" + licenceId, apiKey, null), 200)
                  .get("licenceId")
                  .asText())
          .isEqualTo(licenceId);
    }
  }

  @Test
  void aGatewayWithoutAServerIsAUsageError() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        AudiostemsApplication.run(
            new String[] {"gateway", "--audiostems.storage.root=" + temp.resolve("s")},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("gateway needs --temporal HOST:PORT")
        .contains("usage: audiostems gateway");
  }
}
