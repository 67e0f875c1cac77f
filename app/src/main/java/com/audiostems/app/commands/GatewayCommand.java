package com.audiostems.app.commands;

import java.io.PrintStream;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code audiostems gateway}: the REST gateway alone, against an existing Temporal server. */
@Command(
    name = "gateway",
    description = {
      "Run the REST gateway alone against an existing Temporal server.",
      "Runs until Ctrl-C or SIGTERM, on the store the workers use (audiostems.storage.*) and the serve"
          + " settings of the gateway (audiostems.serve.gateway-*: port, address, keys)."
    })
final class GatewayCommand extends SpringCommand {
  @Mixin ServerOptions server;

  @Override
  Map<String, Object> settings() {
    return Map.copyOf(server.settings());
  }

  @Override
  int run(ConfigurableApplicationContext context, PrintStream out, PrintStream err)
      throws Exception {
    ServerOptions.requireServer(context, spec);
    return context.getBean(GatewayRunner.class).run(out, err);
  }
}
