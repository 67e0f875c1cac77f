package com.audiostems.ledger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the ledger: a connection pool, the schema migrated to the newest version. */
public final class Ledgers {
  private static final Logger log = LoggerFactory.getLogger(Ledgers.class);

  /** Enough for the gateway's requests and a worker's activities; PostgreSQL's default is 100. */
  private static final int MAX_CONNECTIONS = 8;

  private Ledgers() {}

  /**
   * Connects, runs the migrations that are not yet applied, and returns the ledger; closing it
   * closes the pool.
   *
   * @throws LedgerException naming the URL (never the password) when the database cannot be reached
   *     or migrated
   */
  public static JdbcLedger open(LedgerSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("audiostems-ledger");
    config.setJdbcUrl(settings.jdbcUrl());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(MAX_CONNECTIONS);
    config.setMinimumIdle(1);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      if (settings.embeddedFile() != null && heldElsewhere(e)) {
        throw new LedgerException(
            "The ledger file "
                + settings.embeddedFile()
                + ".mv.db is open in another process (a running serve?): stop it first, or"
                + " keep the ledger in PostgreSQL (audiostems.ledger.jdbc-url) so that several"
                + " processes can write at once.",
            e);
      }
      throw new LedgerException(
          "Cannot connect to the ledger at "
              + settings.jdbcUrl()
              + " as "
              + settings.user()
              + ": "
              + rootMessage(e),
          e);
    }
    try {
      migrate(pool);
      return new JdbcLedger(pool, pool);
    } catch (RuntimeException e) {
      pool.close();
      throw new LedgerException(
          "Cannot bring the ledger at " + settings.jdbcUrl() + " up to date: " + rootMessage(e), e);
    }
  }

  private static void migrate(HikariDataSource pool) {
    MigrateResult result =
        Flyway.configure(Ledgers.class.getClassLoader())
            .dataSource(pool)
            .locations("classpath:db/migration")
            .javaMigrations(new V2__Audit_log_is_append_only())
            .failOnMissingLocations(true)
            .load()
            .migrate();
    if (result.migrationsExecuted > 0) {
      log.info(
          "Ledger schema migrated to version {} ({} migrations).",
          result.targetSchemaVersion,
          result.migrationsExecuted);
    }
  }

  /** H2's "Database may be already in use" (error 90020): another process has the file. */
  private static boolean heldElsewhere(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql && sql.getErrorCode() == 90020) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
