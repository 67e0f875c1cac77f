package com.audiostems.activities.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.storage.StorageUnavailableException;
import com.audiostems.workflows.TrackFailures;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

class InfrastructureFailuresTest {
  @Test
  void aFullDiskIsARetryableWorkDirectoryFullWhereverItSurfaces() {
    // Java's own ENOSPC, wrapped the way activities wrap checked exceptions.
    var javaWrite =
        InfrastructureFailures.typed(
            Activity.wrap(
                new FileSystemException("/work/x.flac", null, "No space left on device")));
    // ffmpeg's: its stderr tail inside the encoder's IOException.
    String stderrTail =
        "x".repeat(8_000) + "\n[out#0/flac] Error writing trailer: No space left on device\n";
    var ffmpeg =
        InfrastructureFailures.typed(
            new UncheckedIOException(new IOException("ffmpeg exited with 1: " + stderrTail)));
    for (var typed : java.util.List.of(javaWrite, ffmpeg)) {
      assertThat(typed)
          .get()
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              f -> {
                assertThat(f.getType()).isEqualTo(TrackFailures.WORK_DIRECTORY_FULL);
                assertThat(f.isNonRetryable()).isFalse();
                assertThat(f.getOriginalMessage()).contains("audiostems.work-dir");
                // Small enough for the server to keep as an attempt's last failure, type and all.
                assertThat(f.getOriginalMessage()).hasSizeLessThan(1_000);
                assertThat(f.getCause()).isNull();
              });
    }
  }

  @Test
  void anUnreachableStoreIsARetryableStorageUnavailable() {
    var typed =
        InfrastructureFailures.typed(
            Activity.wrap(
                new StorageUnavailableException(
                    "S3 GetObject of s3://b/k failed before S3 answered",
                    new ConnectException("Connection refused"))));
    assertThat(typed)
        .get()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(TrackFailures.STORAGE_UNAVAILABLE);
              assertThat(f.isNonRetryable()).isFalse();
              assertThat(f.getOriginalMessage()).startsWith("S3 GetObject of s3://b/k");
            });
  }

  @Test
  void typedFailuresAndOtherErrorsPassUnchanged() {
    assertThat(
            InfrastructureFailures.typed(
                ApplicationFailure.newNonRetryableFailure(
                    "No space left on device, says the file", TrackFailures.CORRUPT_AUDIO)))
        .isEmpty();
    assertThat(InfrastructureFailures.typed(Activity.wrap(new IOException("Permission denied"))))
        .isEmpty();
  }
}
