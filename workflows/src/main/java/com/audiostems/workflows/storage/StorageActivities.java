package com.audiostems.workflows.storage;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** Blob-store operations the workflow performs itself: publishing and compensation. */
@ActivityInterface
public interface StorageActivities {

  /** Writes manifest.json atomically; the track is published once it exists. */
  @ActivityMethod
  StoredObject publishManifest(PublishManifestRequest request);

  /** Deletes the keys (missing ones are fine: compensation must be idempotent). */
  @ActivityMethod
  void deleteObjects(List<String> keys);
}
