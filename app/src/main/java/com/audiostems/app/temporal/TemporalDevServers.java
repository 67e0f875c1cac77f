package com.audiostems.app.temporal;

import com.audiostems.app.AudiostemsProperties;
import io.temporal.testing.TemporalDevServer;
import io.temporal.testing.TemporalDevServerOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts the Temporal CLI's dev server for {@code serve}: SQLite under the data directory, web UI
 * on.
 */
public final class TemporalDevServers {
  /** The dev server listens on loopback only: it has no authentication. */
  public static final String IP = "127.0.0.1";

  /**
   * SQLite in write-ahead-log mode, synced at checkpoints: a commit appends to the log instead of
   * writing and syncing a rollback journal and the database each time. In the default mode every
   * workflow-task completion waited about 0.5 s on the disk with 1,000 tracks in flight, and that
   * wait, not the CPU, paced the whole load test (7 workflow tasks a second). A killed server or
   * serve loses nothing (the log is in the OS's cache); only a crash of the machine itself can lose
   * the last commits, not the database's consistency, and their workflows redo that work.
   * bin/disaster-recovery's online backup reads through the log.
   */
  public static final List<String> SQLITE_PRAGMAS =
      List.of("--sqlite-pragma", "journal_mode=wal", "--sqlite-pragma", "synchronous=normal");

  private TemporalDevServers() {}

  /**
   * Starts {@code cli server start-dev} and waits until the namespace answers.
   *
   * @param uiPort the web UI's port, already resolved (see {@link #freePortIfZero})
   */
  static TemporalDevServer start(Path cli, AudiostemsProperties.Temporal settings, int uiPort)
      throws IOException {
    Path dataDir = settings.dataDir().toAbsolutePath().normalize();
    Files.createDirectories(dataDir);
    TemporalDevServerOptions options =
        TemporalDevServerOptions.newBuilder()
            .setExistingPath(cli.toString())
            .setDownloadEnabled(false)
            .setIp(IP)
            .setPort(settings.port() == 0 ? null : settings.port())
            .setDatabaseFilename(databaseFile(settings).toString())
            .setUiEnabled(true)
            .setUiPort(uiPort)
            // The server's own log goes to a file: the terminal is for our summary and progress.
            .setLogFile(dataDir.resolve("temporal.log").toString())
            .setStartupTimeout(settings.startupTimeout())
            .setExtraArgs(SQLITE_PRAGMAS)
            .build();
    try {
      return TemporalDevServer.start(settings.namespace(), options);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "The Temporal dev server did not start (port "
              + (settings.port() == 0 ? "any" : settings.port())
              + ", UI port "
              + uiPort
              + "; another server on them? audiostems.temporal.port and ui-port choose others). Its log: "
              + dataDir.resolve("temporal.log")
              + "\n"
              + e.getMessage(),
          e);
    }
  }

  static Path databaseFile(AudiostemsProperties.Temporal settings) {
    return settings.dataDir().toAbsolutePath().normalize().resolve("temporal.db");
  }

  static String uiUrl(int uiPort) {
    return "http://" + IP + ":" + uiPort;
  }

  /** The CLI takes no "any port" for its UI, so a 0 is turned into a port that is free now. */
  static int freePortIfZero(int port) throws IOException {
    if (port != 0) {
      return port;
    }
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName(IP))) {
      return socket.getLocalPort();
    }
  }
}
