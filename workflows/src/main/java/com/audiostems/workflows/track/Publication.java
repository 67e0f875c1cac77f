package com.audiostems.workflows.track;

import io.temporal.workflow.Workflow;
import java.time.Instant;

/** Which workflow run published a version of a track, and when (ISO-8601, the workflow's clock). */
record Publication(String workflowId, String runId, String publishedAt) {

  /** This run, now. */
  static Publication ofThisRun() {
    return new Publication(
        Workflow.getInfo().getWorkflowId(),
        Workflow.getInfo().getRunId(),
        Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString());
  }
}
