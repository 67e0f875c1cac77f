package com.audiostems.ledger;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the integration tests: {@code initdb} in a temporary directory,
 * {@code pg_ctl start} on a free loopback port, a new database per test, and everything removed at
 * the end. The binaries are Debian's ({@code apt-get install postgresql}, which {@code .ci/run}
 * does), or those in {@code $AUDIOSTEMS_PG_BIN}. Without them it fails, naming what to install: a
 * missing server must not pass as a skipped test.
 *
 * <p>PostgreSQL refuses to run as root; under root (CI containers) the server runs as the {@code
 * postgres} user the Debian package creates, through {@code runuser}.
 */
final class PostgresServer implements AutoCloseable {
  static final String SUPERUSER = "ledger";
  private static final AtomicInteger databases = new AtomicInteger();

  private final Path bin;
  private final Path dataDir;
  private final List<String> asUser;
  private final int port;

  private PostgresServer(Path bin, Path dataDir, List<String> asUser, int port) {
    this.bin = bin;
    this.dataDir = dataDir;
    this.asUser = asUser;
    this.port = port;
  }

  static PostgresServer start() throws Exception {
    Path bin = binaries();
    List<String> asUser = List.of();
    Path dataDir = Files.createTempDirectory("audiostems-pg-");
    if (isRoot()) {
      String user = "postgres";
      UserPrincipalLookupService users = dataDir.getFileSystem().getUserPrincipalLookupService();
      try {
        Files.setOwner(dataDir, users.lookupPrincipalByName(user));
      } catch (IOException e) {
        throw new IllegalStateException(
            "PostgreSQL will not run as root and there is no 'postgres' user to run it as: install"
                + " Debian's postgresql package (it creates the user) or run the tests as another user.",
            e);
      }
      asUser = List.of("runuser", "-u", user, "--");
    }
    int port = freePort();
    PostgresServer server = new PostgresServer(bin, dataDir, asUser, port);
    try {
      server.run(
          "initdb",
          List.of(
              "-D",
              dataDir.toString(),
              "-U",
              SUPERUSER,
              "--auth=trust",
              "--encoding=UTF8",
              "--locale=C",
              "--no-sync"));
      server.run(
          "pg_ctl",
          List.of(
              "-D",
              dataDir.toString(),
              "-l",
              dataDir.resolve("server.log").toString(),
              "-w",
              "-t",
              "60",
              "-o",
              "-p "
                  + port
                  + " -c listen_addresses=127.0.0.1 -k "
                  + dataDir
                  + " -c fsync=off -c full_page_writes=off",
              "start"));
    } catch (Exception e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** A new empty database, owned by the superuser the tests connect as. */
  LedgerSettings newDatabase() throws SQLException {
    String name = "ledger_" + databases.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url("postgres"), SUPERUSER, "");
        Statement sql = c.createStatement()) {
      sql.execute("CREATE DATABASE " + name);
    }
    return new LedgerSettings(url(name), SUPERUSER, "");
  }

  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  @Override
  public void close() throws Exception {
    try {
      if (Files.exists(dataDir.resolve("postmaster.pid"))) {
        run("pg_ctl", List.of("-D", dataDir.toString(), "-m", "immediate", "-w", "stop"));
      }
    } finally {
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void run(String program, List<String> arguments) throws Exception {
    List<String> command = new ArrayList<>(asUser);
    command.add(bin.resolve(program).toString());
    command.addAll(arguments);
    Path output = Files.createTempFile("audiostems-pg-", ".out");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(program + " did not finish in 120 s: " + command);
      }
      if (process.exitValue() != 0) {
        String log =
            dataDir.resolve("server.log").toFile().exists()
                ? Files.readString(dataDir.resolve("server.log"))
                : "";
        throw new IllegalStateException(
            program
                + " failed (exit "
                + process.exitValue()
                + "): "
                + command
                + "\n"
                + Files.readString(output)
                + log);
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  /**
   * {@code $AUDIOSTEMS_PG_BIN}, else the newest {@code /usr/lib/postgresql/N/bin} (Debian's layout)
   * with initdb and pg_ctl.
   */
  static Path binaries() throws IOException {
    String configured = System.getenv("AUDIOSTEMS_PG_BIN");
    if (configured != null && !configured.isBlank()) {
      Path bin = Path.of(configured);
      if (!hasServer(bin)) {
        throw new IllegalStateException(
            "AUDIOSTEMS_PG_BIN=" + configured + " has no initdb and pg_ctl.");
      }
      return bin;
    }
    Path debian = Path.of("/usr/lib/postgresql");
    List<Path> found = new ArrayList<>();
    if (Files.isDirectory(debian)) {
      try (DirectoryStream<Path> versions = Files.newDirectoryStream(debian)) {
        for (Path version : versions) {
          if (hasServer(version.resolve("bin"))) {
            found.add(version.resolve("bin"));
          }
        }
      }
    }
    return found.stream()
        .max(Comparator.comparingInt(PostgresServer::majorVersion))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "The PostgreSQL integration tests need PostgreSQL's server binaries (initdb,"
                        + " pg_ctl): apt-get install postgresql (.ci/run does), or set"
                        + " AUDIOSTEMS_PG_BIN to their directory."));
  }

  private static boolean hasServer(Path bin) {
    return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
  }

  private static int majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean isRoot() throws IOException {
    return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
