package com.audiostems.app;

import com.audiostems.workers.cpu.WorkerShutdown;
import com.audiostems.workflows.TaskQueues;
import java.io.PrintStream;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code audiostems serve}: a Temporal server (the CLI's dev server, SQLite under the data directory,
 * web UI on) and the CPU worker pool in this process, until Ctrl-C or SIGTERM. SIGTERM stops the
 * workers first and the server last; Ctrl-C in a terminal also reaches the dev server (it is in the
 * terminal's process group) so it may go first, and tasks cut short are retried after the next start.
 */
@Component
public class ServeCommand {
  private final AudiostemsProperties properties;
  private final CpuPool cpuPool;

  public ServeCommand(AudiostemsProperties properties, CpuPool cpuPool) {
    this.properties = properties;
    this.cpuPool = cpuPool;
  }

  public int run(PrintStream out, PrintStream err) throws Exception {
    AutoCloseable serving;
    try {
      serving = start(out);
    } catch (IllegalStateException e) { // the CLI setting, the dev server's start, the search attributes
      err.println("audiostems: " + e.getMessage());
      return ProcessCommand.FAILED;
    }
    Shutdown.closeOnJvmShutdown(serving, out);
    return 0;
  }

  /** Starts the server and the workers and says where they are; closing the result stops both. */
  AutoCloseable start(PrintStream out) throws Exception {
    AudiostemsProperties.Temporal settings = properties.temporal();
    LocalTemporal temporal = LocalTemporal.start(settings, TemporalCli.locate(settings.cliPath()));
    AutoCloseable serving =
        () -> {
          try {
            WorkerShutdown.stopGracefully(temporal.workerFactory(), settings.shutdownGrace());
          } finally {
            temporal.close();
          }
        };
    try {
      int slots = cpuPool.register(temporal.workerFactory());
      // Every pool registers before this start: a started factory takes no new workers.
      temporal.workerFactory().start();
      out.printf(Locale.ROOT, "Serving on the %s%n", temporal.description());
      out.printf(
          Locale.ROOT,
          "  Temporal gRPC: %s (namespace %s)%n",
          temporal.target().orElse("none: in-process, this JVM only"),
          temporal.client().getOptions().getNamespace());
      out.printf(Locale.ROOT, "  Web UI:        %s%n", temporal.uiUrl().orElse("none"));
      out.printf(Locale.ROOT, "  Store root:    %s%n", cpuPool.storeRoot());
      out.printf(
          Locale.ROOT,
          "  CPU pool:      workflows on %s, activities on %s (%d slots)%n",
          TaskQueues.TRACK_WORKFLOWS,
          TaskQueues.AUDIO_CPU,
          slots);
      out.println("Ctrl-C or SIGTERM stops it.");
      return serving;
    } catch (Exception | Error e) {
      serving.close();
      throw e;
    }
  }
}
