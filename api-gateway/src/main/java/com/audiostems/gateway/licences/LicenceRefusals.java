package com.audiostems.gateway.licences;

import com.audiostems.gateway.problems.LicenceProblems;
import com.audiostems.ledger.AuditEvent;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * A refused delivery: one audit row ("refuse", or "token-rejected" for a token that does not open)
 * saying who asked, for which licence and why, then the problem the caller gets. Nothing else is
 * written for a refused request.
 */
@Component
public class LicenceRefusals {
  static final String REFUSE = "refuse";
  static final String TOKEN_REJECTED = "token-rejected";

  private final LicensingServices licensing;
  private final Clock clock;

  public LicenceRefusals(LicensingServices licensing, Clock clock) {
    this.licensing = licensing;
    this.clock = clock;
  }

  /** Audits the refusal of a {@code LicenceFailures} type and returns its problem to throw. */
  public ErrorResponseException refuse(
      String actor, String licenceId, String trackId, String failureType, String sentence) {
    audit(REFUSE, actor, licenceId, trackId, failureType + ": " + sentence);
    return LicenceProblems.of(failureType, sentence);
  }

  /** Audits a refusal whose problem the caller built (401, 403 of the caller's role, 400). */
  public ErrorResponseException refuse(
      String action, String actor, String licenceId, String trackId, ErrorResponseException e) {
    audit(action, actor, licenceId, trackId, e.getBody().getDetail());
    return e;
  }

  private void audit(String action, String actor, String licenceId, String trackId, String why) {
    licensing
        .ledger()
        .audit(new AuditEvent(clock.instant(), action, actor, licenceId, trackId, why));
  }
}
