package com.audiostems.app.ledger;

import com.audiostems.ledger.ActivityCostRecord;
import com.audiostems.ledger.AuditEntry;
import com.audiostems.ledger.AuditEvent;
import com.audiostems.ledger.AuditVerification;
import com.audiostems.ledger.DeliveryRecord;
import com.audiostems.ledger.Ledger;
import com.audiostems.ledger.LicenceRecord;
import com.audiostems.ledger.ProcessingRecord;
import com.audiostems.ledger.analytics.LedgerAnalytics;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A ledger opened when a licence activity first needs it, not when a worker pool registers its
 * activities. The embedded file admits one process: a {@code worker} beside {@code serve} on the
 * same store must not take it merely by starting (several processes writing at once need
 * PostgreSQL; a licence activity that does reach such a worker fails retryably and runs again
 * elsewhere).
 */
public final class LedgerOnFirstUse implements Ledger {
  private final Supplier<Ledger> opener;
  private Ledger opened;

  public LedgerOnFirstUse(Supplier<Ledger> opener) {
    this.opener = opener;
  }

  private synchronized Ledger ledger() {
    if (opened == null) {
      opened = opener.get();
    }
    return opened;
  }

  @Override
  public void saveLicence(LicenceRecord licence) {
    ledger().saveLicence(licence);
  }

  @Override
  public Optional<LicenceRecord> findLicence(String licenceId) {
    return ledger().findLicence(licenceId);
  }

  @Override
  public List<LicenceRecord> licencesOfLicensee(String licensee) {
    return ledger().licencesOfLicensee(licensee);
  }

  @Override
  public List<LicenceRecord> licencesOfTrack(String trackId) {
    return ledger().licencesOfTrack(trackId);
  }

  @Override
  public void recordDelivery(DeliveryRecord delivery) {
    ledger().recordDelivery(delivery);
  }

  @Override
  public List<DeliveryRecord> deliveriesOfLicence(String licenceId) {
    return ledger().deliveriesOfLicence(licenceId);
  }

  @Override
  public AuditEntry audit(AuditEvent event) {
    return ledger().audit(event);
  }

  @Override
  public List<AuditEntry> auditLog() {
    return ledger().auditLog();
  }

  @Override
  public AuditVerification verifyAudit() {
    return ledger().verifyAudit();
  }

  @Override
  public List<DeliveryRecord> deliveriesBetween(Instant from, Instant to) {
    return ledger().deliveriesBetween(from, to);
  }

  @Override
  public void saveProcessingRecord(ProcessingRecord record) {
    ledger().saveProcessingRecord(record);
  }

  @Override
  public Optional<ProcessingRecord> findProcessingRecord(String trackId) {
    return ledger().findProcessingRecord(trackId);
  }

  @Override
  public void recordActivityCost(ActivityCostRecord cost) {
    ledger().recordActivityCost(cost);
  }

  @Override
  public List<ActivityCostRecord> activityCostsOfTrack(String trackId) {
    return ledger().activityCostsOfTrack(trackId);
  }

  @Override
  public LedgerAnalytics analytics() {
    return ledger().analytics();
  }

  /** Nothing to close when it was never opened; the bean it wraps closes with its context. */
  @Override
  public void close() {}
}
