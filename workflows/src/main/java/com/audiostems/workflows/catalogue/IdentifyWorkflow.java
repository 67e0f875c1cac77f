package com.audiostems.workflows.catalogue;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Identifies a stored excerpt or file against the catalogue: fingerprint it, look it up, forget the
 * query's fingerprint. Short-lived; the gateway and {@code audiostems identify} start it.
 */
@WorkflowInterface
public interface IdentifyWorkflow {

  static String workflowId(String queryId) {
    return "identify-" + queryId;
  }

  @WorkflowMethod
  CatalogueMatches identify(IdentifyRequest request);
}
