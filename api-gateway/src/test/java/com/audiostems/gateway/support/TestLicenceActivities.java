package com.audiostems.gateway.support;

import com.audiostems.ledger.AuditEvent;
import com.audiostems.ledger.Ledger;
import com.audiostems.ledger.LicenceRecord;
import com.audiostems.workflows.licence.LicenceActivities;
import com.audiostems.workflows.licence.LicenceEvent;
import com.audiostems.workflows.licence.LicenceState;
import com.audiostems.workflows.licence.WithdrawnCopies;
import java.util.List;

/** Test-only: the licence workflow's projection and audit rows, into the in-memory ledger. */
public final class TestLicenceActivities implements LicenceActivities {
  private final Ledger ledger;

  public TestLicenceActivities(Ledger ledger) {
    this.ledger = ledger;
  }

  @Override
  public void recordLicenceEvent(LicenceEvent event) {
    LicenceState state = event.state();
    ledger.saveLicence(
        new LicenceRecord(
            state.licenceId(),
            state.terms().trackId(),
            state.terms().licensee(),
            state.terms().formats().stream().map(Enum::name).toList(),
            state.terms().territories(),
            state.terms().startsAt(),
            state.endsAt(),
            state.terms().feeMinorUnits(),
            state.terms().currency(),
            state.terms().usageType(),
            state.status().name(),
            state.terms().startsAt(),
            state.endedAt(),
            state.endReason()));
    ledger.audit(
        new AuditEvent(
            event.at(),
            event.action(),
            event.actor(),
            state.licenceId(),
            state.terms().trackId(),
            state.endReason()));
  }

  @Override
  public WithdrawnCopies withdrawCopies(String licenceId, String reason) {
    return new WithdrawnCopies(List.of(), null);
  }

  @Override
  public List<String> activeLicencesOfTrack(String trackId) {
    return List.of();
  }
}
