package com.audiostems.workflows.delivery;

import com.audiostems.workflows.media.OutputFormat;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.Locale;

/**
 * Makes one licensee's marked copy on the CPU pool. Its id is per (licence, format), so two
 * requests for the same copy meet in one run, and a finished run's copy is found in the store
 * rather than encoded twice.
 */
@WorkflowInterface
public interface MarkedCopyWorkflow {

  static String workflowId(String licenceId, OutputFormat format) {
    return "marked-copy-" + licenceId + "-" + format.name().toLowerCase(Locale.ROOT);
  }

  @WorkflowMethod
  MarkedCopy make(MarkedCopyRequest request);
}
