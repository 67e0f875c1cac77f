package com.audiostems.app.commands;

import com.audiostems.app.pools.Pool;
import java.io.PrintStream;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code audiostems worker --pool cpu|gpu|catalogue}: one worker pool alone, against an existing
 * Temporal server.
 */
@Command(
    name = "worker",
    description = {
      "Run one worker pool against an existing Temporal server.",
      "Polls the pool's task queues until Ctrl-C or SIGTERM, then lets running tasks finish"
          + " (audiostems.temporal.shutdown-grace)."
    })
final class WorkerCommand extends SpringCommand {
  @Option(
      names = "--pool",
      required = true,
      paramLabel = "cpu|gpu|catalogue",
      converter = OptionTypes.Pools.class,
      description =
          "the pool: cpu (track workflows, media activities), gpu (analysis) or catalogue (the fingerprint indexes: run"
              + " exactly one)")
  Pool pool;

  @Mixin ServerOptions server;

  @Option(
      names = "--tls-cert",
      paramLabel = "F",
      description = "mTLS client certificate chain, PEM (Temporal Cloud); needs --tls-key")
  String tlsCert;

  @Option(names = "--tls-key", paramLabel = "F", description = "its PKCS#8 private key, PEM")
  String tlsKey;

  @Option(
      names = "--api-key",
      paramLabel = "K",
      description =
          "API key (Temporal Cloud), instead of --tls-*; AUDIOSTEMS_TEMPORAL_APIKEY keeps it off the command line")
  String apiKey;

  @Override
  void check() {
    if ((tlsCert == null) != (tlsKey == null)) {
      throw usageError("--tls-cert and --tls-key go together");
    }
    if (tlsCert != null && apiKey != null) {
      throw usageError("Use --tls-cert/--tls-key or --api-key, not both");
    }
  }

  @Override
  Map<String, Object> settings() {
    Map<String, Object> settings = server.settings();
    if (tlsCert != null) {
      settings.put("audiostems.temporal.tls.cert", tlsCert);
      settings.put("audiostems.temporal.tls.key", tlsKey);
    }
    if (apiKey != null) {
      settings.put("audiostems.temporal.api-key", apiKey);
    }
    return Map.copyOf(settings);
  }

  @Override
  int run(ConfigurableApplicationContext context, PrintStream out, PrintStream err)
      throws Exception {
    ServerOptions.requireServer(context, spec);
    return context.getBean(WorkerRunner.class).run(pool, out, err);
  }
}
