package com.audiostems.app.commands;

import com.audiostems.app.ledger.AppLedgers;
import com.audiostems.ledger.AuditVerification;
import com.audiostems.ledger.Ledger;
import com.audiostems.ledger.LedgerException;
import com.audiostems.ledger.LedgerSettings;
import com.audiostems.ledger.Ledgers;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code audiostems audit verify}: opens the ledger, verifies its audit chain, prints the verdict.
 */
@Component
public class AuditRunner {
  private final AppLedgers ledgers;

  public AuditRunner(AppLedgers ledgers) {
    this.ledgers = ledgers;
  }

  /**
   * Exit codes: 0 intact; 1 broken, or no ledger to read.
   *
   * @param outDir the local store whose embedded ledger to check; null for the configured one
   */
  public int verify(Path outDir, PrintStream out, PrintStream err) {
    LedgerSettings settings = ledgers.settings(outDir);
    Path file = settings.embeddedFile();
    String where = file == null ? settings.jdbcUrl() : file + ".mv.db";
    // Opening creates an empty database: a mistyped --out would then pass as "intact".
    if (file != null && !Files.isRegularFile(Path.of(file + ".mv.db"))) {
      err.println(
          "audiostems: there is no ledger at "
              + where
              + ": nothing has been recorded in that store (check --out, or audiostems.ledger.jdbc-url).");
      return ExitCodes.FAILED;
    }
    AuditVerification result;
    try (Ledger ledger = Ledgers.open(settings)) {
      result = ledger.verifyAudit();
    } catch (LedgerException e) {
      err.println("audiostems: " + e.getMessage());
      return ExitCodes.FAILED;
    }
    if (result.intact()) {
      out.printf(
          Locale.ROOT, "Audit log of %s: %d rows checked, intact.%n", where, result.rowsChecked());
      return ExitCodes.OK;
    }
    out.printf(
        Locale.ROOT,
        "Audit log of %s: BROKEN at row %d (%d rows checked).%n",
        where,
        result.firstBrokenSequence(),
        result.rowsChecked());
    err.println("audiostems: " + result.problem());
    return ExitCodes.FAILED;
  }
}
