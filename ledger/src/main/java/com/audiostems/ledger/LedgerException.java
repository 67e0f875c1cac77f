package com.audiostems.ledger;

/** The database refused or failed; the message says which operation and why. */
public class LedgerException extends RuntimeException {
  public LedgerException(String message, Throwable cause) {
    super(message, cause);
  }

  public LedgerException(String message) {
    super(message);
  }
}
