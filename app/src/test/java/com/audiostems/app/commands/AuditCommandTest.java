package com.audiostems.app.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.app.AudiostemsApplication;
import com.audiostems.ledger.AuditEvent;
import com.audiostems.ledger.Ledger;
import com.audiostems.ledger.LedgerSettings;
import com.audiostems.ledger.Ledgers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audiostems audit verify} on the embedded ledger that a store's commands write ({@code
 * --out DIR}): intact, then tampered with, then a store without a ledger.
 */
class AuditCommandTest {
  @TempDir Path temp;
  Path out;
  LedgerSettings settings;

  private record Run(int exitCode, String out, String err) {}

  private Run run(String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    String[] all =
        Stream.concat(
                Stream.of(args),
                Stream.of(
                    "--audiostems.work-dir=" + temp.resolve("work"),
                    "--audiostems.storage.root=" + temp.resolve("configured-store"),
                    "--audiostems.temporal.data-dir=" + temp.resolve("data")))
            .toArray(String[]::new);
    int code =
        AudiostemsApplication.run(
            all,
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(stderr, true, StandardCharsets.UTF_8));
    return new Run(
        code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
  }

  @BeforeEach
  void aStoreWithFourAuditRows() {
    out = temp.resolve("store");
    settings = LedgerSettings.embedded(out.resolve(".ledger"));
    try (Ledger ledger = Ledgers.open(settings)) {
      for (int i = 1; i <= 4; i++) {
        ledger.audit(
            new AuditEvent(
                Instant.parse("2025-03-01T10:00:00Z").plusSeconds(i),
                i == 1 ? "grant" : "deliver",
                "cli",
                "lic-1",
                "track-1",
                "row " + i));
      }
    }
  }

  @Test
  void anUntouchedLogIsIntact() {
    Run run = run("audit", "verify", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("4 rows checked, intact.").contains(out.toString());
  }

  @Test
  void aTamperedRowIsNamedAndFailsTheCommand() throws Exception {
    try (Connection c =
            DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        Statement sql = c.createStatement()) {
      sql.execute("DROP TRIGGER audit_log_append_only"); // what an owner of the file can do
      sql.execute("UPDATE audit_log SET actor = 'someone else' WHERE sequence_no = 2");
    }

    Run run = run("audit", "verify", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.out()).contains("BROKEN at row 2");
    assertThat(run.err()).contains("Audit row 2 was changed after it was written");
  }

  @Test
  void theDatabaseOfJdbcUrlIsChecked() {
    Run run =
        run(
            "audit",
            "verify",
            "--jdbc-url",
            settings.jdbcUrl(),
            "--audiostems.ledger.user=" + settings.user());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("4 rows checked, intact.");
  }

  @Test
  void aStoreWithoutALedgerIsNotReportedIntact() {
    Path empty = temp.resolve("no-store");

    Run run = run("audit", "verify", "--out", empty.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.err()).contains("there is no ledger at " + empty.resolve(".ledger"));
    assertThat(empty).doesNotExist();
  }

  @Test
  void theLedgerBeanIsTheConfiguredStoresFileAndOpensOnlyWhenAskedFor() {
    Path root = temp.resolve("bean-store");
    try (var context =
        AudiostemsApplication.start(
            new String[] {
              "--audiostems.storage.root=" + root,
              "--audiostems.temporal.data-dir=" + temp.resolve("data")
            },
            java.util.Map.of())) {
      assertThat(root.resolve(".ledger")).doesNotExist();

      Ledger ledger = context.getBean(Ledger.class);
      ledger.audit(new AuditEvent(Instant.now(), "grant", "cli", "lic-9", "track-9", null));

      assertThat(root.resolve(".ledger/ledger.mv.db")).isRegularFile();
      assertThat(ledger.verifyAudit().rowsChecked()).isEqualTo(1);
    }
  }

  @Test
  void theTopHelpListsAuditAndItsVerifyHasItsOwn() {
    assertThat(run("--help").out()).contains("audit");
    assertThat(run("audit", "verify", "--help").out())
        .contains("usage: audiostems audit verify")
        .contains("--out=DIR")
        .contains("--jdbc-url=URL");
  }

  @Test
  void aJdbcUrlThatIsNotOneIsABadArgument() {
    Run run = run("audit", "verify", "--jdbc-url", "postgres://db/audiostems");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--jdbc-url must be a JDBC URL");
  }
}
