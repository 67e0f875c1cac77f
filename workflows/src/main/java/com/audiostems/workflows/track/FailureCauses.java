package com.audiostems.workflows.track;

import com.audiostems.workflows.TrackFailures;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;

/** Reads why a stage failed: the typed reason an activity gave, under Temporal's wrappers. */
final class FailureCauses {
  private FailureCauses() {}

  static boolean isCancellation(Throwable e) {
    return e instanceof CanceledFailure || e.getCause() instanceof CanceledFailure;
  }

  /** The innermost application failure's type and message, for the query and the CLI. */
  static String describe(TemporalFailure e) {
    ApplicationFailure app = applicationCause(e);
    return app != null ? app.getType() + ": " + app.getOriginalMessage() : e.getMessage();
  }

  /**
   * How a failed journey ended, for listing tracks by outcome: rejected with its reason, or failed.
   */
  static String outcomeOf(TemporalFailure e) {
    if (isCancellation(e)) {
      return "cancelled";
    }
    ApplicationFailure reason = applicationCause(e);
    return reason != null && TrackFailures.NON_RETRYABLE.contains(reason.getType())
        ? "rejected:" + reason.getType()
        : "failed";
  }

  /**
   * The failure's reason code: the innermost application failure's type, else the innermost
   * failure's kind (e.g. {@code TimeoutFailure}).
   */
  static String reasonOf(TemporalFailure e) {
    ApplicationFailure app = applicationCause(e);
    if (app != null) {
      return app.getType();
    }
    Throwable innermost = e;
    while (innermost.getCause() != null && innermost.getCause() != innermost) {
      innermost = innermost.getCause();
    }
    return innermost.getClass().getSimpleName();
  }

  /**
   * Surfaces the activity's typed reason as the workflow's own failure, so that callers read
   * "NotAudio: ..." instead of unwrapping an ActivityFailure.
   */
  static TemporalFailure asTypedFailure(TemporalFailure e) {
    ApplicationFailure app = applicationCause(e);
    if (app == null || !(e instanceof ActivityFailure)) {
      return e;
    }
    return ApplicationFailure.newNonRetryableFailureWithCause(
        app.getOriginalMessage(), app.getType(), e);
  }

  private static ApplicationFailure applicationCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure app) {
        return app;
      }
    }
    return null;
  }
}
