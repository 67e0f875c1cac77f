package com.audiostems.ledger;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the ledger lives.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:5432/audiostems} in production, or the embedded H2
 *     file ({@link #embedded})
 * @param user the database user
 * @param password its password; empty for the embedded file. Never printed ({@link #toString})
 */
public record LedgerSettings(String jdbcUrl, String user, String password) {

  /** The embedded file's user: H2 creates the database with it and then requires it. */
  static final String EMBEDDED_USER = "audiostems";

  public LedgerSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "The ledger's JDBC URL must start with jdbc: (e.g. jdbc:postgresql://host:5432/audiostems),"
              + " not "
              + jdbcUrl);
    }
    user = user == null ? "" : user;
    password = password == null ? "" : password;
  }

  /**
   * The embedded default: an H2 file database {@code ledger.mv.db} in {@code directory}, in
   * PostgreSQL mode so that the same migrations run. One process opens it at a time (H2's file
   * lock; not AUTO_SERVER, which would open a TCP port on every interface); the lock timeout lets
   * that process's concurrent appenders queue on the chain head instead of failing after H2's
   * default second. Several processes at once: PostgreSQL.
   */
  public static LedgerSettings embedded(Path directory) {
    String path = directory.toAbsolutePath().normalize().resolve("ledger").toString();
    if (path.contains(";")) {
      throw new IllegalArgumentException(
          "The ledger's directory " + directory + " contains ';', which a JDBC URL cannot carry.");
    }
    return new LedgerSettings(
        "jdbc:h2:file:"
            + path
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";LOCK_TIMEOUT=10000",
        EMBEDDED_USER,
        "");
  }

  /** The embedded file's path without its {@code .mv.db}; null for a database server. */
  public java.nio.file.Path embeddedFile() {
    if (!jdbcUrl.startsWith("jdbc:h2:file:")) {
      return null;
    }
    int options = jdbcUrl.indexOf(';');
    return java.nio.file.Path.of(
        jdbcUrl.substring("jdbc:h2:file:".length(), options < 0 ? jdbcUrl.length() : options));
  }

  @Override
  public String toString() {
    return "LedgerSettings[jdbcUrl="
        + jdbcUrl
        + ", user="
        + user
        + ", password="
        + (password.isEmpty() ? "(none)" : "***")
        + "]";
  }
}
