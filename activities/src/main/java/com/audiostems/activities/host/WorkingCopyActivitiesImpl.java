package com.audiostems.activities.host;

import com.audiostems.activities.storage.StorageFailures;
import com.audiostems.storage.WorkingCopyStore;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.host.FetchSourceRequest;
import com.audiostems.workflows.host.HostAffinity;
import com.audiostems.workflows.host.WorkingCopyActivities;
import com.audiostems.workflows.storage.BlobKeys;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.NoSuchFileException;

/**
 * Claims this host for a track: downloads the source into this host's working copies (see {@link
 * WorkingCopyStore}), where the track's media activities, routed to this host's own queue by the
 * answer, then read it. With the local store every host reads the store's own files, so the fetch
 * only checks that the source exists.
 */
public class WorkingCopyActivitiesImpl implements WorkingCopyActivities {
  private final WorkingCopyStore copies;
  private final HostAffinity host;

  /**
   * @param copies this host's working copies: the same object the host's media activities read
   *     through
   * @param host this worker's name and the task queue only it polls
   */
  public WorkingCopyActivitiesImpl(WorkingCopyStore copies, HostAffinity host) {
    this.copies = copies;
    this.host = host;
  }

  @Override
  public HostAffinity fetchSource(FetchSourceRequest request) {
    BlobKeys.requireTrackId(request.trackId());
    StorageFailures.requireSafe(request.sourceKey());
    try {
      // Heartbeats carry the bytes so far: a large download lives longer than the heartbeat
      // timeout.
      copies.fetch(request.sourceKey(), bytes -> Activity.getExecutionContext().heartbeat(bytes));
    } catch (NoSuchFileException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The upload of track "
              + request.trackId()
              + " ("
              + request.sourceKey()
              + ") is not in the store: upload it again.",
          TrackFailures.SOURCE_MISSING);
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
    return host;
  }
}
