package com.audiostems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.gateway.support.GatewayHttp;
import com.audiostems.storage.testing.S3TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ManagedChannel;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;

/**
 * Uploads in parts through the gateway on the S3 kind, against a real S3-compatible server
 * (versitygw): the client PUTs every part to its presigned URL with plain HTTP and reads the ETag
 * from each response, as a real client does; the object is then checked in the bucket behind the
 * gateway's back. Temporal is the SDK's in-memory server without workers: a started track is
 * accepted and never run, which is all that these tests ask of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(S3MultipartUploadTest.TemporalWithoutWorkers.class)
class S3MultipartUploadTest {
  @RegisterExtension static final S3TestServer s3 = new S3TestServer();

  static final String UPLOADER = GatewayTestBase.UPLOADER;
  static final String OTHER_UPLOADER = GatewayTestBase.OTHER_UPLOADER;
  static final String OPERATOR = GatewayTestBase.OPERATOR;
  static final String ADMIN = GatewayTestBase.ADMIN;
  static final String PREFIX = "gw/";
  static final long PART = 5L << 20;

  static {
    // The gateway takes S3 credentials from the SDK's default chain, whose first link is these
    // properties.
    System.setProperty("aws.accessKeyId", s3.credentials().resolveCredentials().accessKeyId());
    System.setProperty(
        "aws.secretAccessKey", s3.credentials().resolveCredentials().secretAccessKey());
  }

  @DynamicPropertySource
  static void s3Store(DynamicPropertyRegistry registry) {
    registry.add("audiostems.gateway.storage.kind", () -> "s3");
    registry.add("audiostems.gateway.storage.s3.bucket", () -> S3TestServer.BUCKET);
    registry.add("audiostems.gateway.storage.s3.prefix", () -> PREFIX);
    registry.add("audiostems.gateway.storage.s3.region", () -> S3TestServer.REGION.id());
    registry.add("audiostems.gateway.storage.s3.endpoint", () -> s3.endpoint().toString());
    registry.add("audiostems.gateway.storage.s3.path-style", () -> "true");
    registry.add(
        "audiostems.gateway.storage.s3.multipart-threshold-bytes", () -> String.valueOf(PART));
    registry.add("audiostems.gateway.storage.s3.part-size-bytes", () -> String.valueOf(PART));
    registry.add("audiostems.gateway.uploads.max-size", () -> "64MB");
    registry.add("audiostems.gateway.uploads.temp-dir", () -> tempDir());
  }

  @AfterAll
  static void forgetCredentials() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  GatewayHttp http;
  final HttpClient plain = HttpClient.newHttpClient();

  @BeforeEach
  void httpClient() {
    http = new GatewayHttp(port, json);
  }

  @Test
  void aLargeFileGoesInPresignedPartsAndCompletesIntoTheExactBytes() throws Exception {
    byte[] content = randomBytes((int) (2 * PART) + 123_457, 1);
    JsonNode location = create(UPLOADER, content.length);

    assertThat(location.has("url")).as("no single PUT URL for an upload in parts").isFalse();
    JsonNode multipart = location.get("multipart");
    assertThat(multipart.get("partSizeBytes").asLong()).isEqualTo(PART);
    assertThat(multipart.get("partCount").asInt()).isEqualTo(3);
    JsonNode parts = multipart.get("parts");
    assertThat(parts).hasSize(3);
    long next = 0;
    for (int i = 0; i < 3; i++) {
      assertThat(parts.get(i).get("partNumber").asInt()).isEqualTo(i + 1);
      assertThat(parts.get(i).get("firstByte").asLong()).isEqualTo(next);
      next = parts.get(i).get("lastByte").asLong() + 1;
    }
    assertThat(next).as("the ranges cover the file exactly").isEqualTo(content.length);
    String uploadId = location.get("uploadId").asText();
    assertThat(multipart.get("completeUrl").asText())
        .isEqualTo("http://localhost:" + port + "/v1/uploads/" + uploadId + "/complete");

    // Parts in any order; the part numbers say where they go.
    List<Map<String, Object>> etags = new ArrayList<>(List.of(Map.of(), Map.of(), Map.of()));
    for (int i : new int[] {2, 0, 1}) {
      etags.set(i, Map.of("partNumber", i + 1, "eTag", putPart(parts.get(i), content)));
    }
    String objectKey = PREFIX + location.get("sourceKey").asText();
    assertThat(objectExists(objectKey)).as("invisible until completed").isFalse();
    GatewayTestBase.assertProblem(
        http.post("/v1/tracks", UPLOADER, Map.of("uploadId", uploadId)),
        409,
        "multipart-upload-incomplete");

    GatewayHttp.Reply completed =
        http.post(multipart.get("completeUrl").asText(), UPLOADER, Map.of("parts", etags));

    assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
    assertThat(completed.json().get("sizeBytes").asLong()).isEqualTo(content.length);
    byte[] stored =
        s3.client()
            .getObject(
                g -> g.bucket(S3TestServer.BUCKET).key(objectKey),
                AsyncResponseTransformer.toBytes())
            .join()
            .asByteArray();
    assertThat(stored.length).isEqualTo(content.length);
    assertThat(sha256(stored)).isEqualTo(sha256(content));
    assertThat(
            http.post("/v1/uploads/" + uploadId + "/complete", UPLOADER, Map.of("parts", etags))
                .status())
        .as("completing again answers the same")
        .isEqualTo(200);
    GatewayTestBase.assertProblem(
        http.delete("/v1/uploads/" + uploadId, UPLOADER), 409, "upload-complete");
    GatewayTestBase.assertProblem(
        http.get("/v1/uploads/" + uploadId, UPLOADER), 409, "upload-complete");
    GatewayHttp.Reply started = http.post("/v1/tracks", UPLOADER, Map.of("uploadId", uploadId));
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
  }

  @Test
  void abortingDiscardsTheUploadAndItsParts() throws Exception {
    byte[] content = randomBytes((int) PART + 10, 2);
    JsonNode location = create(UPLOADER, content.length);
    String uploadId = location.get("uploadId").asText();
    putPart(location.get("multipart").get("parts").get(0), content);
    String objectKey = PREFIX + location.get("sourceKey").asText();
    assertThat(openUploads(objectKey)).as("listed while open").isEqualTo(1);

    GatewayTestBase.assertProblem(
        http.delete("/v1/uploads/" + uploadId, OTHER_UPLOADER), 404, "upload-not-found");
    GatewayTestBase.assertProblem(
        http.delete("/v1/uploads/" + uploadId, OPERATOR), 403, "forbidden");
    GatewayHttp.Reply aborted =
        http.delete(location.get("multipart").get("abortUrl").asText(), UPLOADER);

    assertThat(aborted.status()).as(aborted.toString()).isEqualTo(204);
    assertThat(openUploads(objectKey)).as("no multipart upload left").isZero();
    assertThat(objectExists(objectKey)).isFalse();
    GatewayTestBase.assertProblem(
        http.delete("/v1/uploads/" + uploadId, UPLOADER), 404, "upload-not-found");
    GatewayTestBase.assertProblem(
        http.post("/v1/tracks", UPLOADER, Map.of("uploadId", uploadId)), 404, "upload-not-found");
  }

  @Test
  void aMissingPartOrAWrongETagIsAProblemAndTheUploadStaysOpen() throws Exception {
    byte[] content = randomBytes((int) (2 * PART) + 1, 3);
    JsonNode location = create(UPLOADER, content.length);
    String complete = location.get("multipart").get("completeUrl").asText();
    JsonNode parts = location.get("multipart").get("parts");
    List<Map<String, Object>> etags = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      etags.add(Map.of("partNumber", i + 1, "eTag", putPart(parts.get(i), content)));
    }

    JsonNode missing =
        GatewayTestBase.assertProblem(
            http.post(complete, UPLOADER, Map.of("parts", List.of(etags.get(0), etags.get(2)))),
            400,
            "bad-parts");
    assertThat(missing.get("detail").asText()).contains("missing part numbers [2]");
    GatewayTestBase.assertProblem(
        http.post(
            complete, UPLOADER, Map.of("parts", List.of(etags.get(1), etags.get(0), etags.get(2)))),
        400,
        "bad-parts");
    GatewayHttp.Reply noETag =
        http.post(
            complete,
            UPLOADER,
            Map.of("parts", List.of(etags.get(0), Map.of("partNumber", 2), etags.get(2))));
    assertThat(noETag.status()).as(noETag.toString()).isEqualTo(400);
    assertThat(noETag.header("Content-Type")).startsWith("application/problem+json");
    List<Map<String, Object>> wrong =
        List.of(
            etags.get(0),
            Map.of("partNumber", 2, "eTag", "\"0123456789abcdef0123456789abcdef\""),
            etags.get(2));
    JsonNode refused =
        GatewayTestBase.assertProblem(
            http.post(complete, UPLOADER, Map.of("parts", wrong)), 400, "invalid-part");
    assertThat(refused.get("detail").asText()).contains("InvalidPart");
    GatewayTestBase.assertProblem(
        http.post(complete, OTHER_UPLOADER, Map.of("parts", etags)), 404, "upload-not-found");
    GatewayTestBase.assertProblem(
        http.post(complete, OPERATOR, Map.of("parts", etags)), 403, "forbidden");
    GatewayTestBase.assertProblem(
        http.post(complete, null, Map.of("parts", etags)), 401, "unauthenticated");

    GatewayHttp.Reply completed = http.post(complete, ADMIN, Map.of("parts", etags));

    assertThat(completed.status())
        .as("an admin may complete anyone's upload: " + completed)
        .isEqualTo(200);
    assertThat(objectExists(PREFIX + location.get("sourceKey").asText())).isTrue();
  }

  @Test
  void partUrlsAreRenewedForAnOpenUploadAndPartsSentStay() throws Exception {
    byte[] content = randomBytes((int) PART + 99, 4);
    JsonNode first = create(UPLOADER, content.length);
    String uploadId = first.get("uploadId").asText();
    String part1 = putPart(first.get("multipart").get("parts").get(0), content);

    GatewayHttp.Reply renewed = http.get("/v1/uploads/" + uploadId, UPLOADER);

    assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
    JsonNode parts = renewed.json().get("multipart").get("parts");
    assertThat(parts).hasSize(2);
    String part2 = putPart(parts.get(1), content);
    GatewayHttp.Reply completed =
        http.post(
            "/v1/uploads/" + uploadId + "/complete",
            UPLOADER,
            Map.of(
                "parts",
                List.of(
                    Map.of("partNumber", 1, "eTag", part1),
                    Map.of("partNumber", 2, "eTag", part2))));
    assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
  }

  @Test
  void aSmallFileStillGetsOnePresignedPutAndSizesOverTheLimitAreRefused() throws Exception {
    byte[] content = randomBytes((int) PART, 5);
    GatewayHttp.Reply reply =
        http.post(
            "/v1/uploads", UPLOADER, Map.of("fileName", "small.wav", "sizeBytes", content.length));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    JsonNode location = reply.json();
    assertThat(location.has("multipart")).isFalse();
    assertThat(location.get("method").asText()).isEqualTo("PUT");
    assertThat(location.get("headers").isEmpty()).isTrue();
    HttpResponse<String> put =
        plain.send(
            HttpRequest.newBuilder(URI.create(location.get("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    String uploadId = location.get("uploadId").asText();
    GatewayTestBase.assertProblem(
        http.post(
            "/v1/uploads/" + uploadId + "/complete",
            UPLOADER,
            Map.of("parts", List.of(Map.of("partNumber", 1, "eTag", "\"x\"")))),
        409,
        "not-multipart");
    GatewayTestBase.assertProblem(
        http.delete("/v1/uploads/" + uploadId, UPLOADER), 409, "not-multipart");

    GatewayTestBase.assertProblem(
        http.post(
            "/v1/uploads", UPLOADER, Map.of("fileName", "huge.wav", "sizeBytes", (64L << 20) + 1)),
        413,
        "upload-too-large");
  }

  @Test
  void theOpenApiDocumentDescribesUploadsInParts() {
    GatewayHttp.Reply docs = http.get("/v3/api-docs", null);
    assertThat(docs.status()).isEqualTo(200);
    JsonNode paths = docs.json().get("paths");
    assertThat(paths.get("/v1/uploads/{uploadId}/complete").has("post")).isTrue();
    assertThat(paths.get("/v1/uploads/{uploadId}").has("delete")).isTrue();
    assertThat(paths.get("/v1/uploads/{uploadId}").has("get")).isTrue();
    assertThat(docs.json().get("components").get("schemas").has("Multipart")).isTrue();
  }

  private JsonNode create(String apiKey, long sizeBytes) {
    GatewayHttp.Reply reply =
        http.post("/v1/uploads", apiKey, Map.of("fileName", "master.wav", "sizeBytes", sizeBytes));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json();
  }

  /**
   * PUTs the part's byte range to its URL, as a client does, and answers the ETag of the response.
   */
  private String putPart(JsonNode part, byte[] content) throws Exception {
    byte[] bytes =
        Arrays.copyOfRange(
            content, part.get("firstByte").asInt(), part.get("lastByte").asInt() + 1);
    HttpResponse<String> put =
        plain.send(
            HttpRequest.newBuilder(URI.create(part.get("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    return put.headers().firstValue("ETag").orElseThrow();
  }

  private static boolean objectExists(String objectKey) {
    return !s3.client()
        .listObjectsV2(l -> l.bucket(S3TestServer.BUCKET).prefix(objectKey))
        .join()
        .contents()
        .isEmpty();
  }

  private static int openUploads(String objectKey) {
    return s3.client()
        .listMultipartUploads(l -> l.bucket(S3TestServer.BUCKET).prefix(objectKey))
        .join()
        .uploads()
        .size();
  }

  private static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static String tempDir() {
    try {
      return Files.createTempDirectory("audiostems-gateway-s3-spool").toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The in-memory Temporal server with no worker: tracks start and wait. */
  @TestConfiguration(proxyBeanMethods = false)
  static class TemporalWithoutWorkers {
    @Bean(destroyMethod = "close")
    TestWorkflowEnvironment temporalWithoutWorkers() {
      TestWorkflowEnvironment env =
          TestWorkflowEnvironment.newInstance(
              TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
      for (var key : com.audiostems.workflows.track.TrackSearchAttributes.ALL) {
        env.registerSearchAttribute(
            key.getName(), io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
      }
      env.start();
      return env;
    }

    @Bean
    @Primary
    WorkflowClient workflowClientWithoutWorkers(TestWorkflowEnvironment env) {
      WorkflowServiceStubs stubs =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder()
                  .setChannel((ManagedChannel) env.getWorkflowServiceStubs().getRawChannel())
                  .build());
      return WorkflowClient.newInstance(
          stubs, WorkflowClientOptions.newBuilder().setNamespace(env.getNamespace()).build());
    }
  }
}
