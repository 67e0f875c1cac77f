package com.audiostems.workflows.host;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * File affinity: a track's source is fetched once per host, and the track's media activities then
 * run on that host through its own task queue. Taken from the shared {@code audio-cpu} queue, so
 * any live host may answer; when that host dies, the workflow asks again and moves.
 */
@ActivityInterface
public interface WorkingCopyActivities {

  /** Fetches the source into this host's working copies and names the host's own queue. */
  @ActivityMethod
  HostAffinity fetchSource(FetchSourceRequest request);
}
