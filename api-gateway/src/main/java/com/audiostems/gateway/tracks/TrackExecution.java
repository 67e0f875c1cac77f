package com.audiostems.gateway.tracks;

import io.temporal.client.WorkflowExecutionDescription;

/**
 * A track's workflow as Temporal describes it, found and access-checked by {@link TrackFinder}.
 *
 * @param memo what the gateway recorded at start; null for tracks started elsewhere (the CLI)
 */
public record TrackExecution(
    String trackId, WorkflowExecutionDescription description, TrackMemo memo) {

  public WorkflowStatus status() {
    return WorkflowStatus.of(description.getStatus());
  }

  public String workflowId() {
    return description.getExecution().getWorkflowId();
  }
}
