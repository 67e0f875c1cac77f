package com.audiostems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.gateway.support.GatewayHttp;
import com.audiostems.gateway.support.TemporalTestConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a random port in front of a real (in-memory) Temporal running the real track
 * workflow. Every test class extends this one, so they share one application context and one
 * Temporal, and each test makes its own uploads and tracks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TemporalTestConfiguration.class)
@AutoConfigureObservability(tracing = false)
abstract class GatewayTestBase {
  static final String UPLOADER = "uploader-key-1";
  static final String OTHER_UPLOADER = "uploader-key-2";
  static final String OPERATOR = "operator-key";
  static final String ADMIN = "admin-key";
  static final String PROBLEM_TYPE = "urn:audiostems:problem:";

  private static final Path ROOT = tempDir();

  @DynamicPropertySource
  static void directories(DynamicPropertyRegistry registry) {
    registry.add("audiostems.gateway.storage.root", () -> ROOT.resolve("store").toString());
    registry.add("audiostems.gateway.uploads.temp-dir", () -> ROOT.resolve("spool").toString());
  }

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  GatewayHttp http;

  @BeforeEach
  void httpClient() {
    http = new GatewayHttp(port, json);
  }

  /** Creates an upload as the client with this key and sends its content; returns the uploadId. */
  String upload(String apiKey, String fileName, byte[] content) {
    GatewayHttp.Reply location =
        http.post("/v1/uploads", apiKey, Map.of("fileName", fileName, "sizeBytes", content.length));
    assertThat(location.status()).as(location.toString()).isEqualTo(201);
    GatewayHttp.Reply put = http.put(location.json().get("url").asText(), content);
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    return location.json().get("uploadId").asText();
  }

  /** Starts a track and returns its id. */
  String startTrack(String apiKey, Map<String, Object> body) {
    GatewayHttp.Reply started = http.post("/v1/tracks", apiKey, body);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    return started.json().get("trackId").asText();
  }

  /** Polls the track's status (as the operator) until the condition holds; 30 s at most. */
  JsonNode awaitStatus(String trackId, Predicate<JsonNode> condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    JsonNode status = null;
    while (System.nanoTime() < deadline) {
      GatewayHttp.Reply reply =
          whenWorkersAnswer(() -> http.get("/v1/tracks/" + trackId, OPERATOR));
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      status = reply.json();
      if (condition.test(status)) {
        return status;
      }
      sleep();
    }
    throw new AssertionError(
        "Track " + trackId + " did not reach the expected state; last status: " + status);
  }

  /**
   * The reply of a call that queries the track's workflow, once its workers answered. The tests run
   * the gateway with a 1 s worker deadline (so that WorkerOutageTest's 503 comes quickly); on a
   * loaded machine a live workflow's query can miss it, and the API's 503 {@code
   * workers-unavailable} then says to try again, as a client would: before the query is answered
   * nothing was signalled or changed. Any other answer is returned as it is; 30 s at most.
   */
  GatewayHttp.Reply whenWorkersAnswer(Supplier<GatewayHttp.Reply> call) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    GatewayHttp.Reply reply = call.get();
    while (reply.status() == 503
        && reply.text().contains(PROBLEM_TYPE + "workers-unavailable")
        && System.nanoTime() < deadline) {
      sleep();
      reply = call.get();
    }
    return reply;
  }

  JsonNode awaitPublished(String trackId, int version) {
    return awaitStatus(
        trackId,
        s -> "PUBLISHED".equals(s.get("stage").asText()) && s.get("version").asInt() == version);
  }

  /** Asserts the RFC 9457 shape and returns the problem. */
  static JsonNode assertProblem(GatewayHttp.Reply reply, int status, String type) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    JsonNode problem = reply.json();
    assertThat(problem.get("type").asText()).isEqualTo(PROBLEM_TYPE + type);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asText()).isNotBlank();
    return problem;
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("audiostems-gateway-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
