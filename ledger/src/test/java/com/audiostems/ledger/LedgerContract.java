package com.audiostems.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Ledger} database does: the embedded H2 file ({@code LedgerOnH2Test}) and a real
 * PostgreSQL server ({@code LedgerOnPostgresqlIT}) run these same cases.
 */
abstract class LedgerContract {
  static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123456Z");

  LedgerSettings settings;
  Ledger ledger;

  /** A new, empty database for one test. */
  abstract LedgerSettings freshDatabase() throws Exception;

  /**
   * Runs SQL as someone who gets round the append-only trigger (a database owner or superuser): how
   * the tests tamper with the log.
   */
  abstract void bypassingAppendOnly(Statement sql, String... statements) throws SQLException;

  @BeforeEach
  void open() throws Exception {
    settings = freshDatabase();
    ledger = Ledgers.open(settings);
  }

  @AfterEach
  void close() {
    if (ledger != null) {
      ledger.close();
    }
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
  }

  void tamper(String... statements) throws SQLException {
    try (Connection c = connect();
        Statement sql = c.createStatement()) {
      bypassingAppendOnly(sql, statements);
    }
  }

  static LicenceRecord licence(String id, String track, String licensee, Instant grantedAt) {
    return new LicenceRecord(
        id,
        track,
        licensee,
        List.of("MP3_320", "FLAC"),
        List.of("GB", "IE"),
        grantedAt,
        grantedAt.plus(30, ChronoUnit.DAYS),
        125_00,
        "EUR",
        "sync",
        "ACTIVE",
        grantedAt,
        null,
        null);
  }

  static DeliveryRecord delivery(String licence, String format, Instant at) {
    return new DeliveryRecord(
        licence, "acme", "track-1", format, 8_123_456, "ab".repeat(32), at, "203.0.113.7", "GB");
  }

  static AuditEvent event(int i) {
    return new AuditEvent(
        T0.plusSeconds(i), "deliver", "licensee:acme", "lic-" + i, "track-1", "MP3_320 #" + i);
  }

  void appendEvents(int count) {
    for (int i = 1; i <= count; i++) {
      ledger.audit(event(i));
    }
  }

  @Test
  void aSavedLicenceIsFoundAsItWasSaved() {
    LicenceRecord saved = licence("lic-1", "track-1", "acme", T0);
    ledger.saveLicence(saved);

    assertThat(ledger.findLicence("lic-1")).contains(saved);
    assertThat(ledger.findLicence("no-such-licence")).isEmpty();
  }

  @Test
  void savingALicenceAgainReplacesItsRow() {
    LicenceRecord granted = licence("lic-1", "track-1", "acme", T0);
    ledger.saveLicence(granted);
    LicenceRecord revoked =
        new LicenceRecord(
            "lic-1",
            "track-1",
            "acme",
            List.of("MP3_320"),
            List.of("WORLD"),
            granted.startsAt(),
            granted.endsAt(),
            granted.feeMinorUnits(),
            "EUR",
            "sync",
            "REVOKED",
            granted.grantedAt(),
            T0.plusSeconds(3600),
            "licensee asked");
    ledger.saveLicence(revoked);

    assertThat(ledger.findLicence("lic-1")).contains(revoked);
    assertThat(ledger.licencesOfTrack("track-1")).containsExactly(revoked);
  }

  @Test
  void licencesAreListedByLicenseeAndByTrackNewestFirst() {
    LicenceRecord older = licence("lic-a", "track-1", "acme", T0);
    LicenceRecord newer = licence("lic-b", "track-2", "acme", T0.plusSeconds(60));
    LicenceRecord other = licence("lic-c", "track-1", "globex", T0.plusSeconds(30));
    ledger.saveLicence(older);
    ledger.saveLicence(newer);
    ledger.saveLicence(other);

    assertThat(ledger.licencesOfLicensee("acme")).containsExactly(newer, older);
    assertThat(ledger.licencesOfTrack("track-1")).containsExactly(other, older);
    assertThat(ledger.licencesOfLicensee("nobody")).isEmpty();
  }

  @Test
  void aFormatNameWithACommaIsRefusedRatherThanSplitLater() {
    LicenceRecord good = licence("lic-1", "track-1", "acme", T0);
    LicenceRecord bad =
        new LicenceRecord(
            "lic-1",
            "track-1",
            "acme",
            List.of("MP3,320"),
            good.territories(),
            good.startsAt(),
            good.endsAt(),
            1,
            "EUR",
            "sync",
            "ACTIVE",
            T0,
            null,
            null);

    assertThatThrownBy(() -> ledger.saveLicence(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MP3,320");
    assertThat(ledger.findLicence("lic-1")).isEmpty();
  }

  @Test
  void deliveriesAreListedByLicenceAndByTimeRange() {
    DeliveryRecord first = delivery("lic-1", "MP3_320", T0);
    DeliveryRecord second = delivery("lic-1", "FLAC", T0.plusSeconds(10));
    DeliveryRecord elsewhere =
        new DeliveryRecord(
            "lic-2",
            "globex",
            "track-2",
            "WAV_24",
            50,
            "cd".repeat(32),
            T0.plusSeconds(20),
            "cli",
            null);
    ledger.recordDelivery(second);
    ledger.recordDelivery(first);
    ledger.recordDelivery(elsewhere);

    assertThat(ledger.deliveriesOfLicence("lic-1")).containsExactly(first, second);
    // From inclusive, to exclusive.
    assertThat(ledger.deliveriesBetween(T0, T0.plusSeconds(20))).containsExactly(first, second);
    assertThat(ledger.deliveriesBetween(T0.plusSeconds(10), T0.plusSeconds(21)))
        .containsExactly(second, elsewhere);
    assertThat(ledger.deliveriesOfLicence("lic-3")).isEmpty();
  }

  @Test
  void eachAuditRowCarriesThePreviousRowsHash() {
    AuditEntry first = ledger.audit(event(1));
    AuditEntry second = ledger.audit(event(2));
    AuditEvent unnamed =
        new AuditEvent(T0.plusSeconds(3), "token-rejected", "203.0.113.7", null, null, null);
    AuditEntry third = ledger.audit(unnamed);

    assertThat(first.sequence()).isEqualTo(1);
    assertThat(first.previousSha256()).isEqualTo("0".repeat(64));
    assertThat(second.previousSha256()).isEqualTo(first.sha256());
    assertThat(third.previousSha256()).isEqualTo(second.sha256());
    assertThat(List.of(first.sha256(), second.sha256(), third.sha256()))
        .allMatch(h -> h.matches("[0-9a-f]{64}"))
        .doesNotHaveDuplicates();
    assertThat(ledger.auditLog()).containsExactly(first, second, third);
    assertThat(ledger.verifyAudit()).isEqualTo(new AuditVerification(true, 3, 0, null));
  }

  @Test
  void anAuditTimeIsKeptToTheMicrosecondItIsHashedWith() {
    AuditEvent nanos =
        new AuditEvent(T0.plusNanos(789), "grant", "cli", "lic-1", "track-1", "{\"fee\":12500}");
    AuditEntry entry = ledger.audit(nanos);

    assertThat(entry.event().at()).isEqualTo(T0);
    assertThat(ledger.auditLog()).containsExactly(entry);
    assertThat(ledger.verifyAudit().intact()).isTrue();
  }

  @Test
  void anEventWithoutActionOrActorIsRefusedAndWritesNothing() {
    assertThatThrownBy(
            () -> ledger.audit(new AuditEvent(T0, "grant", " ", "lic-1", "track-1", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("actor");
    assertThatThrownBy(() -> ledger.audit(new AuditEvent(T0, null, "cli", null, null, null)))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(ledger.auditLog()).isEmpty();
    assertThat(ledger.audit(event(1)).sequence()).isEqualTo(1);
  }

  @Test
  void anEmptyLogIsIntact() {
    assertThat(ledger.verifyAudit()).isEqualTo(new AuditVerification(true, 0, 0, null));
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteAnAuditRow() throws SQLException {
    appendEvents(2);
    try (Connection c = connect();
        Statement sql = c.createStatement()) {
      assertThatThrownBy(
              () -> sql.executeUpdate("UPDATE audit_log SET detail = 'x' WHERE sequence_no = 1"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM audit_log WHERE sequence_no = 2"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
    }
    assertThat(ledger.verifyAudit()).isEqualTo(new AuditVerification(true, 2, 0, null));
  }

  @Test
  void aChangedRowIsNamed() throws SQLException {
    appendEvents(5);
    tamper("UPDATE audit_log SET detail = 'FLAC #3' WHERE sequence_no = 3");

    AuditVerification result = ledger.verifyAudit();

    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSequence()).isEqualTo(3);
    assertThat(result.rowsChecked()).isEqualTo(3);
    assertThat(result.problem()).startsWith("Audit row 3 was changed after it was written");
  }

  @Test
  void aChangedTimeIsNamed() throws SQLException {
    appendEvents(3);
    tamper(
        "UPDATE audit_log SET occurred_at = occurred_at + INTERVAL '1' SECOND"
            + " WHERE sequence_no = 2");

    assertThat(ledger.verifyAudit().firstBrokenSequence()).isEqualTo(2);
  }

  @Test
  void aDeletedRowIsNamed() throws SQLException {
    appendEvents(5);
    tamper("DELETE FROM audit_log WHERE sequence_no = 2");

    AuditVerification result = ledger.verifyAudit();

    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSequence()).isEqualTo(2);
    assertThat(result.problem())
        .isEqualTo("Audit row 2 is missing: the log goes from row 1 to row 3 (it was deleted).");
  }

  @Test
  void rowsDeletedFromTheEndAreNamed() throws SQLException {
    appendEvents(5);
    tamper("DELETE FROM audit_log WHERE sequence_no >= 4");

    AuditVerification result = ledger.verifyAudit();

    assertThat(result.firstBrokenSequence()).isEqualTo(4);
    assertThat(result.problem())
        .startsWith("Audit rows 4 to 5 are missing from the end of the log");
  }

  @Test
  void aRowInsertedAtTheEndWithAValidHashIsNamed() throws SQLException {
    appendEvents(3);
    AuditEntry last = ledger.auditLog().get(2);
    AuditEvent forged = new AuditEvent(T0.plusSeconds(99), "grant", "cli", "lic-x", "t", null);
    String sha256 = AuditHash.of(4, forged, last.sha256());
    tamper(
        "INSERT INTO audit_log VALUES (4, TIMESTAMP WITH TIME ZONE '2025-03-01 10:17:09.123456+00',"
            + " 'grant', 'cli', 'lic-x', 't', NULL, '"
            + last.sha256()
            + "', '"
            + sha256
            + "')");

    AuditVerification result = ledger.verifyAudit();

    assertThat(result.firstBrokenSequence()).isEqualTo(4);
    assertThat(result.problem())
        .isEqualTo("Audit row 4 was added outside the ledger: the chain head ends at row 3.");
  }

  @Test
  void aRowInsertedInTheMiddleIsNamed() throws SQLException {
    appendEvents(4);
    // Make room after row 2 and put a forged row there, chained to row 2 and hashed correctly.
    AuditEntry second = ledger.auditLog().get(1);
    AuditEvent forged = new AuditEvent(T0, "grant", "cli", "lic-x", "track-1", null);
    tamper(
        "UPDATE audit_log SET sequence_no = sequence_no + 100 WHERE sequence_no >= 3",
        "UPDATE audit_log SET sequence_no = sequence_no - 99 WHERE sequence_no >= 103",
        "INSERT INTO audit_log VALUES (3, TIMESTAMP WITH TIME ZONE '2025-03-01 10:15:30.123456+00',"
            + " 'grant', 'cli', 'lic-x', 'track-1', NULL, '"
            + second.sha256()
            + "', '"
            + AuditHash.of(3, forged, second.sha256())
            + "')");

    AuditVerification result = ledger.verifyAudit();

    // The forged row itself holds; the row pushed down to 4 still carries its old number in its
    // hash, so it is the first to fail.
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenSequence()).isEqualTo(4);
    assertThat(result.problem()).startsWith("Audit row 4 was changed");
  }

  @Test
  void aRowReplacedWholeWithAValidHashBreaksTheNextLink() throws SQLException {
    appendEvents(4);
    AuditEntry first = ledger.auditLog().get(0);
    AuditEvent forged = new AuditEvent(T0.plusSeconds(2), "refuse", "cli", "lic-2", "track-1", "");
    String forgedSha256 = AuditHash.of(2, forged, first.sha256());
    tamper(
        "DELETE FROM audit_log WHERE sequence_no = 2",
        "INSERT INTO audit_log VALUES (2, TIMESTAMP WITH TIME ZONE '2025-03-01 10:15:32.123456+00',"
            + " 'refuse', 'cli', 'lic-2', 'track-1', '', '"
            + first.sha256()
            + "', '"
            + forgedSha256
            + "')");

    AuditVerification result = ledger.verifyAudit();

    assertThat(result.firstBrokenSequence()).isEqualTo(3);
    assertThat(result.problem())
        .isEqualTo(
            "Audit row 3 does not follow row 2: its previous_sha256 is not row 2's hash, so a row"
                + " was inserted or replaced here.");
  }

  @Test
  void appendsFromTwoPoolsAtOnceKeepOneUnbrokenChain() throws Exception {
    int threadsPerPool = 4;
    int appendsPerThread = 40;
    try (Ledger second = Ledgers.open(settings)) {
      ExecutorService threads = Executors.newFixedThreadPool(2 * threadsPerPool);
      try {
        List<Future<List<AuditEntry>>> results = new ArrayList<>();
        for (int t = 0; t < 2 * threadsPerPool; t++) {
          Ledger writer = t % 2 == 0 ? ledger : second;
          int thread = t;
          Callable<List<AuditEntry>> appends =
              () -> {
                List<AuditEntry> written = new ArrayList<>();
                for (int i = 0; i < appendsPerThread; i++) {
                  written.add(
                      writer.audit(
                          new AuditEvent(
                              Instant.now(),
                              "deliver",
                              "thread-" + thread,
                              "lic-" + thread,
                              "track-1",
                              "append " + i)));
                }
                return written;
              };
          results.add(threads.submit(appends));
        }
        List<Long> sequences = new ArrayList<>();
        for (Future<List<AuditEntry>> result : results) {
          result.get().forEach(e -> sequences.add(e.sequence()));
        }
        int total = 2 * threadsPerPool * appendsPerThread;
        assertThat(sequences)
            .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(ledger.verifyAudit()).isEqualTo(new AuditVerification(true, total, 0, null));
      } finally {
        threads.shutdownNow();
      }
    }
  }

  @Test
  void reopeningKeepsTheRecordsAndTheChain() {
    ledger.saveLicence(licence("lic-1", "track-1", "acme", T0));
    appendEvents(2);
    ledger.close();

    ledger = Ledgers.open(settings);
    AuditEntry third = ledger.audit(event(3));

    assertThat(ledger.findLicence("lic-1")).isPresent();
    assertThat(third.sequence()).isEqualTo(3);
    assertThat(ledger.verifyAudit()).isEqualTo(new AuditVerification(true, 3, 0, null));
  }
}
