package com.audiostems.app.commands;

import com.audiostems.app.AudiostemsProperties;
import com.audiostems.app.gateway.EmbeddedGateway;
import com.audiostems.app.gateway.GatewayCredentials;
import com.audiostems.app.gateway.GatewayLicensing;
import com.audiostems.ledger.Ledger;
import com.audiostems.licensing.LicenceTokens;
import java.io.PrintStream;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code audiostems gateway}: the REST gateway alone, in front of an existing Temporal server whose
 * workers ({@code audiostems worker}) share its store. The same gateway that {@code serve} embeds,
 * with the same settings: {@code audiostems.serve.gateway-*} for its port, address and keys.
 */
@Component
public class GatewayRunner {
  private final AudiostemsProperties properties;
  private final ObjectProvider<Ledger> ledger;
  private final ObjectProvider<LicenceTokens> licenceTokens;

  public GatewayRunner(
      AudiostemsProperties properties,
      ObjectProvider<Ledger> ledger,
      ObjectProvider<LicenceTokens> licenceTokens) {
    this.properties = properties;
    this.ledger = ledger;
    this.licenceTokens = licenceTokens;
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
    // From this process's configuration (audiostems.ledger.*, audiostems.licence-tokens.*): with
    // the embedded ledger file, only one process of the deployment may hold it; PostgreSQL lets
    // the gateway and the workers share it.
    GatewayLicensing licensing = GatewayLicensing.of(ledger, licenceTokens);
    EmbeddedGateway gateway =
        ServeRunner.startGateway(
            properties, credentials, temporal.target(), temporal.namespace(), licensing, null);
    out.printf(
        Locale.ROOT, "Gateway for %s (namespace %s)%n", temporal.target(), temporal.namespace());
    ServeRunner.printGateway(
        out, ServeRunner.gatewayUrl(properties, gateway), credentials, licensing);
    out.println("Ctrl-C or SIGTERM stops it.");
    return gateway;
  }
}
