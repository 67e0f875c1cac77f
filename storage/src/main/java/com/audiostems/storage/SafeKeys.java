package com.audiostems.storage;

import java.util.regex.Pattern;

/** The one check every key passes before it names a file or an object. */
public final class SafeKeys {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");
  private static final int MAX_KEY_LENGTH = 512;

  private SafeKeys() {}

  /**
   * Returns the key if every segment is plain (no "..", no leading dot, no empty segment, no
   * absolute path, no backslash).
   *
   * @throws UnsafeKeyException otherwise
   */
  public static String requireSafe(String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw new UnsafeKeyException(key);
    }
    for (String segment : key.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) {
        throw new UnsafeKeyException(key);
      }
    }
    return key;
  }
}
