package com.audiostems.app.commands;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code audiostems serve}: the whole service on this machine. */
@Command(
    name = "serve",
    description = {
      "Run the service on this machine: Temporal dev server, worker pools and REST API.",
      "Runs the Temporal CLI's dev server (web UI included), the worker pools and the REST API"
          + " (audiostems.serve.gateway-port, default 8080; without configured keys it prints a generated admin API key)"
          + " in this process until Ctrl-C or SIGTERM, then stops the REST API, the workers and the server, in that order."
    })
final class ServeCommand extends SpringCommand {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "where the server keeps temporal.db and temporal.log (default: audiostems.temporal.data-dir)")
  Path dataDir;

  @Override
  Map<String, Object> settings() {
    return dataDir == null ? Map.of() : Map.of("audiostems.temporal.data-dir", dataDir.toString());
  }

  @Override
  int run(ConfigurableApplicationContext context, PrintStream out, PrintStream err)
      throws Exception {
    return context.getBean(ServeRunner.class).run(out, err);
  }
}
