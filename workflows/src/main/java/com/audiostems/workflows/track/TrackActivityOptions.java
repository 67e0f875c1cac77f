package com.audiostems.workflows.track;

import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.TrackFailures;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** Every timeout and retry of a track's journey, in one place: one constant per stage. */
final class TrackActivityOptions {
  private TrackActivityOptions() {}

  /**
   * Transient trouble (a busy disk, a killed worker, a store that is down) is retried with backoff;
   * bad input never is. Eight attempts wait 1+2+4+8+16+30+30 s = 91 s in all between them: a
   * minute-long outage of the store outlasted with room (S3FaultsIT), where four attempts (7 s)
   * failed 7 of 8 tracks in flight.
   */
  private static final RetryOptions MEDIA_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2.0)
          .setMaximumInterval(Duration.ofSeconds(30))
          .setMaximumAttempts(8)
          .setDoNotRetry(TrackFailures.NON_RETRYABLE.toArray(String[]::new))
          .build();

  /**
   * What must eventually happen (publishing, compensation, the index) retries for up to an hour.
   */
  private static final RetryOptions UNTIL_DONE_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setMaximumInterval(Duration.ofMinutes(1))
          .setDoNotRetry(TrackFailures.NON_RETRYABLE.toArray(String[]::new))
          .build();

  /** ffprobe reads headers only: seconds, even for large files. */
  static final ActivityOptions PROBE =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setScheduleToCloseTimeout(Duration.ofMinutes(15))
          .setRetryOptions(MEDIA_RETRY)
          .build();

  /** Validation decodes every sample (far faster than real time); heartbeats prove it is alive. */
  static final ActivityOptions VALIDATE = heartbeating(Duration.ofMinutes(30)).build();

  static final ActivityOptions METADATA =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(MEDIA_RETRY)
          .build();

  /**
   * Encoding a long master takes minutes; a lost worker is noticed within the heartbeat timeout.
   * Cancellation waits for the lane to stop its ffmpeg and clean up before compensation runs.
   */
  static final ActivityOptions ENCODE =
      heartbeating(Duration.ofMinutes(60))
          .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
          .build();

  static final ActivityOptions VERIFY = heartbeating(Duration.ofMinutes(30)).build();

  /**
   * Analysis decodes the source once and runs every analyser over it, far faster than real time, on
   * the GPU pool beside encoding. It heartbeats; a cancellation waits until it has stopped, so that
   * compensation finds whatever it stored.
   */
  static final ActivityOptions ANALYZE =
      heartbeating(Duration.ofMinutes(30))
          .setTaskQueue(TaskQueues.AUDIO_GPU)
          .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
          .build();

  /** Fingerprinting decodes the source once at 8 kHz mono: seconds for a song, heartbeating. */
  static final ActivityOptions FINGERPRINT = heartbeating(Duration.ofMinutes(15)).build();

  /**
   * The catalogue's index: a lookup or an update takes milliseconds. Its one worker may be
   * restarting, so calls wait for it (retried for up to an hour) rather than fail the track.
   */
  static final ActivityOptions CATALOGUE =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.CATALOGUE)
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setScheduleToCloseTimeout(Duration.ofHours(1))
          .setRetryOptions(UNTIL_DONE_RETRY)
          .build();

  /** Rewriting a lane's tags: a download and an upload of its outputs at worst. */
  static final ActivityOptions TAG =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(10))
          .setRetryOptions(MEDIA_RETRY)
          .build();

  /** Fetching the source to a host: a download at worst. */
  static final ActivityOptions FETCH =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(30))
          .setHeartbeatTimeout(Duration.ofMinutes(1))
          .setRetryOptions(MEDIA_RETRY)
          .build();

  /** Publishing and compensation must eventually happen: retried for up to an hour. */
  static final ActivityOptions STORAGE =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setScheduleToCloseTimeout(Duration.ofHours(1))
          .setRetryOptions(UNTIL_DONE_RETRY)
          .build();

  /**
   * How long an activity may wait for the track's host to take it before the host is asked whether
   * it is alive: a wait this long means a dead host, or a busy one whose slots are all taken.
   */
  static final Duration HOST_SCHEDULE_TO_START = Duration.ofSeconds(30);

  /** The longest a re-offered call waits for a host that answered its pings (see TrackHost). */
  static final Duration HOST_SCHEDULE_TO_START_MAX = Duration.ofMinutes(5);

  /**
   * A live host answers a ping on its liveness queue (whose slots its work never fills) within
   * this; silence means the host is gone and the track moves.
   */
  static final ActivityOptions PING =
      ActivityOptions.newBuilder()
          .setScheduleToStartTimeout(Duration.ofSeconds(10))
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
          .build();

  /** A busy host keeps its track for up to this long before it moves. */
  static final Duration MAX_BUSY_HOST_WAIT = Duration.ofHours(1);

  /** How often a track may move host before the failure is left to stand. */
  static final int MAX_HOST_MOVES = 5;

  /**
   * A CPU-pool stage that decodes or encodes for a while: a lost worker shows in 30 s of silence.
   */
  private static ActivityOptions.Builder heartbeating(Duration startToClose) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.AUDIO_CPU)
        .setStartToCloseTimeout(startToClose)
        .setHeartbeatTimeout(Duration.ofSeconds(30))
        .setRetryOptions(MEDIA_RETRY);
  }
}
