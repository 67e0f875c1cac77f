package com.audiostems.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A real HTTP client against the gateway under test, as an API user would call it. */
public final class GatewayHttp {
  public static final String API_KEY = "X-Api-Key";

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private final ObjectMapper json;

  public GatewayHttp(int port, ObjectMapper json) {
    this.base = "http://localhost:" + port;
    this.json = json;
  }

  public Reply get(String pathOrUrl, String apiKey) {
    return send(request(pathOrUrl, apiKey).GET());
  }

  /** A GET with extra headers as name, value pairs (e.g. Authorization). */
  public Reply get(String pathOrUrl, String apiKey, String... headers) {
    HttpRequest.Builder request = request(pathOrUrl, apiKey);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request.GET());
  }

  public Reply delete(String path, String apiKey) {
    return send(request(path, apiKey).DELETE());
  }

  /** POSTs the body as JSON; extra headers come as name, value pairs. */
  public Reply post(String path, String apiKey, Object body, String... headers) {
    HttpRequest.Builder request = request(path, apiKey).header("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      byte[] content =
          body instanceof String text
              ? text.getBytes(StandardCharsets.UTF_8)
              : json.writeValueAsBytes(body);
      return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(content)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * POSTs one file as multipart/form-data, as {@code curl -F part=@fileName} does; a null part name
   * sends a form with no part at all.
   */
  public Reply postFile(String path, String apiKey, String part, String fileName, byte[] content) {
    String boundary = "audiostems-test-" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    if (part != null) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + part
                  + "\"; filename=\""
                  + fileName
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        request(path, apiKey)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** POSTs JSON without a Content-Length (chunked), as a streaming client does. */
  public Reply postChunked(String path, String apiKey, String body) {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    return send(
        request(path, apiKey)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(content))));
  }

  /** PUTs raw bytes with their Content-Length, as a client following an upload location does. */
  public Reply put(String url, byte[] content) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
  }

  /**
   * The same with a Content-Type, e.g. the form type that {@code curl --data-binary} puts on any
   * body.
   */
  public Reply put(String url, byte[] content, String contentType) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
  }

  private HttpRequest.Builder request(String pathOrUrl, String apiKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl))
            .timeout(Duration.ofSeconds(30));
    if (apiKey != null) {
      request.header(API_KEY, apiKey);
    }
    return request;
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(response.statusCode(), response.headers(), response.body(), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public record Reply(
      int status, java.net.http.HttpHeaders headers, byte[] body, ObjectMapper mapper) {

    public JsonNode json() {
      try {
        return mapper.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + text(), e);
      }
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + text();
    }
  }
}
