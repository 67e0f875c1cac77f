package com.audiostems.gateway.support;

import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.licence.ExtendRequest;
import com.audiostems.workflows.licence.LicenceActivities;
import com.audiostems.workflows.licence.LicenceEvent;
import com.audiostems.workflows.licence.LicenceFailures;
import com.audiostems.workflows.licence.LicenceGrant;
import com.audiostems.workflows.licence.LicenceState;
import com.audiostems.workflows.licence.LicenceStatus;
import com.audiostems.workflows.licence.LicenceWorkflow;
import com.audiostems.workflows.licence.RevokeRequest;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * A test-only licence workflow for the gateway's tests: the contract's behaviour the gateway relies
 * on (timer, expire and revoke signals, validated extend update, state query, projection through
 * {@link LicenceActivities}) and nothing more. The product's workflow lands from the licence
 * branch.
 */
public class TestLicenceWorkflowImpl implements LicenceWorkflow {
  private final LicenceActivities activities =
      Workflow.newActivityStub(
          LicenceActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(TaskQueues.AUDIO_CPU)
              .setStartToCloseTimeout(Duration.ofSeconds(10))
              .build());
  private LicenceState state;
  private String endedBy;

  @Override
  public LicenceState run(LicenceGrant grant) {
    state =
        new LicenceState(
            grant.licenceId(),
            grant.terms(),
            LicenceStatus.ACTIVE,
            grant.terms().endsAt(),
            null,
            null,
            0);
    record("granted", grant.grantedBy());
    while (true) {
      int extensions = state.extensions();
      Duration left = Duration.between(now(), state.endsAt());
      boolean changed =
          Workflow.await(
              left.isNegative() ? Duration.ZERO : left,
              () -> state.status().ended() || state.extensions() != extensions);
      if (!changed) {
        end(LicenceStatus.EXPIRED, "timer", "term ended");
      }
      if (state.status().ended()) {
        record(state.status() == LicenceStatus.REVOKED ? "revoked" : "expired", endedBy);
        return state;
      }
      record("extended", "operator");
    }
  }

  @Override
  public void expire() {
    if (!state.status().ended()) {
      end(LicenceStatus.EXPIRED, "licensing desk", "expired early by the licensing desk");
    }
  }

  @Override
  public void revoke(RevokeRequest request) {
    if (!state.status().ended()) {
      end(LicenceStatus.REVOKED, request.revokedBy(), "revoked: " + request.reason());
    }
  }

  @Override
  public LicenceState extend(ExtendRequest request) {
    state =
        new LicenceState(
            state.licenceId(),
            state.terms(),
            state.status(),
            request.newEndsAt(),
            null,
            null,
            state.extensions() + 1);
    return state;
  }

  @Override
  public void validateExtend(ExtendRequest request) {
    if (state.status().ended()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Licence " + state.licenceId() + " has ended.", LicenceFailures.LICENCE_ENDED);
    }
    if (request.newEndsAt() == null || !request.newEndsAt().isAfter(state.endsAt())) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The new end "
              + request.newEndsAt()
              + " is not after the current end "
              + state.endsAt()
              + ".",
          LicenceFailures.INVALID_TERMS);
    }
  }

  @Override
  public LicenceState state() {
    return state;
  }

  private void end(LicenceStatus status, String by, String reason) {
    endedBy = by;
    state =
        new LicenceState(
            state.licenceId(),
            state.terms(),
            status,
            state.endsAt(),
            now(),
            reason,
            state.extensions());
  }

  private void record(String action, String actor) {
    activities.recordLicenceEvent(new LicenceEvent(action, actor, now(), state));
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
