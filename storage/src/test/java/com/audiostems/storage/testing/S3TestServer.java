package com.audiostems.storage.testing;

import com.audiostems.storage.S3Clients;
import com.audiostems.storage.S3Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * A real S3-compatible server for the tests of a class: versitygw (posix backend) as a child
 * process on a free loopback port, with its own data directory, created before the class's tests
 * and removed after them. Register with {@code @RegisterExtension static final S3TestServer s3 =
 * new S3TestServer();}.
 *
 * <p>The binary comes from {@code bin/install-s3-test-server}; {@value #BINARY_ENV} may point
 * elsewhere. Without it the tests fail: a skipped storage test would pass CI with S3 untested.
 */
public final class S3TestServer implements BeforeAllCallback, AfterAllCallback {
  public static final String BINARY_ENV = "AUDIOSTEMS_S3_SERVER";
  public static final String BUCKET = "audiostems-test";
  public static final Region REGION = Region.US_EAST_1;

  private static final AwsCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(
          AwsBasicCredentials.create("audiostems-test", "audiostems-test-secret"));
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final int START_ATTEMPTS = 3;

  private Path home;
  private Process process;
  private URI endpoint;
  private S3AsyncClient client;
  private Thread killOnExit;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Path binary = binary();
    home = Files.createTempDirectory("audiostems-s3-");
    start(binary);
    client = S3Clients.asyncClient(settings().build(), CREDENTIALS);
    client.createBucket(b -> b.bucket(BUCKET)).join();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (client != null) {
        client.close();
      }
      stopProcess();
    } finally {
      if (killOnExit != null) {
        Runtime.getRuntime().removeShutdownHook(killOnExit);
      }
      deleteTree(home);
    }
  }

  /**
   * Settings for the test bucket on this server; tests add a key prefix of their own and what else
   * they test.
   */
  public S3Settings.Builder settings() {
    return S3Settings.builder(BUCKET, REGION).endpointOverride(endpoint).pathStyleAccess(true);
  }

  public AwsCredentialsProvider credentials() {
    return CREDENTIALS;
  }

  /** A plain client on the test bucket, to look at objects behind the store's back. */
  public S3AsyncClient client() {
    return client;
  }

  public URI endpoint() {
    return endpoint;
  }

  /**
   * How many requests of an S3 operation on one object the server has answered with a 2xx, from its
   * access log: what reached the server, whichever client (SDK, presigned URL, another process)
   * sent it.
   *
   * @param operation the S3 operation, e.g. {@code GetObject}
   * @param objectKey the object's key in the test bucket, key prefix included
   */
  public long requests(String operation, String objectKey) throws IOException {
    // "owner bucket [time] ip requester request-id s3_Operation key request-uri status ..."
    Pattern line =
        Pattern.compile(
            "^\\S+ (\\S+) \\[[^\\]]*\\] \\S+ \\S+ \\S+ s3_(\\w+) (\\S+) \\S+ (\\d{3}) .*");
    try (Stream<String> lines = Files.lines(accessLog())) {
      return lines
          .map(line::matcher)
          .filter(Matcher::matches)
          .filter(
              m ->
                  m.group(1).equals(BUCKET)
                      && m.group(2).equals(operation)
                      && m.group(3).equals(objectKey))
          .filter(m -> m.group(4).startsWith("2"))
          .count();
    }
  }

  private Path accessLog() {
    return home.resolve("access.log");
  }

  /** The server binary; a missing one fails the tests with what to run. */
  static Path binary() {
    String configured = System.getenv(BINARY_ENV);
    Path binary =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of(System.getProperty("user.home"), ".cache", "audiostems", "bin", "versitygw");
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "The S3 test server (versitygw) is not at "
              + binary
              + ". Run bin/install-s3-test-server (it builds it from the Go module proxy), or set "
              + BINARY_ENV
              + " to a versitygw binary. The S3 tests need a real server and never skip.");
    }
    return binary;
  }

  private void start(Path binary) throws IOException, InterruptedException {
    Path data = Files.createDirectories(home.resolve("data"));
    // Metadata in sidecar files rather than extended attributes: works on any filesystem (tmpfs,
    // overlay).
    Path meta = Files.createDirectories(home.resolve("meta"));
    Path log = home.resolve("server.log");
    for (int attempt = 1; ; attempt++) {
      int port = freeLoopbackPort();
      ProcessBuilder builder =
          new ProcessBuilder(
                  List.of(
                      binary.toString(),
                      "--port",
                      "127.0.0.1:" + port,
                      "--access",
                      CREDENTIALS.resolveCredentials().accessKeyId(),
                      "--secret",
                      CREDENTIALS.resolveCredentials().secretAccessKey(),
                      "--region",
                      REGION.id(),
                      "--quiet",
                      // Every request, as S3 server access logs read: what tests count (see
                      // requests()).
                      "--access-log",
                      accessLog().toString(),
                      "posix",
                      "--sidecar",
                      meta.toString(),
                      data.toString()))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      // The developer's own gateway settings must not change the test server.
      builder
          .environment()
          .keySet()
          .removeIf(name -> name.startsWith("VGW_") || name.startsWith("ROOT_"));
      process = builder.start();
      killOnExit = new Thread(process::destroyForcibly, "stop-s3-test-server");
      Runtime.getRuntime().addShutdownHook(killOnExit);
      if (awaitListening(port)) {
        endpoint = URI.create("http://127.0.0.1:" + port);
        return;
      }
      stopProcess();
      Runtime.getRuntime().removeShutdownHook(killOnExit);
      killOnExit = null;
      // Another process may have taken the port between our probe and the server's bind: try
      // another one.
      if (attempt == START_ATTEMPTS) {
        throw new IllegalStateException(
            "The S3 test server "
                + binary
                + " did not start listening within "
                + START_TIMEOUT.toSeconds()
                + " s in "
                + START_ATTEMPTS
                + " attempts. Its log:\n"
                + Files.readString(log));
      }
    }
  }

  private boolean awaitListening(int port) throws InterruptedException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline) && process.isAlive()) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return true;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    return false;
  }

  private void stopProcess() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    process = null;
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
