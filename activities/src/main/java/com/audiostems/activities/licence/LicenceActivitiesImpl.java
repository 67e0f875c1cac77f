package com.audiostems.activities.licence;

import com.audiostems.ledger.AuditEvent;
import com.audiostems.ledger.Ledger;
import com.audiostems.ledger.LicenceRecord;
import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.delivery.DeliveryKeys;
import com.audiostems.workflows.licence.LicenceActivities;
import com.audiostems.workflows.licence.LicenceEvent;
import com.audiostems.workflows.licence.LicenceState;
import com.audiostems.workflows.licence.LicenceStatus;
import com.audiostems.workflows.licence.WithdrawnCopies;
import com.audiostems.workflows.media.OutputFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A licence's side effects: its row in the ledger and the audit log, and, when it ends, its copies
 * out of the delivery store and the CDN. Both are safe to retry.
 */
public class LicenceActivitiesImpl implements LicenceActivities {
  private final Ledger ledger;
  private final BlobStore store;
  private final CdnInvalidations cdn;

  public LicenceActivitiesImpl(Ledger ledger, BlobStore store, CdnInvalidations cdn) {
    this.ledger = ledger;
    this.store = store;
    this.cdn = cdn;
  }

  /**
   * Audits the change, then projects it. Every event changes the projection (a grant makes the row,
   * an extension moves its end, an end sets its status), so a row already showing the event's state
   * means a retry of an event fully recorded: nothing is written twice.
   */
  @Override
  public void recordLicenceEvent(LicenceEvent event) {
    LicenceState state = event.state();
    Optional<LicenceRecord> existing = ledger.findLicence(state.licenceId());
    Instant grantedAt = existing.map(LicenceRecord::grantedAt).orElse(event.at());
    LicenceRecord record = toRecord(state, grantedAt);
    if (existing.isPresent() && existing.get().equals(record)) {
      return;
    }
    ledger.audit(
        new AuditEvent(
            event.at(),
            event.action(),
            event.actor(),
            state.licenceId(),
            state.terms().trackId(),
            detail(event)));
    ledger.saveLicence(record);
  }

  static LicenceRecord toRecord(LicenceState state, Instant grantedAt) {
    return new LicenceRecord(
        state.licenceId(),
        state.terms().trackId(),
        state.terms().licensee(),
        state.terms().formats().stream().map(OutputFormat::name).toList(),
        state.terms().territories(),
        state.terms().startsAt(),
        state.endsAt(),
        state.terms().feeMinorUnits(),
        state.terms().currency(),
        state.terms().usageType(),
        state.status().name(),
        grantedAt,
        state.endedAt(),
        state.endReason());
  }

  private static String detail(LicenceEvent event) {
    LicenceState state = event.state();
    return switch (event.action()) {
      case "granted" ->
          "to "
              + state.terms().licensee()
              + " until "
              + state.endsAt()
              + ", "
              + state.terms().formats();
      case "extended" -> "until " + state.endsAt();
      default -> state.endReason();
    };
  }

  /**
   * Deletes every copy under the licence's prefix, then asks the CDN to forget the prefix. A copy
   * handed out may sit in the CDN's cache even once deleted here, so the CDN is asked whenever the
   * licence had any delivery; a retry finds the copies gone and asks again, which both CDN
   * implementations answer with the first request's id.
   */
  @Override
  public WithdrawnCopies withdrawCopies(String licenceId, String reason) {
    String prefix = DeliveryKeys.licencePrefix(licenceId);
    List<String> deleted = new ArrayList<>();
    try {
      for (String key : store.list(prefix)) {
        store.delete(key);
        deleted.add(key);
      }
      if (deleted.isEmpty() && ledger.deliveriesOfLicence(licenceId).isEmpty()) {
        return new WithdrawnCopies(List.of(), null);
      }
      String invalidationId = cdn.invalidate(licenceId, List.of("/" + prefix + "*"), reason);
      return new WithdrawnCopies(deleted, invalidationId);
    } catch (IOException e) {
      // Retried by the workflow's policy: the deletes already done are no-ops the next time.
      throw new UncheckedIOException(
          "Could not withdraw the copies of licence " + licenceId + " under " + prefix, e);
    }
  }

  @Override
  public List<String> activeLicencesOfTrack(String trackId) {
    return ledger.licencesOfTrack(trackId).stream()
        .filter(licence -> LicenceStatus.ACTIVE.name().equals(licence.status()))
        .map(LicenceRecord::licenceId)
        .toList();
  }
}
