package com.audiostems.workflows.licence;

import java.time.Instant;

/**
 * A licence as its workflow holds it: the one object its query, its update and its end are read
 * from. Every change takes the workflow's time, never the wall clock.
 */
final class LicenceLife {
  private final String licenceId;
  private final LicenceTerms terms;
  private LicenceStatus status = LicenceStatus.ACTIVE;
  private Instant endsAt;
  private Instant endedAt;
  private String endReason;
  private String endedBy;
  private int extensions;

  LicenceLife(LicenceGrant grant) {
    this.licenceId = grant == null ? null : grant.licenceId();
    this.terms = grant == null ? null : grant.terms();
    this.endsAt = terms == null ? null : terms.endsAt();
  }

  boolean ended() {
    return status.ended();
  }

  Instant endsAt() {
    return endsAt;
  }

  String endedBy() {
    return endedBy;
  }

  /** The term ran out, or the licensing desk ended it early; ignored once ended. */
  void expire(Instant now, String reason, String actor) {
    end(LicenceStatus.EXPIRED, now, reason, actor);
  }

  /** Withdrawn; ignored once ended. */
  void revoke(Instant now, RevokeRequest request) {
    end(LicenceStatus.REVOKED, now, "revoked: " + request.reason(), request.revokedBy());
  }

  private void end(LicenceStatus how, Instant now, String reason, String actor) {
    if (ended()) {
      return;
    }
    status = how;
    endedAt = now;
    endReason = reason;
    endedBy = actor;
  }

  /**
   * Why {@code request} cannot extend the licence now; null when it can: the licence is active and
   * the new end is after the current one.
   */
  String whyNotExtend(ExtendRequest request) {
    if (ended()) {
      return "Licence "
          + licenceId
          + " has "
          + status.name().toLowerCase()
          + "; it cannot be extended.";
    }
    if (request == null || request.newEndsAt() == null) {
      return "An extension needs the new end of the term (newEndsAt).";
    }
    if (!request.newEndsAt().isAfter(endsAt)) {
      return "The new end "
          + request.newEndsAt()
          + " is not after the current end "
          + endsAt
          + " of licence "
          + licenceId
          + "; give a later one.";
    }
    return null;
  }

  void extend(ExtendRequest request) {
    endsAt = request.newEndsAt();
    extensions++;
  }

  LicenceState state() {
    return new LicenceState(licenceId, terms, status, endsAt, endedAt, endReason, extensions);
  }
}
