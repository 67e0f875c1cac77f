package com.audiostems.workflows.licence;

import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;

/**
 * A licence's life: {@code grant → wait for the end → expire | revoke → withdraw}. The end is a
 * durable timer, re-armed when an extension moves it; a dev-server or worker restart in between
 * does not lose it (the timer lives in the server's history, not in this process).
 */
public class LicenceWorkflowImpl implements LicenceWorkflow {
  private final LicenceActivities records =
      Workflow.newActivityStub(LicenceActivities.class, LicenceActivityOptions.RECORD);
  private final LicenceActivities copies =
      Workflow.newActivityStub(LicenceActivities.class, LicenceActivityOptions.WITHDRAW);

  /** Made from the grant before any signal or update is handled, so handlers always find it. */
  private final LicenceLife licence;

  @WorkflowInit
  public LicenceWorkflowImpl(LicenceGrant grant) {
    this.licence = new LicenceLife(grant);
  }

  @Override
  public LicenceState run(LicenceGrant grant) {
    if (!grant.resumed()) {
      LicenceTermsCheck.requireValid(grant, now());
      record("granted", grant.grantedBy());
    }

    awaitEnd();

    record(
        licence.state().status() == LicenceStatus.REVOKED ? "revoked" : "expired",
        licence.endedBy());
    copies.withdrawCopies(grant.licenceId(), licence.state().endReason());
    // An extension being recorded while the licence ended finishes before the run does.
    Workflow.await(Workflow::isEveryHandlerFinished);
    return licence.state();
  }

  /** Sleeps until the current end, waking early when it moves or a person ends the licence. */
  private void awaitEnd() {
    while (!licence.ended()) {
      Instant armedFor = licence.endsAt();
      Duration left = Duration.between(now(), armedFor);
      if (left.isNegative() || left.isZero()) {
        // It ended at its end, not at the moment this task ran (milliseconds later).
        licence.expire(armedFor, "term ended", "timer");
        return;
      }
      Workflow.await(left, () -> licence.ended() || !armedFor.equals(licence.endsAt()));
    }
  }

  @Override
  public void expire() {
    licence.expire(now(), "expired early by the licensing desk", "expire-signal");
  }

  @Override
  public void revoke(RevokeRequest request) {
    licence.revoke(now(), request);
  }

  @Override
  public void validateExtend(ExtendRequest request) {
    String problem = licence.whyNotExtend(request);
    if (problem != null) {
      throw ApplicationFailure.newNonRetryableFailure(problem, LicenceFailures.INVALID_TERMS);
    }
  }

  @Override
  public LicenceState extend(ExtendRequest request) {
    licence.extend(request);
    LicenceState extended = licence.state();
    records.recordLicenceEvent(new LicenceEvent("extended", request.extendedBy(), now(), extended));
    return extended;
  }

  @Override
  public LicenceState state() {
    return licence.state();
  }

  private void record(String action, String actor) {
    records.recordLicenceEvent(new LicenceEvent(action, actor, now(), licence.state()));
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
