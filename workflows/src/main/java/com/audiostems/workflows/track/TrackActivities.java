package com.audiostems.workflows.track;

import com.audiostems.workflows.storage.PublishManifestRequest;
import com.audiostems.workflows.storage.StorageActivities;
import com.audiostems.workflows.storage.TrackManifest;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;

/** Activity stubs of the track workflow. */
final class TrackActivities {
  private TrackActivities() {}

  /**
   * A stub whose calls carry a summary, so that operators read what each activity did in the UI.
   */
  static <T> T stub(Class<T> type, ActivityOptions options, String summary) {
    return Workflow.newActivityStub(
        type, ActivityOptions.newBuilder(options).setSummary(summary).build());
  }

  /** Writes the manifest: readers of the track move to this version with this one write. */
  static void publishManifest(TrackManifest manifest) {
    stub(
            StorageActivities.class,
            TrackActivityOptions.STORAGE,
            "publish manifest version " + manifest.version())
        .publishManifest(new PublishManifestRequest(manifest.trackId(), manifest));
  }
}
