package com.audiostems.storage;

import com.audiostems.workflows.TrackFailures;
import io.temporal.failure.ApplicationFailure;
import java.util.regex.Pattern;

/** The one check every key passes before it names a file or an object. */
public final class SafeKeys {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");
  private static final int MAX_KEY_LENGTH = 512;

  private SafeKeys() {}

  /**
   * Returns the key if every segment is plain (no "..", no leading dot, no empty segment, no
   * absolute path, no backslash); otherwise throws a non-retryable UnsafeKey failure.
   */
  public static String requireSafe(String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw unsafe(key);
    }
    for (String segment : key.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) {
        throw unsafe(key);
      }
    }
    return key;
  }

  private static ApplicationFailure unsafe(String key) {
    return ApplicationFailure.newNonRetryableFailure(
        "Storage key '" + key + "' is not allowed: keys are '/'-separated names of letters, digits, '.', '_' and '-'.",
        TrackFailures.UNSAFE_KEY);
  }
}
