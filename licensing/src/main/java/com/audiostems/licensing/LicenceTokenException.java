package com.audiostems.licensing;

/** A token that does not open: the gateway answers 401 and audits it. */
public final class LicenceTokenException extends Exception {

  public enum Reason {
    /** Not a token at all: wrong shape or encoding. */
    MALFORMED,
    /** Sealed with a key id the ring does not hold (retired, or never ours). */
    UNKNOWN_KEY,
    /** The authentication tag does not match: changed, or sealed with another secret. */
    TAMPERED
  }

  private final Reason reason;

  public LicenceTokenException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
