package com.audiostems.app;

import com.audiostems.app.gateway.EmbeddedGateway;
import com.audiostems.app.gateway.GatewayCredentials;
import java.io.PrintStream;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code audiostems gateway}: the REST gateway alone, in front of an existing Temporal server whose
 * workers ({@code audiostems worker}) share its store. The same gateway that {@code serve} embeds,
 * with the same settings: {@code audiostems.serve.gateway-*} for its port, address and keys.
 */
@Component
public class GatewayCommand {
  private final AudiostemsProperties properties;

  public GatewayCommand(AudiostemsProperties properties) {
    this.properties = properties;
  }

  public int run(PrintStream out, PrintStream err) throws Exception {
    if (!properties.temporal().hasTarget()) {
      err.print("audiostems: gateway needs --temporal HOST:PORT (or audiostems.temporal.target)\n" + GatewayOptions.USAGE);
      return ProcessCommand.USAGE;
    }
    EmbeddedGateway gateway;
    try {
      gateway = start(out);
    } catch (IllegalStateException e) {
      err.println("audiostems: " + e.getMessage());
      return ProcessCommand.FAILED;
    }
    Shutdown.closeOnJvmShutdown(gateway, out);
    return 0;
  }

  /** Starts the gateway and says where; closing the result stops it. */
  EmbeddedGateway start(PrintStream out) {
    AudiostemsProperties.Temporal temporal = properties.temporal();
    GatewayCredentials credentials = GatewayCredentials.of(properties.serve());
    EmbeddedGateway gateway = ServeCommand.startGateway(properties, credentials, temporal.target(), temporal.namespace());
    out.printf(Locale.ROOT, "Gateway for %s (namespace %s)%n", temporal.target(), temporal.namespace());
    ServeCommand.printGateway(out, ServeCommand.gatewayUrl(properties, gateway), credentials);
    out.println("Ctrl-C or SIGTERM stops it.");
    return gateway;
  }
}
