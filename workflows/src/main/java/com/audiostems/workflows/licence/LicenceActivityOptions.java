package com.audiostems.workflows.licence;

import com.audiostems.workflows.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** Every timeout and retry of a licence's life, in one place. */
final class LicenceActivityOptions {
  private LicenceActivityOptions() {}

  /**
   * A licence's records and its withdrawal must eventually happen: an ended licence whose copies
   * stay in the delivery cache is a leak. A database or store that is down is waited for, with
   * backoff, for up to a day; bad input is never retried.
   */
  private static final RetryOptions UNTIL_DONE_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setMaximumInterval(Duration.ofMinutes(5))
          .setDoNotRetry(LicenceFailures.INVALID_TERMS, LicenceFailures.UNKNOWN_LICENCE)
          .build();

  /** One row in the licences table and one in the audit log: milliseconds. */
  static final ActivityOptions RECORD =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setScheduleToCloseTimeout(Duration.ofDays(1))
          .setRetryOptions(UNTIL_DONE_RETRY)
          .build();

  /**
   * Deleting a licence's copies (one per format, at most a handful) and asking the CDN to
   * invalidate them: seconds, even on S3 and CloudFront.
   */
  static final ActivityOptions WITHDRAW =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setScheduleToCloseTimeout(Duration.ofDays(1))
          .setRetryOptions(UNTIL_DONE_RETRY)
          .build();
}
