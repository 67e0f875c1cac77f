package com.audiostems.gateway.tracks;

import com.audiostems.gateway.problems.Problems;
import com.fasterxml.jackson.annotation.JsonValue;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A track's workflow status as the API names it (lowercase), with the name Temporal's visibility
 * queries use for it.
 */
public enum WorkflowStatus {
  RUNNING(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, "Running"),
  COMPLETED(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED, "Completed"),
  FAILED(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED, "Failed"),
  CANCELED(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED, "Canceled"),
  TERMINATED(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED, "Terminated"),
  TIMED_OUT(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TIMED_OUT, "TimedOut"),
  CONTINUED_AS_NEW(
      WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW, "ContinuedAsNew");

  private final WorkflowExecutionStatus temporal;
  private final String visibilityName;

  WorkflowStatus(WorkflowExecutionStatus temporal, String visibilityName) {
    this.temporal = temporal;
    this.visibilityName = visibilityName;
  }

  @JsonValue
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The value of {@code ExecutionStatus} in a visibility query. */
  public String visibilityName() {
    return visibilityName;
  }

  public static WorkflowStatus of(WorkflowExecutionStatus status) {
    for (WorkflowStatus s : values()) {
      if (s.temporal == status) {
        return s;
      }
    }
    throw new IllegalArgumentException("Unknown workflow execution status " + status);
  }

  /** Parses an API name; anything else is a 400 problem that lists the names. */
  public static WorkflowStatus parse(String apiName) {
    for (WorkflowStatus s : values()) {
      if (s.apiName().equals(apiName)) {
        return s;
      }
    }
    throw Problems.badRequest(
        "bad-status",
        "Unknown status '"
            + apiName
            + "'; use one of "
            + Arrays.stream(values()).map(WorkflowStatus::apiName).collect(Collectors.joining(", "))
            + ".");
  }
}
