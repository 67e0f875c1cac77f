package com.audiostems.ledger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The analytics' cases on a real PostgreSQL server ({@link PostgresServer}). */
class AnalyticsOnPostgresqlIT extends AnalyticsContract {
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
  LedgerSettings freshDatabase() throws Exception {
    return server.newDatabase();
  }
}
