package com.audiostems.gateway.support;

import com.audiostems.ledger.AuditEntry;
import com.audiostems.ledger.AuditEvent;
import com.audiostems.ledger.AuditVerification;
import com.audiostems.ledger.DeliveryRecord;
import com.audiostems.ledger.Ledger;
import com.audiostems.ledger.LicenceRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A test-only ledger in memory: the gateway's tests read what it recorded (deliveries, audit rows).
 * Not the product's ledger (the ledger module's JDBC one); its chain is computed the simple way so
 * that the rows it returns look like the real ones.
 */
public final class InMemoryLedger implements Ledger {
  private static final String GENESIS = "0".repeat(64);
  private final Map<String, LicenceRecord> licences = new LinkedHashMap<>();
  private final List<DeliveryRecord> deliveries = new ArrayList<>();
  private final List<AuditEntry> audit = new ArrayList<>();

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
    String previous = audit.isEmpty() ? GENESIS : audit.getLast().sha256();
    AuditEntry entry =
        new AuditEntry(audit.size() + 1, event, previous, sha256(previous + "\n" + event));
    audit.add(entry);
    return entry;
  }

  @Override
  public synchronized List<AuditEntry> auditLog() {
    return List.copyOf(audit);
  }

  @Override
  public synchronized AuditVerification verifyAudit() {
    String previous = GENESIS;
    for (AuditEntry entry : audit) {
      if (!entry.previousSha256().equals(previous)
          || !entry.sha256().equals(sha256(previous + "\n" + entry.event()))) {
        return new AuditVerification(
            false, entry.sequence(), entry.sequence(), "row " + entry.sequence() + " was changed");
      }
      previous = entry.sha256();
    }
    return new AuditVerification(true, audit.size(), 0, null);
  }

  @Override
  public synchronized List<DeliveryRecord> deliveriesBetween(Instant from, Instant to) {
    return deliveries.stream()
        .filter(d -> !d.deliveredAt().isBefore(from) && d.deliveredAt().isBefore(to))
        .toList();
  }

  /** The audit rows about one licence, in order. */
  public synchronized List<AuditEvent> auditOf(String licenceId) {
    return audit.stream()
        .map(AuditEntry::event)
        .filter(e -> licenceId.equals(e.licenceId()))
        .toList();
  }

  @Override
  public void close() {}

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
