package com.audiostems.workflows.licence;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One licence's life: grant → (deliveries, made by {@code MarkedCopyWorkflow}) → expire | revoke. A
 * durable timer ends the term; the licensing desk can end it early, revoke it or extend it. When it
 * ends, its delivered copies are withdrawn (deleted from the delivery store, the CDN asked to
 * invalidate them) and every link to them is refused from then on.
 */
@WorkflowInterface
public interface LicenceWorkflow {

  static String workflowId(String licenceId) {
    return "licence-" + licenceId;
  }

  /** Runs until the licence ends; returns its final state. */
  @WorkflowMethod
  LicenceState run(LicenceGrant grant);

  /** The licence-expiry signal: ends the term now, as the timer would. */
  @SignalMethod
  void expire();

  /** Withdraws the licence. Ignored once it has ended. */
  @SignalMethod
  void revoke(RevokeRequest request);

  /**
   * Moves the end of the term later and returns the new end. Rejected (before it enters the
   * history) unless the licence is active and the new end is after the current one.
   */
  @UpdateMethod
  LicenceState extend(ExtendRequest request);

  @UpdateValidatorMethod(updateName = "extend")
  void validateExtend(ExtendRequest request);

  @QueryMethod
  LicenceState state();
}
