package com.audiostems.app.temporal;

import com.audiostems.app.AudiostemsProperties;
import com.audiostems.app.metrics.PipelineMetrics;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TemporalDevServer;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Temporal server that {@code serve} runs: the CLI's dev server when a CLI is installed, else
 * the in-process server. Either way it has the track search attributes registered.
 */
public final class LocalTemporal implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LocalTemporal.class);

  private final WorkflowClient client;
  private final WorkerFactory workerFactory;
  private final String description;
  private final String target;
  private final String uiUrl;
  private final AutoCloseable connection;
  private final AutoCloseable server;

  private LocalTemporal(
      WorkflowClient client,
      WorkerFactory workerFactory,
      String description,
      String target,
      String uiUrl,
      AutoCloseable connection,
      AutoCloseable server) {
    this.client = client;
    this.workerFactory = workerFactory;
    this.description = description;
    this.target = target;
    this.uiUrl = uiUrl;
    this.connection = connection;
    this.server = server;
  }

  /**
   * @param cli the Temporal CLI, or empty for the in-process server
   */
  public static LocalTemporal start(AudiostemsProperties.Temporal settings, Optional<Path> cli)
      throws Exception {
    return start(settings, cli, null);
  }

  /**
   * @param metrics the registry its workers and client report into; null for none
   */
  public static LocalTemporal start(
      AudiostemsProperties.Temporal settings, Optional<Path> cli, PipelineMetrics metrics)
      throws Exception {
    if (cli.isEmpty()) {
      return inProcess(metrics);
    }
    int uiPort = TemporalDevServers.freePortIfZero(settings.uiPort());
    TemporalDevServer server = TemporalDevServers.start(cli.get(), settings, uiPort);
    RemoteTemporal connection = null;
    try {
      connection =
          metrics == null
              ? RemoteTemporal.connect(
                  RemoteTemporal.plaintext(server.getTarget()), settings.namespace())
              : RemoteTemporal.connect(
                  RemoteTemporal.plaintext(server.getTarget()), settings.namespace(), metrics);
      return new LocalTemporal(
          connection.client(),
          connection.workerFactory(),
          "Temporal dev server ("
              + cli.get()
              + ", "
              + TemporalDevServers.databaseFile(settings)
              + ")",
          server.getTarget(),
          TemporalDevServers.uiUrl(uiPort),
          connection,
          server);
    } catch (Exception | Error e) {
      if (connection != null) {
        connection.close();
      }
      server.close();
      throw e;
    }
  }

  private static LocalTemporal inProcess(PipelineMetrics metrics) throws Exception {
    log.warn(
        "No Temporal CLI found (audiostems.temporal.cli-path, PATH, $HOME/go/bin/temporal): serving on the in-process"
            + " Temporal server instead: no web UI, nothing kept after exit, not reachable from other processes."
            + " Install the CLI with: {}",
        TemporalCli.INSTALL);
    TemporalConnection connection =
        metrics == null ? TemporalConnection.inProcess() : TemporalConnection.inProcess(metrics);
    try {
      WorkflowClient client = connection.client();
      return new LocalTemporal(
          client,
          connection.workerFactory(),
          connection.description(),
          null,
          null,
          connection,
          () -> {});
    } catch (Exception | Error e) {
      connection.close();
      throw e;
    }
  }

  public WorkflowClient client() {
    return client;
  }

  public WorkerFactory workerFactory() {
    return workerFactory;
  }

  public String description() {
    return description;
  }

  /**
   * host:port for other processes ({@code process --temporal}, {@code worker}); empty in-process.
   */
  public Optional<String> target() {
    return Optional.ofNullable(target);
  }

  public Optional<String> uiUrl() {
    return Optional.ofNullable(uiUrl);
  }

  /** Closes the connection, then the server; stop the workers gracefully first. */
  @Override
  public void close() throws Exception {
    try {
      connection.close();
    } finally {
      server.close();
    }
  }
}
