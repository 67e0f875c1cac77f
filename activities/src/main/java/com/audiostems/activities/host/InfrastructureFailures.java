package com.audiostems.activities.host;

import com.audiostems.storage.StorageUnavailableException;
import com.audiostems.workflows.TrackFailures;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the host's own troubles a type, whichever activity meets them: a store that does not answer
 * becomes a retryable {@link TrackFailures#STORAGE_UNAVAILABLE}, a full working directory a
 * retryable {@link TrackFailures#WORK_DIRECTORY_FULL}, each with a sentence saying what happened
 * and what a person can do. Without it they reach the workflow as the Java class of whatever
 * exception surfaced ({@code IOException}, {@code UncheckedIOException}), which tells an operator
 * nothing. Failures that already have a type pass unchanged; anything else passes unchanged too.
 *
 * <p>The typed failure carries a short message and no cause: the server keeps an attempt's failure
 * only up to a size, and a cause holding ffmpeg's stderr went over it (FullWorkDirIT saw "Failure
 * exceeds size limit." in place of the type). The whole error goes to this worker's log.
 */
public final class InfrastructureFailures extends WorkerInterceptorBase {
  private static final Logger log = LoggerFactory.getLogger(InfrastructureFailures.class);

  /** What Linux's ENOSPC reads as, in Java's exceptions and in ffmpeg's stderr alike. */
  private static final String NO_SPACE = "No space left on device";

  /** Enough for the operation and the object or file it was about. */
  private static final int DETAIL_CHARS = 400;

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      @Override
      public ActivityOutput execute(ActivityInput input) {
        try {
          return super.execute(input);
        } catch (RuntimeException e) {
          Optional<ApplicationFailure> typed = typed(e);
          if (typed.isEmpty()) {
            throw e;
          }
          log.warn("{} ({}), from:", typed.get().getOriginalMessage(), typed.get().getType(), e);
          throw typed.get();
        }
      }
    };
  }

  /** The typed failure for {@code error}, when it is one of the host's troubles. */
  static Optional<ApplicationFailure> typed(Throwable error) {
    if (error instanceof TemporalFailure) {
      return Optional.empty(); // typed already (or a cancellation)
    }
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage();
      if (message != null && message.contains(NO_SPACE)) {
        return Optional.of(
            ApplicationFailure.newFailure(
                "This worker's working directory is full ("
                    + clip(lineWith(message, NO_SPACE))
                    + "). The attempt's files were removed and it is retried; if it keeps failing,"
                    + " give the worker more disk or point audiostems.work-dir at a larger one.",
                TrackFailures.WORK_DIRECTORY_FULL));
      }
      if (cause instanceof StorageUnavailableException) {
        return Optional.of(
            ApplicationFailure.newFailure(
                clip(message)
                    + ". The store did not answer or asked to slow down; the activity is retried."
                    + " If tracks fail with this, check that the store is up and reachable from"
                    + " the workers, then start them again.",
                TrackFailures.STORAGE_UNAVAILABLE));
      }
    }
    return Optional.empty();
  }

  private static String lineWith(String text, String needle) {
    return text.lines().filter(line -> line.contains(needle)).findFirst().orElse(text).strip();
  }

  private static String clip(String text) {
    return text.length() <= DETAIL_CHARS ? text : text.substring(0, DETAIL_CHARS) + "…";
  }
}
