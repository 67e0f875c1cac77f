package com.audiostems.gateway.licences;

import com.audiostems.gateway.problems.Problems;
import com.audiostems.ledger.Ledger;
import com.audiostems.licensing.LicenceTokens;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The ledger (licences, deliveries, audit log) and the licence tokens, as the composition root
 * provides them. They are looked up per request rather than required at start, so that a gateway
 * deployed without the licence half (track endpoints only) still starts; every licence endpoint
 * then answers 503 saying what is missing.
 */
@Component
public class LicensingServices {
  private final ObjectProvider<Ledger> ledger;
  private final ObjectProvider<LicenceTokens> tokens;

  public LicensingServices(ObjectProvider<Ledger> ledger, ObjectProvider<LicenceTokens> tokens) {
    this.ledger = ledger;
    this.tokens = tokens;
  }

  public Ledger ledger() {
    Ledger found = ledger.getIfAvailable();
    if (found == null) {
      throw notConfigured("the ledger (a com.audiostems.ledger.Ledger bean)");
    }
    return found;
  }

  /**
   * The ledger where the deployment has one: for answers that name a licensee when they can and are
   * still worth giving without (a leak trace).
   */
  public Optional<Ledger> ledgerIfConfigured() {
    return Optional.ofNullable(ledger.getIfAvailable());
  }

  public LicenceTokens tokens() {
    LicenceTokens found = tokens.getIfAvailable();
    if (found == null) {
      throw notConfigured("licence tokens (a com.audiostems.licensing.LicenceTokens bean)");
    }
    return found;
  }

  private static RuntimeException notConfigured(String what) {
    return Problems.exception(
        HttpStatus.SERVICE_UNAVAILABLE,
        "licensing-not-configured",
        "Service unavailable",
        "This gateway was started without "
            + what
            + "; licences cannot be used until the deployment provides it.");
  }
}
