package com.audiostems.activities.licence;

import com.audiostems.ledger.AuditEntry;
import com.audiostems.ledger.AuditEvent;
import com.audiostems.ledger.AuditVerification;
import com.audiostems.ledger.DeliveryRecord;
import com.audiostems.ledger.Ledger;
import com.audiostems.ledger.LicenceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A test-only ledger in memory (the app's LicenceExpiryIT uses it too until the real ledger is
 * wired): rows and an audit log in order, without the hash chain (which the ledger module's own
 * tests cover). Enough to see what the licence activities write, and how often.
 */
public final class InMemoryLedger implements Ledger {
  public final Map<String, LicenceRecord> licences = new LinkedHashMap<>();
  public final List<DeliveryRecord> deliveries = new ArrayList<>();
  public final List<AuditEntry> audit = new ArrayList<>();

  @Override
  public synchronized void saveLicence(LicenceRecord licence) {
    licences.put(licence.licenceId(), licence);
  }

  @Override
  public synchronized Optional<LicenceRecord> findLicence(String licenceId) {
    return Optional.ofNullable(licences.get(licenceId));
  }

  @Override
  public synchronized List<LicenceRecord> licencesOfLicensee(String licensee) {
    return licences.values().stream()
        .filter(l -> l.licensee().equals(licensee))
        .sorted(Comparator.comparing(LicenceRecord::grantedAt).reversed())
        .toList();
  }

  @Override
  public synchronized List<LicenceRecord> licencesOfTrack(String trackId) {
    return licences.values().stream()
        .filter(l -> l.trackId().equals(trackId))
        .sorted(Comparator.comparing(LicenceRecord::grantedAt).reversed())
        .toList();
  }

  @Override
  public synchronized void recordDelivery(DeliveryRecord delivery) {
    deliveries.add(delivery);
  }

  @Override
  public synchronized List<DeliveryRecord> deliveriesOfLicence(String licenceId) {
    return deliveries.stream().filter(d -> d.licenceId().equals(licenceId)).toList();
  }

  @Override
  public synchronized AuditEntry audit(AuditEvent event) {
    AuditEntry entry = new AuditEntry(audit.size() + 1, event, "-", "-");
    audit.add(entry);
    return entry;
  }

  @Override
  public synchronized List<AuditEntry> auditLog() {
    return List.copyOf(audit);
  }

  @Override
  public AuditVerification verifyAudit() {
    throw new UnsupportedOperationException("the in-memory test ledger keeps no hash chain");
  }

  @Override
  public synchronized List<DeliveryRecord> deliveriesBetween(Instant from, Instant to) {
    return deliveries.stream()
        .filter(d -> !d.deliveredAt().isBefore(from) && d.deliveredAt().isBefore(to))
        .toList();
  }

  @Override
  public void close() {}
}
