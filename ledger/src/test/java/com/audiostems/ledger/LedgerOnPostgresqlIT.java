package com.audiostems.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ledger's cases on a real PostgreSQL server that this test starts ({@link PostgresServer}).
 */
class LedgerOnPostgresqlIT extends LedgerContract {
  static PostgresServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Override
  LedgerSettings freshDatabase() throws SQLException {
    return server.newDatabase();
  }

  /** A superuser's way round triggers; an owner could also ALTER TABLE ... DISABLE TRIGGER. */
  @Override
  void bypassingAppendOnly(Statement sql, String... statements) throws SQLException {
    sql.execute("SET session_replication_role = replica");
    for (String statement : statements) {
      sql.execute(statement);
    }
  }

  @Test
  void theDatabaseRefusesToTruncateTheAuditLog() throws SQLException {
    appendEvents(2);
    try (Connection c = connect();
        Statement sql = c.createStatement()) {
      assertThatThrownBy(() -> sql.execute("TRUNCATE audit_log"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
    }
    assertThat(ledger.verifyAudit().rowsChecked()).isEqualTo(2);
  }

  @Test
  void itRunsOnPostgresql() throws SQLException {
    try (Connection c = connect()) {
      assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
  }
}
