package com.audiostems.activities.analytics;

import com.audiostems.workflows.analytics.ProcessingRecordActivities;
import com.audiostems.workflows.analytics.TrackEndReport;
import java.time.Instant;

/** Writes a rejected, failed or cancelled journey's processing record through the recorder. */
public final class ProcessingRecordActivitiesImpl implements ProcessingRecordActivities {
  private final ProcessingRecorder recorder;

  public ProcessingRecordActivitiesImpl(ProcessingRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public void recordTrackEnd(TrackEndReport report) {
    recorder.recordEnd(report, Instant.now());
  }
}
