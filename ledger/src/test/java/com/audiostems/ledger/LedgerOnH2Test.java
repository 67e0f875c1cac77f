package com.audiostems.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger's cases on the embedded default: an H2 file in a directory. */
class LedgerOnH2Test extends LedgerContract {
  @TempDir Path directory;

  @Override
  LedgerSettings freshDatabase() {
    return LedgerSettings.embedded(directory.resolve("ledger"));
  }

  /** An H2 trigger cannot be disabled, only dropped: as a database owner would. */
  @Override
  void bypassingAppendOnly(Statement sql, String... statements) throws SQLException {
    sql.execute("DROP TRIGGER audit_log_append_only");
    for (String statement : statements) {
      sql.execute(statement);
    }
  }

  @Test
  void theEmbeddedDatabaseIsOneFileUnderItsDirectory() {
    assertThat(directory.resolve("ledger/ledger.mv.db")).isRegularFile();
    assertThat(settings.password()).isEmpty();
    assertThat(settings.toString()).doesNotContain("***");
    assertThat(settings.embeddedFile()).isEqualTo(directory.resolve("ledger/ledger"));
  }

  @Test
  void aFileHeldByAnotherProcessIsNamedWithWhatToDo() throws Exception {
    Path shared = directory.resolve("shared");
    Process holder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                HoldTheLedger.class.getName(),
                shared.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (var lines =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                holder.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
      assertThat(lines.readLine()).isEqualTo("open");

      assertThatThrownBy(() -> Ledgers.open(LedgerSettings.embedded(shared)))
          .isInstanceOf(LedgerException.class)
          .hasMessageContaining(shared.resolve("ledger.mv.db").toString())
          .hasMessageContaining("open in another process");
    } finally {
      holder.destroy();
      holder.waitFor();
    }
  }

  @Test
  void thePasswordNeverAppearsInTheSettingsText() {
    LedgerSettings production =
        new LedgerSettings("jdbc:postgresql://db:5432/audiostems", "ledger", "s3cret");

    assertThat(production.toString()).doesNotContain("s3cret").contains("***");
  }

  @Test
  void aDirectoryThatAJdbcUrlCannotCarryIsRefused() {
    assertThatThrownBy(() -> LedgerSettings.embedded(Path.of("/tmp/a;b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("';'");
    assertThat(Files.exists(Path.of("/tmp/a;b"))).isFalse();
  }
}
