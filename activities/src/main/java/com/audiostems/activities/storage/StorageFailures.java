package com.audiostems.activities.storage;

import com.audiostems.storage.SafeKeys;
import com.audiostems.storage.UnsafeKeyException;
import com.audiostems.workflows.TrackFailures;
import io.temporal.failure.ApplicationFailure;

/**
 * Storage's refusals as the pipeline's failure types. Storage knows no Temporal; the activities
 * check the keys a request brings with this before the work, so that a bad key fails the track
 * once, as a non-retryable {@link TrackFailures#UNSAFE_KEY} that the workflow and the gateway read.
 */
public final class StorageFailures {
  private StorageFailures() {}

  /**
   * {@link SafeKeys#requireSafe}, as an activity fails.
   *
   * @throws ApplicationFailure non-retryable {@link TrackFailures#UNSAFE_KEY} when the key is not
   *     safe
   */
  public static String requireSafe(String key) {
    try {
      return SafeKeys.requireSafe(key);
    } catch (UnsafeKeyException e) {
      // The refusal stays the cause; its message (which names the key) is the failure's.
      throw ApplicationFailure.newNonRetryableFailureWithCause(
          e.getMessage(), TrackFailures.UNSAFE_KEY, e);
    }
  }
}
