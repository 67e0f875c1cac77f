package com.audiostems.activities.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.storage.LocalBlobStore;
import com.audiostems.storage.UnsafeKeyException;
import com.audiostems.workflows.TrackFailures;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage refuses a key with its own exception; an activity fails with the pipeline's typed
 * failure.
 */
class StorageFailuresTest {
  @TempDir Path temp;

  @Test
  void anUnsafeKeyIsANonRetryableUnsafeKeyFailureThatNamesTheKey() {
    assertThatThrownBy(() -> StorageFailures.requireSafe("uploads/../../etc/passwd"))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(TrackFailures.UNSAFE_KEY);
              assertThat(f.isNonRetryable()).isTrue();
              assertThat(f.getOriginalMessage())
                  .contains("'uploads/../../etc/passwd' is not allowed");
              assertThat(f.getCause()).isInstanceOf(UnsafeKeyException.class);
            });
  }

  @Test
  void aSafeKeyPassesUnchanged() {
    assertThat(StorageFailures.requireSafe("tracks/t1/v1/outputs/flac.flac"))
        .isEqualTo("tracks/t1/v1/outputs/flac.flac");
  }

  @Test
  void deletingAnUnsafeKeyFailsTheActivityWithoutARetry() throws Exception {
    LocalBlobStore store = new LocalBlobStore(temp.resolve("root"));
    store.storeBytes("tracks/t1/manifest.json", new byte[] {1});
    StorageActivitiesImpl storage = new StorageActivitiesImpl(store);

    assertThatThrownBy(
            () -> storage.deleteObjects(List.of("tracks/t1/manifest.json", "../outside")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(TrackFailures.UNSAFE_KEY);
              assertThat(f.isNonRetryable()).isTrue();
            });
    assertThat(store.exists("tracks/t1/manifest.json"))
        .as("the keys before the bad one are deleted, as before")
        .isFalse();
  }
}
