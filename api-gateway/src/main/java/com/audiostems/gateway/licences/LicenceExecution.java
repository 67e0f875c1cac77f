package com.audiostems.gateway.licences;

import io.temporal.client.WorkflowExecutionDescription;

/** A licence's workflow as Temporal describes it, with the gateway's memo on it. */
public record LicenceExecution(
    String licenceId, WorkflowExecutionDescription description, LicenceMemo memo) {

  public boolean running() {
    return description.getStatus()
        == io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  }

  public String licensee() {
    return memo.licensee();
  }

  public String trackId() {
    return memo.trackId();
  }
}
