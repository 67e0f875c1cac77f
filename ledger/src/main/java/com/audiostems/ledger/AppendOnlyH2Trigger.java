package com.audiostems.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's half of {@link V2__Audit_log_is_append_only}: every UPDATE or DELETE of an audit row fails.
 */
public final class AppendOnlyH2Trigger implements Trigger {

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException(
        "audit_log is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused",
        "42501");
  }
}
