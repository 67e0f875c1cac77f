package com.audiostems.app.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The management port of {@code worker} (and of {@code serve} when set): {@code
 * /actuator/prometheus} and {@code /actuator/health}, on the JDK's own HTTP server.
 *
 * <p>Not Spring Boot's Actuator: the command's context is not a web application (on purpose), and a
 * second servlet context on app's class path would bring the gateway's web auto-configuration with
 * it. The scrape is the same text Actuator's endpoint writes (the same {@code
 * PrometheusMeterRegistry.scrape()}), so scrapers and dashboards see no difference.
 */
public final class ManagementServer implements AutoCloseable {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;

  private ManagementServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Listens on {@code audiostems.metrics.address}:{@code port}.
   *
   * @throws IllegalStateException naming the setting when the port is taken
   */
  public static ManagementServer start(PipelineMetrics metrics) {
    MetricsProperties settings = metrics.settings();
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(settings.address(), settings.port()), 16);
    } catch (IOException e) {
      throw new IllegalStateException(
          "The metrics port "
              + settings.address()
              + ":"
              + settings.port()
              + " cannot be opened (another process on it? audiostems.metrics.port chooses"
              + " another, -1 none): "
              + e.getMessage(),
          e);
    }
    server.createContext(
        "/actuator/prometheus",
        exchange -> answer(exchange, 200, PROMETHEUS_TEXT, metrics.scrape()));
    server.createContext(
        "/actuator/health",
        exchange -> answer(exchange, 200, "application/json", "{\"status\":\"UP\"}"));
    server.createContext(
        "/",
        exchange -> answer(exchange, 404, "text/plain", "not found: try /actuator/prometheus"));
    server.setExecutor(Executors.newSingleThreadExecutor(ManagementServer::daemon));
    server.start();
    return new ManagementServer(server);
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "audiostems-metrics-http");
    thread.setDaemon(true);
    return thread;
  }

  private static void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** The port it listens on (the chosen one when {@code audiostems.metrics.port} is 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  public String url() {
    String host = server.getAddress().getHostString();
    return "http://"
        + (host.contains(":") ? "[" + host + "]" : host)
        + ":"
        + port()
        + "/actuator/prometheus";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
