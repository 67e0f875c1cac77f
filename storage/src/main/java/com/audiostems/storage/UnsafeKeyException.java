package com.audiostems.storage;

/**
 * A key that could name something outside the store (a {@code ..}, an absolute path, a hidden or
 * empty segment) or that no store takes. The caller's mistake: retrying cannot fix it.
 */
public final class UnsafeKeyException extends IllegalArgumentException {
  private final String key;

  public UnsafeKeyException(String key) {
    super(
        "Storage key '"
            + key
            + "' is not allowed: keys are '/'-separated names of letters, digits, '.', '_' and '-'.");
    this.key = key;
  }

  /** The key as the caller gave it; may be null. */
  public String key() {
    return key;
  }
}
