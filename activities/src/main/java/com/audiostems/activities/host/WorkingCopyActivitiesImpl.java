package com.audiostems.activities.host;

import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.host.FetchSourceRequest;
import com.audiostems.workflows.host.HostAffinity;
import com.audiostems.workflows.host.WorkingCopyActivities;
import com.audiostems.workflows.storage.BlobKeys;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;

/**
 * Claims this host for a track. With the local store every host reads the same files, so there is
 * nothing to download; the source must exist, and the answer routes the track's media activities
 * to this host's own queue.
 */
public class WorkingCopyActivitiesImpl implements WorkingCopyActivities {
  private final BlobStore store;
  private final HostAffinity host;

  /**
   * @param host this worker's name and the task queue only it polls
   */
  public WorkingCopyActivitiesImpl(BlobStore store, HostAffinity host) {
    this.store = store;
    this.host = host;
  }

  @Override
  public HostAffinity fetchSource(FetchSourceRequest request) {
    BlobKeys.requireTrackId(request.trackId());
    try {
      if (!store.exists(request.sourceKey())) {
        throw ApplicationFailure.newNonRetryableFailure(
            "The upload of track " + request.trackId() + " (" + request.sourceKey() + ") is not in the store: upload it again.",
            TrackFailures.SOURCE_MISSING);
      }
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
    return host;
  }
}
