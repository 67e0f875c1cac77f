package com.audiostems.workflows.analytics;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Records how a track's journey ended in the ledger's processing records, for the analytics. A
 * published journey is recorded by its publish activity; this is the other end: rejected, failed or
 * cancelled, called by the track workflow after its compensation.
 */
@ActivityInterface
public interface ProcessingRecordActivities {
  @ActivityMethod(name = "RecordTrackEnd")
  void recordTrackEnd(TrackEndReport report);
}
