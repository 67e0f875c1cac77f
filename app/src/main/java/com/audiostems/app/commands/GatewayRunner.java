package com.audiostems.app.commands;

import com.audiostems.app.AudiostemsProperties;
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
public class GatewayRunner {
  private final AudiostemsProperties properties;

  public GatewayRunner(AudiostemsProperties properties) {
    this.properties = properties;
  }

  /** Runs until the JVM is asked to stop; needs {@code audiostems.temporal.target}. */
  public int run(PrintStream out, PrintStream err) throws Exception {
    EmbeddedGateway gateway;
    try {
      gateway = start(out);
    } catch (IllegalStateException e) {
      err.println("audiostems: " + e.getMessage());
      return ExitCodes.FAILED;
    }
    Shutdown.closeOnJvmShutdown(gateway, out);
    return ExitCodes.OK;
  }

  /** Starts the gateway and says where; closing the result stops it. */
  EmbeddedGateway start(PrintStream out) {
    AudiostemsProperties.Temporal temporal = properties.temporal();
    GatewayCredentials credentials = GatewayCredentials.of(properties.serve());
    EmbeddedGateway gateway =
        ServeRunner.startGateway(properties, credentials, temporal.target(), temporal.namespace());
    out.printf(
        Locale.ROOT, "Gateway for %s (namespace %s)%n", temporal.target(), temporal.namespace());
    ServeRunner.printGateway(out, ServeRunner.gatewayUrl(properties, gateway), credentials);
    out.println("Ctrl-C or SIGTERM stops it.");
    return gateway;
  }
}
