package com.audiostems.workflows.licence;

import java.time.Instant;

/**
 * A licence as its workflow holds it now (the query's answer and the workflow's result).
 *
 * @param licenceId 30 hex digits
 * @param terms as granted
 * @param status active, expired or revoked
 * @param endsAt the end of the term now (after extensions)
 * @param endedAt when it expired or was revoked; null while active
 * @param endReason why it ended, a sentence ("term ended", "revoked: ..."); null while active
 * @param extensions how many times the term was extended
 */
public record LicenceState(
    String licenceId,
    LicenceTerms terms,
    LicenceStatus status,
    Instant endsAt,
    Instant endedAt,
    String endReason,
    int extensions) {

  /** Whether a delivery may be made at {@code now}: active, started and not past its end. */
  public boolean usableAt(Instant now) {
    return status == LicenceStatus.ACTIVE
        && !now.isBefore(terms.startsAt())
        && now.isBefore(endsAt);
  }
}
