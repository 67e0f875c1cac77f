package com.audiostems.workflows.track;

import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.analytics.ProcessingRecordActivities;
import com.audiostems.workflows.analytics.TrackEndReport;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.LinkedHashMap;

/**
 * A failed journey's processing record (version {@value #RECORD_TRACK_END}): after compensation,
 * one activity writes how it ended into the ledger. A record that cannot be written does not change
 * the track's outcome: its failure stays in the history, and the analytics miss that one track.
 */
final class TrackEndRecord {
  static final String RECORD_TRACK_END = "record-track-end";

  private static final ActivityOptions OPTIONS =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setScheduleToCloseTimeout(Duration.ofMinutes(5))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setMaximumAttempts(3)
                  .build())
          .setSummary("record how the journey ended")
          .build();

  private TrackEndRecord() {}

  /** Records the end of {@code track}'s journey by {@code failure}; histories before it skip it. */
  static void record(TrackState track, TemporalFailure failure) {
    if (Workflow.getVersion(RECORD_TRACK_END, Workflow.DEFAULT_VERSION, 1) != 1) {
      return;
    }
    String outcome = FailureCauses.outcomeOf(failure);
    TrackEndReport report =
        new TrackEndReport(
            track.trackId,
            outcome.startsWith("rejected")
                ? "REJECTED"
                : outcome.toUpperCase(java.util.Locale.ROOT),
            "cancelled".equals(outcome) ? null : FailureCauses.reasonOf(failure),
            new LinkedHashMap<>(track.stageMillis));
    try {
      Workflow.newActivityStub(ProcessingRecordActivities.class, OPTIONS).recordTrackEnd(report);
    } catch (ActivityFailure e) {
      Workflow.getLogger(TrackEndRecord.class)
          .warn(
              "Track {}: its processing record was not written: {}", track.trackId, e.getMessage());
    }
  }
}
