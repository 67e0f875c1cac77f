package com.audiostems.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Reads the audit log in sequence order, a page at a time (a long log never sits in memory). */
final class AuditRows {
  private static final int FETCH_ROWS = 1_000;

  private AuditRows() {}

  /** Every row, in order, in one read-only snapshot. */
  static void read(DataSource dataSource, Consumer<AuditEntry> each) {
    try (Connection c = dataSource.getConnection()) {
      readInSnapshot(c, each);
    } catch (SQLException e) {
      throw new LedgerException("The ledger could not read the audit log: " + e.getMessage(), e);
    }
  }

  /**
   * Opens a repeatable-read, read-only transaction on {@code c} (PostgreSQL then streams with a
   * cursor) and reads every row; the caller may read more in the same snapshot before committing.
   */
  static void readInSnapshot(Connection c, Consumer<AuditEntry> each) throws SQLException {
    c.setAutoCommit(false);
    c.setReadOnly(true);
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT sequence_no, occurred_at, action, actor, licence_id, track_id, detail,"
                + " previous_sha256, sha256 FROM audit_log ORDER BY sequence_no")) {
      ps.setFetchSize(FETCH_ROWS);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          each.accept(
              new AuditEntry(
                  rs.getLong(1),
                  new AuditEvent(
                      JdbcLedger.instant(rs, 2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7)),
                  rs.getString(8),
                  rs.getString(9)));
        }
      }
    }
  }
}
