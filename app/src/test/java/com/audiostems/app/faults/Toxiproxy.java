package com.audiostems.app.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Toxiproxy server (Shopify's TCP fault-injecting proxy) as a child process on a free
 * loopback port, driven through its HTTP API: proxies, toxics (latency, reset_peer, ...) and
 * switching a proxy off and on. The binary comes from {@code bin/install-toxiproxy}; {@value
 * #BINARY_ENV} may point elsewhere. Without it the test fails: a skipped fault test would pass CI
 * with the faults untested.
 */
final class Toxiproxy implements AutoCloseable {
  static final String BINARY_ENV = "AUDIOSTEMS_TOXIPROXY";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final String api;
  private final HttpClient http = HttpClient.newHttpClient();

  private Toxiproxy(Process process, String api) {
    this.process = process;
    this.api = api;
  }

  static Toxiproxy start(Path log) throws Exception {
    Path binary = binary();
    int port = freeLoopbackPort();
    Process process =
        new ProcessBuilder(
                List.of(binary.toString(), "-host", "127.0.0.1", "-port", String.valueOf(port)))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Toxiproxy toxiproxy = new Toxiproxy(process, "http://127.0.0.1:" + port);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!listening(port)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        toxiproxy.close();
        throw new IllegalStateException(
            "Toxiproxy ("
                + binary
                + ") did not start listening on "
                + port
                + ":\n"
                + Files.readString(log));
      }
      Thread.sleep(50);
    }
    return toxiproxy;
  }

  /** A proxy listening on a free loopback port in front of {@code upstream}; returns its port. */
  int createProxy(String name, InetSocketAddress upstream) throws Exception {
    int listen = freeLoopbackPort();
    send(
        "POST",
        "/proxies",
        Map.of(
            "name",
            name,
            "listen",
            "127.0.0.1:" + listen,
            "upstream",
            upstream.getHostString() + ":" + upstream.getPort(),
            "enabled",
            true));
    return listen;
  }

  /**
   * Adds a toxic.
   *
   * @param stream {@code downstream} (server to client) or {@code upstream}
   * @param toxicity the share of connections it applies to, 0 to 1
   */
  void addToxic(
      String proxy,
      String toxic,
      String type,
      String stream,
      double toxicity,
      Map<String, Object> attributes)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", toxic);
    body.put("type", type);
    body.put("stream", stream);
    body.put("toxicity", toxicity);
    body.put("attributes", attributes);
    send("POST", "/proxies/" + proxy + "/toxics", body);
  }

  void removeToxic(String proxy, String toxic) throws Exception {
    send("DELETE", "/proxies/" + proxy + "/toxics/" + toxic, null);
  }

  /** Off: Toxiproxy closes the proxy's connections and stops listening, as a dead server would. */
  void setEnabled(String proxy, boolean enabled) throws Exception {
    send("POST", "/proxies/" + proxy, Map.of("enabled", enabled));
  }

  private void send(String method, String path, Object body) throws Exception {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(api + path))
                .method(method, publisher)
                .header("Content-Type", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "Toxiproxy "
              + method
              + " "
              + path
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  static Path binary() {
    String configured = System.getenv(BINARY_ENV);
    Path binary =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of(
                System.getProperty("user.home"), ".cache", "audiostems", "bin", "toxiproxy-server");
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "Toxiproxy's server is not at "
              + binary
              + ". Run bin/install-toxiproxy (it builds it from the Go module proxy), or set "
              + BINARY_ENV
              + " to a toxiproxy-server binary. The S3 fault test needs the real proxy and never"
              + " skips.");
    }
    return binary;
  }

  static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }
}
