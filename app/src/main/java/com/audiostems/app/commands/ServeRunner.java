package com.audiostems.app.commands;

import com.audiostems.app.AudiostemsProperties;
import com.audiostems.app.gateway.EmbeddedGateway;
import com.audiostems.app.gateway.GatewayCredentials;
import com.audiostems.app.gateway.GatewayLicensing;
import com.audiostems.app.ledger.LedgerOnFirstUse;
import com.audiostems.app.metrics.ManagementServer;
import com.audiostems.app.metrics.PipelineMetrics;
import com.audiostems.app.metrics.TaskQueueBacklog;
import com.audiostems.app.pools.AnalysisPool;
import com.audiostems.app.pools.CataloguePool;
import com.audiostems.app.pools.CpuPool;
import com.audiostems.app.pools.Pool;
import com.audiostems.app.pools.PoolStore;
import com.audiostems.app.temporal.LocalTemporal;
import com.audiostems.app.temporal.TemporalCli;
import com.audiostems.ledger.Ledger;
import com.audiostems.licensing.LicenceTokens;
import com.audiostems.workflows.TaskQueues;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code audiostems serve}: a Temporal server (the CLI's dev server, SQLite under the data
 * directory, web UI on), both worker pools (CPU and analysis) and the REST gateway in this process,
 * until Ctrl-C or SIGTERM, all on the configured store: the local root, or an S3 bucket whose
 * presigned URLs the gateway hands out. SIGTERM stops the gateway first (no new tracks), then the
 * workers, and the server last; Ctrl-C in a terminal also reaches the dev server (it is in the
 * terminal's process group) so it may go first, and tasks cut short are retried after the next
 * start.
 */
@Component
public class ServeRunner {
  private final AudiostemsProperties properties;
  private final CpuPool cpuPool;
  private final AnalysisPool analysisPool;
  private final PoolStore poolStore;
  private final CataloguePool cataloguePool;
  private final ObjectProvider<Ledger> ledger;
  private final ObjectProvider<LicenceTokens> licenceTokens;
  private final PipelineMetrics metrics;

  public ServeRunner(
      AudiostemsProperties properties,
      CpuPool cpuPool,
      AnalysisPool analysisPool,
      PoolStore poolStore,
      CataloguePool cataloguePool,
      ObjectProvider<Ledger> ledger,
      ObjectProvider<LicenceTokens> licenceTokens,
      PipelineMetrics metrics) {
    this.metrics = metrics;
    this.cataloguePool = cataloguePool;
    this.ledger = ledger;
    this.licenceTokens = licenceTokens;
    this.properties = properties;
    this.poolStore = poolStore;
    this.cpuPool = cpuPool;
    this.analysisPool = analysisPool;
  }

  public int run(PrintStream out, PrintStream err) throws Exception {
    AutoCloseable serving;
    try {
      serving = start(out);
    } catch (
        IllegalStateException e) { // the CLI setting, the dev server's start, the search attributes
      err.println("audiostems: " + e.getMessage());
      return ExitCodes.FAILED;
    }
    Shutdown.closeOnJvmShutdown(serving, out);
    return ExitCodes.OK;
  }

  /**
   * Starts the server, the workers and the gateway and says where they are; closing the result
   * stops the gateway, then the workers, then the server.
   */
  AutoCloseable start(PrintStream out) throws Exception {
    AudiostemsProperties.Temporal settings = properties.temporal();
    LocalTemporal temporal =
        LocalTemporal.start(settings, TemporalCli.locate(settings.cliPath()), metrics);
    AtomicReference<EmbeddedGateway> gateway = new AtomicReference<>();
    List<TaskQueueBacklog.Queue> queues = new ArrayList<>();
    for (Pool pool : Pool.values()) {
      queues.addAll(WorkerRunner.backlogQueues(pool));
    }
    TaskQueueBacklog backlog = TaskQueueBacklog.start(temporal.client(), queues, metrics);
    AtomicReference<ManagementServer> management = new AtomicReference<>();
    AutoCloseable serving =
        () -> {
          try {
            if (gateway.get() != null) {
              gateway.get().close();
            }
          } finally {
            try {
              poolStore.stopWorkersThenRelease(temporal.workerFactory(), settings.shutdownGrace());
            } finally {
              backlog.close();
              if (management.get() != null) {
                management.get().close();
              }
              temporal.close();
            }
          }
        };
    try {
      if (metrics.settings().managementPortEnabled()) {
        management.set(ManagementServer.start(metrics));
      }
      int slots = cpuPool.register(temporal.workerFactory());
      // serve holds the ledger (embedded or not): its pools record the tracks' analytics rows
      // there.
      metrics.processingRecorder().recordIn(new LedgerOnFirstUse(ledger::getObject));
      int analysisSlots = analysisPool.register(temporal.workerFactory());
      cataloguePool.register(
          temporal.workerFactory(),
          poolStore.workingCopies(),
          cataloguePool.directory(properties.storage().root()));
      // Every pool registers before this start: a started factory takes no new workers.
      temporal.workerFactory().start();
      // The gateway last: by the time it takes a track, workers poll for it.
      GatewayCredentials credentials = GatewayCredentials.of(properties.serve());
      String namespace = temporal.client().getOptions().getNamespace();
      // The ledger the CPU pool's licence activities write is the one the gateway reads.
      GatewayLicensing licensing = GatewayLicensing.of(ledger, licenceTokens);
      temporal
          .target()
          .ifPresent(
              target ->
                  gateway.set(
                      startGateway(
                          properties, credentials, target, namespace, licensing, metrics)));
      out.printf(Locale.ROOT, "Serving on the %s%n", temporal.description());
      out.printf(
          Locale.ROOT,
          "  Temporal gRPC: %s (namespace %s)%n",
          temporal.target().orElse("none: in-process, this JVM only"),
          temporal.client().getOptions().getNamespace());
      out.printf(Locale.ROOT, "  Web UI:        %s%n", temporal.uiUrl().orElse("none"));
      if (management.get() != null) {
        out.printf(Locale.ROOT, "  Metrics:       %s%n", management.get().url());
      }
      out.printf(
          Locale.ROOT,
          "  %s %s%n",
          cpuPool.storesLocally() ? "Store root:   " : "Store bucket: ",
          cpuPool.storeDescription());
      out.printf(
          Locale.ROOT,
          "  CPU pool:      workflows on %s, activities on %s (%d slots)%n",
          TaskQueues.TRACK_WORKFLOWS,
          TaskQueues.AUDIO_CPU,
          slots);
      out.printf(
          Locale.ROOT,
          "  GPU pool:      analysis on %s (%d slots, CPU implementation: no GPU backend in this build)%n",
          TaskQueues.AUDIO_GPU,
          analysisSlots);
      if (gateway.get() == null) {
        out.println(
            "  REST API:      none: the in-process server is not reachable over the network");
      } else {
        printGateway(out, gatewayUrl(properties, gateway.get()), credentials, licensing);
      }
      out.println("Ctrl-C or SIGTERM stops it.");
      return serving;
    } catch (Exception | Error e) {
      serving.close();
      throw e;
    }
  }

  static EmbeddedGateway startGateway(
      AudiostemsProperties properties,
      GatewayCredentials credentials,
      String target,
      String namespace,
      GatewayLicensing licensing,
      PipelineMetrics metrics) {
    try {
      return EmbeddedGateway.start(properties, credentials, target, namespace, licensing, metrics);
    } catch (RuntimeException e) { // Spring's start failures: a port in use, a bad gateway setting
      throw new IllegalStateException(
          "The REST gateway did not start on "
              + properties.serve().gatewayAddress()
              + ":"
              + properties.serve().gatewayPort()
              + " (another server on it? audiostems.serve.gateway-port chooses another): "
              + rootMessage(e),
          e);
    }
  }

  static String gatewayUrl(AudiostemsProperties properties, EmbeddedGateway gateway) {
    String address = properties.serve().gatewayAddress();
    // A wildcard address is no place to send a request to; this host's loopback is.
    String host = address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1" : address;
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + gateway.port();
  }

  /** The generated key is printed here and nowhere else: only its hash is kept. */
  static void printGateway(
      PrintStream out, String url, GatewayCredentials credentials, GatewayLicensing licensing) {
    out.printf(Locale.ROOT, "  REST API:      %s (OpenAPI: %s/v3/api-docs)%n", url, url);
    out.printf(Locale.ROOT, "  Licences:      %s%n", licensing.describe());
    credentials
        .generatedAdminKey()
        .ifPresentOrElse(
            key -> {
              out.printf(Locale.ROOT, "  API key:       %s%n", key);
              out.println(
                  "                 (admin, generated for this run and shown only now; configure");
              out.println("                 audiostems.serve.gateway-api-keys to keep your own)");
              out.printf(
                  Locale.ROOT, "  Try:           curl -H 'X-Api-Key: %s' %s/v1/tracks%n", key, url);
            },
            () ->
                out.printf(
                    Locale.ROOT,
                    "  API keys:      %d configured (audiostems.serve.gateway-api-keys)%n",
                    credentials.apiKeys().size()));
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }
}
