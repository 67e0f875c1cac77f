package com.audiostems.workflows.track;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;

/** Activity stubs of the track workflow. */
final class TrackActivities {
  private TrackActivities() {}

  /** A stub whose calls carry a summary, so that operators read what each activity did in the UI. */
  static <T> T stub(Class<T> type, ActivityOptions options, String summary) {
    return Workflow.newActivityStub(type, ActivityOptions.newBuilder(options).setSummary(summary).build());
  }
}
