package com.audiostems.ledger;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The analytics' cases on the embedded H2 file. */
class AnalyticsOnH2Test extends AnalyticsContract {
  @TempDir Path directory;

  @Override
  LedgerSettings freshDatabase() {
    return LedgerSettings.embedded(directory.resolve("ledger"));
  }
}
