package com.audiostems.activities.watermark;

import com.audiostems.activities.media.ActivityProgress;
import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.activities.media.WorkDirectory;
import com.audiostems.activities.storage.StorageFailures;
import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.watermark.DetectWatermarkRequest;
import com.audiostems.workflows.watermark.WatermarkActivities;
import com.audiostems.workflows.watermark.WatermarkDetection;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.function.DoubleConsumer;

public class WatermarkActivitiesImpl implements WatermarkActivities {
  private final MediaProcessRunner runner;
  private final BlobStore store;
  private final WatermarkReader reader;

  public WatermarkActivitiesImpl(
      MediaProcessRunner runner, BlobStore store, WatermarkKeyring keys) {
    this.runner = runner;
    this.store = store;
    this.reader = new WatermarkReader(runner, keys, new WatermarkRegistry(store));
  }

  @Override
  public WatermarkDetection detectWatermark(DetectWatermarkRequest request) {
    return detect(request, ActivityProgress.heartbeats());
  }

  /** The activity's work, with its progress going to {@code progress} (heartbeats in a worker). */
  WatermarkDetection detect(DetectWatermarkRequest request, DoubleConsumer progress) {
    String key = request == null ? null : request.key();
    if (key == null || key.isBlank()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Name the stored file to look for a watermark in (its storage key).",
          TrackFailures.INVALID_REQUEST);
    }
    StorageFailures.requireSafe(key);
    try (WorkDirectory work = WorkDirectory.create(runner.settings().workDir(), "watermark-");
        BlobStore.LocalCopy file = store.localCopy(key, work.path())) {
      return reader.read(file.path(), progress);
    } catch (NoSuchFileException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "There is no stored file " + key + " to look for a watermark in; upload it first.",
          TrackFailures.SOURCE_MISSING);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Looking for a watermark in " + key + " failed: " + e.getMessage(), e);
    }
  }
}
