package com.audiostems.ledger;

import com.audiostems.ledger.analytics.LedgerAnalytics;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The licensing half's records: the licences (a projection of their workflows), every delivery, and
 * an append-only audit log in which each row carries the SHA-256 of the one before it. PostgreSQL
 * in production; an embedded file under the data directory by default.
 */
public interface Ledger extends AutoCloseable {

  /** Inserts or replaces the licence's row (its workflow is the truth; this is its projection). */
  void saveLicence(LicenceRecord licence);

  Optional<LicenceRecord> findLicence(String licenceId);

  /** The licences of a licensee, or of a track; newest first. */
  List<LicenceRecord> licencesOfLicensee(String licensee);

  List<LicenceRecord> licencesOfTrack(String trackId);

  void recordDelivery(DeliveryRecord delivery);

  List<DeliveryRecord> deliveriesOfLicence(String licenceId);

  /**
   * Appends one row to the audit log, chained to the last; returns it with its sequence and hash.
   */
  AuditEntry audit(AuditEvent event);

  /** Every audit row in order. */
  List<AuditEntry> auditLog();

  /** Re-computes the chain; names the first row that was changed, deleted or inserted. */
  AuditVerification verifyAudit();

  /** Deliveries and licences between two instants, for analytics. */
  List<DeliveryRecord> deliveriesBetween(Instant from, Instant to);

  /**
   * Inserts or replaces a track's processing record, with its stage times and findings (a retried
   * activity writes the same record again).
   */
  void saveProcessingRecord(ProcessingRecord record);

  Optional<ProcessingRecord> findProcessingRecord(String trackId);

  /** Appends one measured activity execution of a track's journey. */
  void recordActivityCost(ActivityCostRecord cost);

  /** A track's measured activity executions, oldest first. */
  List<ActivityCostRecord> activityCostsOfTrack(String trackId);

  /** The analytics queries over this ledger (processing, quality, business, one track). */
  LedgerAnalytics analytics();

  @Override
  void close();
}
