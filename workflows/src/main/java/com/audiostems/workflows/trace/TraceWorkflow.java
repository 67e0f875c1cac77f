package com.audiostems.workflows.trace;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Leak tracing: identifies a stored file against the catalogue and reads its watermark at once.
 * Short-lived; {@code audiostems trace} and the gateway's {@code POST /v1/trace} start it.
 */
@WorkflowInterface
public interface TraceWorkflow {

  static String workflowId(String queryId) {
    return "trace-" + queryId;
  }

  @WorkflowMethod
  LeakTrace trace(TraceRequest request);
}
