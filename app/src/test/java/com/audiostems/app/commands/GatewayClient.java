package com.audiostems.app.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of serve's REST gateway with nothing but plain HTTP (java.net.http) and the printed API
 * key, as the tests use it.
 */
final class GatewayClient {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * The value of the first group of {@code regex} in serve's output; fails naming what was printed.
   */
  static String printed(String output, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(output);
    assertThat(matcher.find()).as("serve prints " + regex + ":\n" + output).isTrue();
    return matcher.group(1);
  }

  /** A request with an optional API key and JSON body. */
  HttpResponse<String> send(String method, String url, String apiKey, Object body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (apiKey != null) {
      request.header("X-Api-Key", apiKey);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A plain PUT of the bytes, as an upload location takes them: no headers beyond the URL. */
  HttpResponse<String> put(String url, byte[] bytes) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .timeout(Duration.ofSeconds(60))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A file as multipart/form-data part {@code file}, as {@code curl -F file=@NAME} sends it. */
  HttpResponse<String> postFile(String url, String apiKey, String fileName, byte[] bytes)
      throws Exception {
    String boundary = "audiostems-" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    body.writeBytes(bytes);
    body.writeBytes(
        ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("X-Api-Key", apiKey)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .timeout(Duration.ofSeconds(60))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A plain GET of the bytes, as a download location serves them. */
  HttpResponse<byte[]> download(URI url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Polls the track's status until its stage is PUBLISHED; fails at once when it failed. */
  JsonNode awaitPublished(String trackUrl, String apiKey, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode status;
    do {
      Thread.sleep(500);
      status = json(send("GET", trackUrl, apiKey, null), 200);
      assertThat(status.get("status").asText()).as(status.toString()).isNotEqualTo("failed");
      if (System.nanoTime() > deadline) {
        fail("the track was not published within " + timeout + ": " + status);
      }
    } while (!"PUBLISHED".equals(status.get("stage").asText()));
    return status;
  }

  static JsonNode json(HttpResponse<String> response, int expectedStatus) throws Exception {
    assertThat(response.statusCode())
        .as(response.request().method() + " " + response.request().uri() + ": " + response.body())
        .isEqualTo(expectedStatus);
    return JSON.readTree(response.body());
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
