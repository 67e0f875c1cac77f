package com.audiostems.app.commands;

import com.audiostems.app.AudiostemsProperties;
import com.audiostems.app.metrics.ManagementServer;
import com.audiostems.app.metrics.PipelineMetrics;
import com.audiostems.app.metrics.TaskQueueBacklog;
import com.audiostems.app.pools.AnalysisPool;
import com.audiostems.app.pools.CataloguePool;
import com.audiostems.app.pools.CpuPool;
import com.audiostems.app.pools.Pool;
import com.audiostems.app.pools.PoolStore;
import com.audiostems.app.temporal.RemoteTemporal;
import com.audiostems.workflows.TaskQueues;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.TaskQueueType;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code audiostems worker --pool cpu|gpu|catalogue}: one worker pool alone, against an existing
 * Temporal server: the CPU pool (track workflows, media activities), the GPU pool (analysis) or the
 * catalogue's.
 */
@Component
public class WorkerRunner {
  private final AudiostemsProperties properties;
  private final CpuPool cpuPool;
  private final AnalysisPool analysisPool;
  private final PoolStore poolStore;
  private final CataloguePool cataloguePool;
  private final PipelineMetrics metrics;

  public WorkerRunner(
      AudiostemsProperties properties,
      CpuPool cpuPool,
      AnalysisPool analysisPool,
      PoolStore poolStore,
      CataloguePool cataloguePool,
      PipelineMetrics metrics) {
    this.metrics = metrics;
    this.cataloguePool = cataloguePool;
    this.properties = properties;
    this.poolStore = poolStore;
    this.cpuPool = cpuPool;
    this.analysisPool = analysisPool;
  }

  /** Runs until the JVM is asked to stop; needs {@code audiostems.temporal.target}. */
  public int run(Pool pool, PrintStream out, PrintStream err) throws Exception {
    AutoCloseable working;
    try {
      working = start(pool, out);
    } catch (StatusRuntimeException e) {
      err.printf(
          Locale.ROOT,
          "audiostems: the Temporal server at %s (namespace %s) did not answer: %s %s%s%n",
          properties.temporal().target(),
          properties.temporal().namespace(),
          e.getStatus().getCode(),
          e.getStatus().getDescription(),
          e.getStatus().getCause() != null
              ? " (" + e.getStatus().getCause().getMessage() + ")"
              : "");
      return ExitCodes.FAILED;
    } catch (IOException e) {
      err.println("audiostems: the worker cannot start: " + e); // e.g. a TLS file that is not there
      return ExitCodes.FAILED;
    }
    Shutdown.closeOnJvmShutdown(working, out);
    return ExitCodes.OK;
  }

  /** The task queues whose backlog a pool reports: those it polls, its host's own queue aside. */
  static List<TaskQueueBacklog.Queue> backlogQueues(Pool pool) {
    return switch (pool) {
      case CPU ->
          List.of(
              new TaskQueueBacklog.Queue(
                  TaskQueues.TRACK_WORKFLOWS, TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW),
              new TaskQueueBacklog.Queue(
                  TaskQueues.AUDIO_CPU, TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY));
      case GPU ->
          List.of(
              new TaskQueueBacklog.Queue(
                  TaskQueues.AUDIO_GPU, TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY));
      case CATALOGUE ->
          List.of(
              new TaskQueueBacklog.Queue(
                  TaskQueues.CATALOGUE, TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY));
    };
  }

  /** The last line a started worker prints: scripts and tests wait for it. */
  static final String STOP_HINT = "Ctrl-C or SIGTERM stops it.";

  /**
   * Connects, starts polling and says so; closing the result stops the workers, then the
   * connection.
   */
  AutoCloseable start(Pool pool, PrintStream out) throws Exception {
    AudiostemsProperties.Temporal settings = properties.temporal();
    RemoteTemporal temporal =
        RemoteTemporal.connect(
            RemoteTemporal.withCredentials(settings.target(), settings),
            settings.namespace(),
            metrics);
    TaskQueueBacklog backlog =
        TaskQueueBacklog.start(temporal.client(), backlogQueues(pool), metrics);
    ManagementServer[] management = new ManagementServer[1];
    AutoCloseable working =
        () -> {
          try {
            poolStore.stopWorkersThenRelease(temporal.workerFactory(), settings.shutdownGrace());
          } finally {
            backlog.close();
            if (management[0] != null) {
              management[0].close();
            }
            temporal.close();
          }
        };
    try {
      if (metrics.settings().managementPortEnabled()) {
        management[0] = ManagementServer.start(metrics);
        out.printf(Locale.ROOT, "Metrics: %s%n", management[0].url());
      }
      boolean gpu = pool == Pool.GPU;
      if (pool == Pool.CATALOGUE) {
        Path directory = cataloguePool.directory(properties.storage().root());
        if (!cataloguePool.register(
            temporal.workerFactory(), poolStore.workingCopies(), directory)) {
          throw new IllegalStateException(
              "The catalogue at " + directory + " is held by another process.");
        }
        temporal.workerFactory().start();
        out.printf(
            Locale.ROOT,
            "Catalogue pool polling %s with the indexes at %s on %s, namespace %s%n",
            TaskQueues.CATALOGUE,
            directory,
            settings.target(),
            settings.namespace());
        out.println(STOP_HINT);
        return working;
      }
      int slots =
          gpu
              ? analysisPool.register(temporal.workerFactory())
              : cpuPool.register(temporal.workerFactory());
      temporal.workerFactory().start(); // checks that the server answers and the namespace exists
      out.printf(
          Locale.ROOT,
          "%s pool polling %s (%d activity slots) on %s, namespace %s%s%n",
          gpu ? "GPU" : "CPU",
          gpu
              ? TaskQueues.AUDIO_GPU
                  + " (analysis, CPU implementation: no GPU backend in this build)"
              : TaskQueues.TRACK_WORKFLOWS + " (workflows) and " + TaskQueues.AUDIO_CPU,
          slots,
          settings.target(),
          settings.namespace(),
          settings.tls().enabled() ? ", mTLS" : settings.hasApiKey() ? ", API key" : "");
      out.printf(Locale.ROOT, "  Store root: %s%n", cpuPool.storeDescription());
      out.println(STOP_HINT);
      return working;
    } catch (Exception | Error e) {
      working.close();
      throw e;
    }
  }
}
