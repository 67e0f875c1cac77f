package com.audiostems.workflows.catalogue;

import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.TrackFailures;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * The options of the short query workflows a person waits on ({@code identify}, {@code trace}): a
 * few quick retries, then an answer, and the query's own files cleaned up whatever happened.
 */
public final class QueryActivityOptions {
  private static final RetryOptions RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setMaximumInterval(Duration.ofSeconds(10))
          .setMaximumAttempts(4)
          .setDoNotRetry(TrackFailures.NON_RETRYABLE.toArray(String[]::new))
          .build();

  /**
   * Reading the query's audio on any CPU host (fingerprinting, watermark detection): it downloads
   * the file and decodes it once, seconds of work.
   */
  public static final ActivityOptions READ_AUDIO =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(10))
          .setHeartbeatTimeout(Duration.ofSeconds(30))
          .setRetryOptions(RETRY)
          .build();

  /** A person is waiting for the answer: a missing catalogue worker fails the query in minutes. */
  public static final ActivityOptions LOOKUP =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.CATALOGUE)
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setScheduleToCloseTimeout(Duration.ofMinutes(3))
          .setRetryOptions(RETRY)
          .build();

  /** Deleting the query's files must eventually happen. */
  public static final ActivityOptions CLEANUP =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setScheduleToCloseTimeout(Duration.ofHours(1))
          .build();

  private QueryActivityOptions() {}
}
