package com.audiostems.app.gateway;

import com.audiostems.ledger.Ledger;
import com.audiostems.licensing.LicenceTokens;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the gateway's licence endpoints need from the application: its {@link Ledger} and its {@link
 * LicenceTokens}, the very beans the workers use (one ledger per process: the embedded file is
 * opened once). The gateway's context is not a child of the application's (see {@link
 * EmbeddedGateway}), so they are handed over as singletons it does not own: the application closes
 * them. Either may be missing, with the reason; the gateway then answers its licence endpoints 503
 * {@code licensing-not-configured} and the rest of the API works.
 *
 * @param ledger null when the application has none or it could not be opened
 * @param tokens null when no token key could be had
 * @param unavailable why licences are off; null when both are present
 */
public record GatewayLicensing(Ledger ledger, LicenceTokens tokens, String unavailable) {

  /** No licences (a gateway started by a test without them). */
  public static GatewayLicensing none(String why) {
    return new GatewayLicensing(null, null, why);
  }

  /**
   * Opens the application's beans (both are lazy: this is where the ledger's file or database and
   * the token key are first read). A failure is kept as the reason, never thrown: a ledger held by
   * another process must not stop the track endpoints.
   */
  public static GatewayLicensing of(
      ObjectProvider<Ledger> ledgers, ObjectProvider<LicenceTokens> tokenSources) {
    Ledger ledger;
    LicenceTokens tokens;
    try {
      ledger = ledgers.getIfAvailable();
    } catch (BeansException e) {
      return none("the ledger could not be opened: " + rootMessage(e));
    }
    try {
      tokens = tokenSources.getIfAvailable();
    } catch (BeansException e) {
      return new GatewayLicensing(ledger, null, "no licence-token key: " + rootMessage(e));
    }
    if (ledger == null || tokens == null) {
      return new GatewayLicensing(
          ledger, tokens, ledger == null ? "no ledger configured" : "no licence tokens configured");
    }
    return new GatewayLicensing(ledger, tokens, null);
  }

  /** Registers what there is in the gateway's context before it refreshes. */
  void register(ConfigurableApplicationContext gateway) {
    if (ledger != null) {
      gateway.getBeanFactory().registerSingleton("audiostemsLedger", ledger);
    }
    if (tokens != null) {
      gateway.getBeanFactory().registerSingleton("audiostemsLicenceTokens", tokens);
    }
  }

  /** For the start-up banner: "on", or "off: why". */
  public String describe() {
    return unavailable == null
        ? "on (the application's ledger and licence-token keys)"
        : "off: " + unavailable;
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }
}
