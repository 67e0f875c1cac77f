package com.audiostems.activities.host;

import com.audiostems.storage.StorageUnavailableException;
import com.audiostems.workflows.TrackFailures;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import java.util.Optional;

/**
 * Gives the host's own troubles a type, whichever activity meets them: a store that does not answer
 * becomes a retryable {@link TrackFailures#STORAGE_UNAVAILABLE}, a full working directory a
 * retryable {@link TrackFailures#WORK_DIRECTORY_FULL}, each with a sentence saying what happened
 * and what a person can do. Without it they reach the workflow as the Java class of whatever
 * exception surfaced ({@code IOException}, {@code UncheckedIOException}), which tells an operator
 * nothing. Failures that already have a type pass unchanged; anything else passes unchanged too.
 */
public final class InfrastructureFailures extends WorkerInterceptorBase {
  /** What Linux's ENOSPC reads as, in Java's exceptions and in ffmpeg's stderr alike. */
  private static final String NO_SPACE = "No space left on device";

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      @Override
      public ActivityOutput execute(ActivityInput input) {
        try {
          return super.execute(input);
        } catch (RuntimeException e) {
          throw typed(e).orElse(e);
        }
      }
    };
  }

  /** The typed failure for {@code error}, when it is one of the host's troubles. */
  static Optional<RuntimeException> typed(Throwable error) {
    if (error instanceof TemporalFailure) {
      return Optional.empty(); // typed already (or a cancellation)
    }
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && cause.getMessage().contains(NO_SPACE)) {
        return Optional.of(
            ApplicationFailure.newFailureWithCause(
                "This worker's working directory is full ("
                    + cause.getMessage()
                    + "). The attempt's files were removed and it is retried; if it keeps failing,"
                    + " give the worker more disk or point audiostems.work-dir at a larger one.",
                TrackFailures.WORK_DIRECTORY_FULL,
                error));
      }
      if (cause instanceof StorageUnavailableException) {
        return Optional.of(
            ApplicationFailure.newFailureWithCause(
                cause.getMessage()
                    + ". The store did not answer or asked to slow down; the activity is retried."
                    + " If tracks fail with this, check that the store is up and reachable from"
                    + " the workers, then start them again.",
                TrackFailures.STORAGE_UNAVAILABLE,
                error));
      }
    }
    return Optional.empty();
  }
}
