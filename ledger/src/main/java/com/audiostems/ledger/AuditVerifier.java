package com.audiostems.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Walks the audit log from its first row, recomputing each row's hash and checking that it names
 * the row before, then compares the end with the chain head. The first row that fails is named, in
 * a sentence that says what happened to it. A writer with full rights who rewrites every hash from
 * a row on is not caught here (the chain is unkeyed); keeping a copy of the head elsewhere would.
 */
final class AuditVerifier {

  private AuditVerifier() {}

  static AuditVerification verify(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      Walk walk = new Walk();
      AuditRows.readInSnapshot(c, walk::check);
      AuditVerification result = walk.problem != null ? walk.problem : walk.compareHead(c);
      c.commit();
      return result;
    } catch (SQLException e) {
      throw new LedgerException("The ledger could not read the audit log: " + e.getMessage(), e);
    }
  }

  /** The state of the walk: the row expected next and the first problem found. */
  private static final class Walk {
    long rows;
    long expectedSequence = 1;
    String expectedPrevious = AuditHash.GENESIS;
    AuditVerification problem;

    void check(AuditEntry row) {
      if (problem != null) {
        return;
      }
      rows++;
      long n = row.sequence();
      if (n != expectedSequence) {
        problem =
            broken(
                expectedSequence,
                n == expectedSequence + 1
                    ? "Audit row %d is missing: the log goes from row %d to row %d (it was deleted)."
                        .formatted(expectedSequence, expectedSequence - 1, n)
                    : "Audit rows %d to %d are missing: the log goes from row %d to row %d (they were deleted)."
                        .formatted(expectedSequence, n - 1, expectedSequence - 1, n));
        return;
      }
      if (!AuditHash.of(n, row.event(), row.previousSha256()).equals(row.sha256())) {
        problem =
            broken(
                n,
                "Audit row %d was changed after it was written: its fields (%s by %s at %s) no longer give its SHA-256."
                    .formatted(n, row.event().action(), row.event().actor(), row.event().at()));
        return;
      }
      if (!row.previousSha256().equals(expectedPrevious)) {
        problem =
            broken(
                n,
                (n == 1
                        ? "Audit row 1 does not start the chain: its previous_sha256 is not 64 zeros"
                        : "Audit row %d does not follow row %d: its previous_sha256 is not row %d's hash"
                            .formatted(n, n - 1, n - 1))
                    + ", so a row was inserted or replaced here.");
        return;
      }
      expectedSequence = n + 1;
      expectedPrevious = row.sha256();
    }

    /** The rows were sound; their end must be the head's, or rows went missing or were added. */
    AuditVerification compareHead(Connection c) throws SQLException {
      long last = expectedSequence - 1;
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT last_sequence, last_sha256 FROM audit_chain_head WHERE id = 1");
          ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return broken(
              last + 1,
              "The audit chain head (audit_chain_head, id 1) was deleted: the end of the log cannot"
                  + " be checked.");
        }
        long headSequence = rs.getLong(1);
        String headSha256 = rs.getString(2);
        if (headSequence > last) {
          return broken(
              last + 1,
              "Audit rows %d to %d are missing from the end of the log (they were deleted): the chain head says %d rows were written."
                  .formatted(last + 1, headSequence, headSequence));
        }
        if (headSequence < last) {
          return broken(
              headSequence + 1,
              "Audit row %d was added outside the ledger: the chain head ends at row %d."
                  .formatted(headSequence + 1, headSequence));
        }
        if (!headSha256.equals(expectedPrevious)) {
          return broken(
              last,
              "Audit row %d is not the row the ledger wrote last: its hash differs from the chain head's, so it was replaced."
                  .formatted(last));
        }
        return new AuditVerification(true, rows, 0, null);
      }
    }

    private AuditVerification broken(long sequence, String sentence) {
      return new AuditVerification(false, rows, sequence, sentence);
    }
  }
}
