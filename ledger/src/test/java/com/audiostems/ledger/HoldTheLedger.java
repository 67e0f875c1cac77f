package com.audiostems.ledger;

import java.nio.file.Path;

/**
 * A second process for {@link LedgerOnH2Test}: opens the embedded ledger and holds it until stdin
 * ends.
 */
public final class HoldTheLedger {
  public static void main(String[] args) throws Exception {
    try (Ledger ledger = Ledgers.open(LedgerSettings.embedded(Path.of(args[0])))) {
      System.out.println("open");
      System.out.flush();
      while (System.in.read() >= 0) {
        // held until the test closes our stdin or ends us
      }
    }
  }
}
