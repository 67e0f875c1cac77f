package com.audiostems.ledger;

import com.audiostems.ledger.analytics.LedgerAnalytics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@link Ledger} over JDBC: the same SQL on PostgreSQL and on the embedded H2 file. Times are
 * kept to the microsecond (both databases' precision). Appends to the audit log lock the one-row
 * chain head first, so writers in several processes append one after another and the chain stays
 * one line.
 */
public final class JdbcLedger implements Ledger {
  /** SQLSTATE of a unique or primary key violation, in both databases. */
  private static final String UNIQUE_VIOLATION = "23505";

  private static final String LICENCE_COLUMNS =
      "licence_id, track_id, licensee, formats, territories, starts_at, ends_at, fee_minor_units,"
          + " currency, usage_type, status, granted_at, ended_at, end_reason";
  private static final String DELIVERY_COLUMNS =
      "licence_id, licensee, track_id, format, bytes, sha256, delivered_at, client_address,"
          + " territory_claimed";

  private final DataSource dataSource;
  private final AutoCloseable onClose;

  /**
   * @param dataSource a migrated database ({@link Ledgers#open} runs the migrations)
   * @param onClose what {@link #close} releases (the pool); nothing when the caller owns it
   */
  public JdbcLedger(DataSource dataSource, AutoCloseable onClose) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.onClose = onClose;
  }

  @Override
  public void saveLicence(LicenceRecord licence) {
    String update =
        "UPDATE licences SET track_id = ?, licensee = ?, formats = ?, territories = ?,"
            + " starts_at = ?, ends_at = ?, fee_minor_units = ?, currency = ?, usage_type = ?,"
            + " status = ?, granted_at = ?, ended_at = ?, end_reason = ? WHERE licence_id = ?";
    String insert =
        "INSERT INTO licences ("
            + LICENCE_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    String what = "save licence " + licence.licenceId();
    inTransaction(
        what,
        c -> {
          if (updateLicence(c, update, licence) > 0) {
            return null;
          }
          try (PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setString(1, licence.licenceId());
            bindLicenceFields(ps, 2, licence);
            ps.executeUpdate();
          } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
              throw e;
            }
            // Another writer inserted it between our update and insert: ours is the later state.
            c.rollback();
            updateLicence(c, update, licence);
          }
          return null;
        });
  }

  private static int updateLicence(Connection c, String update, LicenceRecord licence)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(update)) {
      int next = bindLicenceFields(ps, 1, licence);
      ps.setString(next, licence.licenceId());
      return ps.executeUpdate();
    }
  }

  /** Binds every column but the id from {@code first}; returns the next index. */
  private static int bindLicenceFields(PreparedStatement ps, int first, LicenceRecord l)
      throws SQLException {
    int i = first;
    ps.setString(i++, l.trackId());
    ps.setString(i++, l.licensee());
    ps.setString(i++, joinNames("formats", l.formats()));
    ps.setString(i++, joinNames("territories", l.territories()));
    ps.setObject(i++, timestamp(l.startsAt()));
    ps.setObject(i++, timestamp(l.endsAt()));
    ps.setLong(i++, l.feeMinorUnits());
    ps.setString(i++, l.currency());
    ps.setString(i++, l.usageType());
    ps.setString(i++, l.status());
    ps.setObject(i++, timestamp(l.grantedAt()));
    ps.setObject(i++, timestamp(l.endedAt()));
    ps.setString(i++, l.endReason());
    return i;
  }

  @Override
  public Optional<LicenceRecord> findLicence(String licenceId) {
    List<LicenceRecord> found =
        queryLicences("find licence " + licenceId, "WHERE licence_id = ?", licenceId);
    return found.stream().findFirst();
  }

  @Override
  public List<LicenceRecord> licencesOfLicensee(String licensee) {
    return queryLicences(
        "list the licences of licensee " + licensee,
        "WHERE licensee = ? ORDER BY granted_at DESC, licence_id",
        licensee);
  }

  @Override
  public List<LicenceRecord> licencesOfTrack(String trackId) {
    return queryLicences(
        "list the licences of track " + trackId,
        "WHERE track_id = ? ORDER BY granted_at DESC, licence_id",
        trackId);
  }

  private List<LicenceRecord> queryLicences(String what, String where, String value) {
    return inTransaction(
        what,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + LICENCE_COLUMNS + " FROM licences " + where)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
              List<LicenceRecord> licences = new ArrayList<>();
              while (rs.next()) {
                licences.add(
                    new LicenceRecord(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        splitNames(rs.getString(4)),
                        splitNames(rs.getString(5)),
                        instant(rs, 6),
                        instant(rs, 7),
                        rs.getLong(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        instant(rs, 12),
                        instant(rs, 13),
                        rs.getString(14)));
              }
              return licences;
            }
          }
        });
  }

  @Override
  public void recordDelivery(DeliveryRecord d) {
    inTransaction(
        "record the delivery of " + d.format() + " to licence " + d.licenceId(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO deliveries ("
                      + DELIVERY_COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, d.licenceId());
            ps.setString(2, d.licensee());
            ps.setString(3, d.trackId());
            ps.setString(4, d.format());
            ps.setLong(5, d.bytes());
            ps.setString(6, d.sha256());
            ps.setObject(7, timestamp(d.deliveredAt()));
            ps.setString(8, d.clientAddress());
            ps.setString(9, d.territoryClaimed());
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public List<DeliveryRecord> deliveriesOfLicence(String licenceId) {
    return queryDeliveries(
        "list the deliveries of licence " + licenceId,
        "WHERE licence_id = ? ORDER BY delivered_at, delivery_id",
        ps -> ps.setString(1, licenceId));
  }

  /** Deliveries from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
  @Override
  public List<DeliveryRecord> deliveriesBetween(Instant from, Instant to) {
    return queryDeliveries(
        "list the deliveries from " + from + " to " + to,
        "WHERE delivered_at >= ? AND delivered_at < ? ORDER BY delivered_at, delivery_id",
        ps -> {
          ps.setObject(1, timestamp(from));
          ps.setObject(2, timestamp(to));
        });
  }

  private List<DeliveryRecord> queryDeliveries(String what, String where, Binder binder) {
    return inTransaction(
        what,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + DELIVERY_COLUMNS + " FROM deliveries " + where)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
              List<DeliveryRecord> deliveries = new ArrayList<>();
              while (rs.next()) {
                deliveries.add(
                    new DeliveryRecord(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6),
                        instant(rs, 7),
                        rs.getString(8),
                        rs.getString(9)));
              }
              return deliveries;
            }
          }
        });
  }

  private static final String PROCESSING_COLUMNS =
      "track_id, outcome, reason_code, started_at, ended_at, jvm_cpu_millis, ffmpeg_cpu_millis,"
          + " quality_score, quality_tier, bpm, musical_key, duration_seconds, genre";

  @Override
  public void saveProcessingRecord(ProcessingRecord r) {
    inTransaction(
        "save the processing record of track " + r.trackId(),
        c -> {
          for (String table :
              List.of("processing_findings", "processing_stage_times", "processing_records")) {
            try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM " + table + " WHERE track_id = ?")) {
              ps.setString(1, r.trackId());
              ps.executeUpdate();
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO processing_records ("
                      + PROCESSING_COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.trackId());
            ps.setString(2, r.outcome().name());
            ps.setString(3, r.reasonCode());
            ps.setObject(4, timestamp(r.startedAt()));
            ps.setObject(5, timestamp(r.endedAt()));
            ps.setLong(6, r.jvmCpuMillis());
            ps.setLong(7, r.ffmpegCpuMillis());
            ps.setObject(8, r.qualityScore(), java.sql.Types.INTEGER);
            ps.setString(9, r.qualityTier());
            ps.setObject(10, r.bpm(), java.sql.Types.DOUBLE);
            ps.setString(11, r.musicalKey());
            ps.setObject(12, r.durationSeconds(), java.sql.Types.DOUBLE);
            ps.setString(13, r.genre());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO processing_stage_times (track_id, stage, position, millis)"
                      + " VALUES (?, ?, ?, ?)")) {
            int position = 0;
            for (Map.Entry<String, Long> stage : r.stageMillis().entrySet()) {
              ps.setString(1, r.trackId());
              ps.setString(2, stage.getKey());
              ps.setInt(3, position++);
              ps.setLong(4, stage.getValue());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO processing_findings (track_id, code, occurrences) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Integer> finding : r.findingsByCode().entrySet()) {
              ps.setString(1, r.trackId());
              ps.setString(2, finding.getKey());
              ps.setInt(3, finding.getValue());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  @Override
  public Optional<ProcessingRecord> findProcessingRecord(String trackId) {
    return inTransaction(
        "find the processing record of track " + trackId,
        c -> {
          Map<String, Long> stages = new LinkedHashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT stage, millis FROM processing_stage_times WHERE track_id = ?"
                      + " ORDER BY position")) {
            ps.setString(1, trackId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                stages.put(rs.getString(1), rs.getLong(2));
              }
            }
          }
          Map<String, Integer> findings = new LinkedHashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT code, occurrences FROM processing_findings WHERE track_id = ?"
                      + " ORDER BY code")) {
            ps.setString(1, trackId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                findings.put(rs.getString(1), rs.getInt(2));
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + PROCESSING_COLUMNS + " FROM processing_records WHERE track_id = ?")) {
            ps.setString(1, trackId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.<ProcessingRecord>empty();
              }
              return Optional.of(
                  new ProcessingRecord(
                      rs.getString(1),
                      ProcessingRecord.Outcome.valueOf(rs.getString(2)),
                      rs.getString(3),
                      instant(rs, 4),
                      instant(rs, 5),
                      stages,
                      rs.getLong(6),
                      rs.getLong(7),
                      (Integer) rs.getObject(8),
                      rs.getString(9),
                      findings,
                      (Double) rs.getObject(10),
                      rs.getString(11),
                      (Double) rs.getObject(12),
                      rs.getString(13)));
            }
          }
        });
  }

  @Override
  public void recordActivityCost(ActivityCostRecord cost) {
    inTransaction(
        "record the cost of " + cost.activityType() + " for track " + cost.trackId(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO activity_costs (track_id, activity_type, outcome, started_at,"
                      + " wall_millis, jvm_cpu_millis, ffmpeg_cpu_millis)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, cost.trackId());
            ps.setString(2, cost.activityType());
            ps.setString(3, cost.outcome());
            ps.setObject(4, timestamp(cost.startedAt()));
            ps.setLong(5, cost.wallMillis());
            ps.setLong(6, cost.jvmCpuMillis());
            ps.setLong(7, cost.ffmpegCpuMillis());
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public List<ActivityCostRecord> activityCostsOfTrack(String trackId) {
    return inTransaction(
        "list the activity costs of track " + trackId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT track_id, activity_type, outcome, started_at, wall_millis,"
                      + " jvm_cpu_millis, ffmpeg_cpu_millis FROM activity_costs"
                      + " WHERE track_id = ? ORDER BY started_at, cost_id")) {
            ps.setString(1, trackId);
            try (ResultSet rs = ps.executeQuery()) {
              List<ActivityCostRecord> costs = new ArrayList<>();
              while (rs.next()) {
                costs.add(
                    new ActivityCostRecord(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        instant(rs, 4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7)));
              }
              return costs;
            }
          }
        });
  }

  @Override
  public LedgerAnalytics analytics() {
    return new LedgerAnalytics(dataSource);
  }

  @Override
  public AuditEntry audit(AuditEvent event) {
    if (event.at() == null || blank(event.action()) || blank(event.actor())) {
      throw new IllegalArgumentException(
          "An audit event needs its time, action and actor; got " + event);
    }
    AuditEvent stored =
        new AuditEvent(
            AuditHash.storedPrecision(event.at()),
            event.action(),
            event.actor(),
            event.licenceId(),
            event.trackId(),
            event.detail());
    return inTransaction(
        "append " + event.action() + " to the audit log",
        c -> {
          long lastSequence;
          String lastSha256;
          // The lock that orders every writer: held until this transaction commits.
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT last_sequence, last_sha256 FROM audit_chain_head WHERE id = 1"
                          + " FOR UPDATE");
              ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              throw new LedgerException(
                  "The audit log's chain head (audit_chain_head, id 1) is missing: the database"
                      + " was changed outside the ledger; run `audiostems audit verify`.");
            }
            lastSequence = rs.getLong(1);
            lastSha256 = rs.getString(2);
          }
          long sequence = lastSequence + 1;
          String sha256 = AuditHash.of(sequence, stored, lastSha256);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO audit_log (sequence_no, occurred_at, action, actor, licence_id,"
                      + " track_id, detail, previous_sha256, sha256)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, sequence);
            ps.setObject(2, timestamp(stored.at()));
            ps.setString(3, stored.action());
            ps.setString(4, stored.actor());
            ps.setString(5, stored.licenceId());
            ps.setString(6, stored.trackId());
            ps.setString(7, stored.detail());
            ps.setString(8, lastSha256);
            ps.setString(9, sha256);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE audit_chain_head SET last_sequence = ?, last_sha256 = ? WHERE id = 1")) {
            ps.setLong(1, sequence);
            ps.setString(2, sha256);
            ps.executeUpdate();
          }
          return new AuditEntry(sequence, stored, lastSha256, sha256);
        });
  }

  @Override
  public List<AuditEntry> auditLog() {
    List<AuditEntry> entries = new ArrayList<>();
    AuditRows.read(dataSource, entries::add);
    return entries;
  }

  @Override
  public AuditVerification verifyAudit() {
    return AuditVerifier.verify(dataSource);
  }

  @Override
  public void close() {
    if (onClose == null) {
      return;
    }
    try {
      onClose.close();
    } catch (Exception e) {
      throw new LedgerException("Could not close the ledger's connections: " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
  private <T> T inTransaction(String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new LedgerException(
          "The ledger could not "
              + what
              + ": "
              + e.getMessage()
              + " (SQLSTATE "
              + e.getSQLState()
              + ")",
          e);
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  static OffsetDateTime timestamp(Instant at) {
    return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  /** Names (formats, territory codes) as one column; a name with a comma could not be split. */
  private static String joinNames(String what, List<String> names) {
    for (String name : names) {
      if (name.isEmpty() || name.contains(",")) {
        throw new IllegalArgumentException(
            "The licence's "
                + what
                + " must be non-empty names without commas, not '"
                + name
                + "'");
      }
    }
    return String.join(",", names);
  }

  private static List<String> splitNames(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }
}
