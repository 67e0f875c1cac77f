package com.audiostems.activities.media;

import com.audiostems.activities.storage.StorageFailures;
import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.TrackFailures;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A local copy of a track's source, where a missing source is the caller's mistake, not a hiccup.
 */
public final class SourceCopies {
  private SourceCopies() {}

  /**
   * @throws ApplicationFailure non-retryable {@link TrackFailures#SOURCE_MISSING} when the key
   *     names nothing, {@link TrackFailures#UNSAFE_KEY} when it is not a safe key
   */
  public static BlobStore.LocalCopy open(BlobStore store, String sourceKey, Path workDir)
      throws IOException {
    StorageFailures.requireSafe(sourceKey);
    try {
      return store.localCopy(sourceKey, workDir);
    } catch (NoSuchFileException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The source " + sourceKey + " is not in the store; upload it again or check the key.",
          TrackFailures.SOURCE_MISSING);
    }
  }
}
