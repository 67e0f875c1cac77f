package com.audiostems.workflows.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.media.OutputFormat;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A licence's life on Temporal's time-skipping test environment: a term of thirty days passes in
 * milliseconds, so the timer's firing is tested at its exact instant. The activities are a fake
 * that keeps every event and withdrawal in order.
 */
class LicenceWorkflowTest {
  private static final String LICENCE = "0123456789abcdef0123456789abcd";

  private TestWorkflowEnvironment env;
  private FakeLicenceActivities activities;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    env.newWorker(TaskQueues.TRACK_WORKFLOWS)
        .registerWorkflowImplementationTypes(LicenceWorkflowImpl.class);
    activities = new FakeLicenceActivities();
    env.newWorker(TaskQueues.AUDIO_CPU).registerActivitiesImplementations(activities);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  /** Records every event and withdrawal, in order, as the ledger and the store would see them. */
  static final class FakeLicenceActivities implements LicenceActivities {
    final List<LicenceEvent> events = new CopyOnWriteArrayList<>();
    final List<String> withdrawals = new CopyOnWriteArrayList<>();

    @Override
    public void recordLicenceEvent(LicenceEvent event) {
      events.add(event);
    }

    @Override
    public WithdrawnCopies withdrawCopies(String licenceId, String reason) {
      withdrawals.add(licenceId + ": " + reason);
      return new WithdrawnCopies(
          List.of("licences/" + licenceId + "/copies/mp3-320k.mp3"), "local-" + licenceId);
    }

    @Override
    public List<String> activeLicencesOfTrack(String trackId) {
      return List.of();
    }

    List<String> actions() {
      return events.stream().map(e -> e.action() + " by " + e.actor()).toList();
    }
  }

  private Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  private LicenceGrant grant(Instant endsAt) {
    return grant(List.of(OutputFormat.MP3_320, OutputFormat.FLAC), List.of("GB", "FR"), endsAt);
  }

  private LicenceGrant grant(List<OutputFormat> formats, List<String> territories, Instant endsAt) {
    return new LicenceGrant(
        LICENCE,
        new LicenceTerms(
            "t-0001", "Acme Films", formats, territories, now(), endsAt, 150_000, "EUR", "sync"),
        "desk@example.com");
  }

  private LicenceWorkflow newWorkflow() {
    return env.getWorkflowClient()
        .newWorkflowStub(
            LicenceWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(LicenceWorkflow.workflowId(LICENCE))
                .setTaskQueue(TaskQueues.TRACK_WORKFLOWS)
                .build());
  }

  private LicenceState resultOf(LicenceWorkflow workflow) {
    return WorkflowStub.fromTyped(workflow).getResult(LicenceState.class);
  }

  /**
   * With {@code -Daudiostems.recordHistories=DIR}, keeps this test's run in DIR as {@code
   * NAME.json}: the resources {@link LicenceReplayTest} replays. Without the property it does
   * nothing.
   */
  private void keepHistory(String name) {
    String directory = System.getProperty("audiostems.recordHistories");
    if (directory == null || directory.isBlank()) {
      return;
    }
    try {
      Path file = Path.of(directory, name + ".json");
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          env.getWorkflowClient().fetchHistory(LicenceWorkflow.workflowId(LICENCE)).toJson(true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aResumedLicenceWhoseEndHasPassedExpiresAtOnceWithoutBeingGrantedAgain() {
    LicenceGrant granted = grant(now().plus(Duration.ofDays(30)));
    env.sleep(Duration.ofDays(31));
    LicenceGrant resumed = new LicenceGrant(granted.licenceId(), granted.terms(), "resumed", true);
    LicenceWorkflow workflow = newWorkflow();
    WorkflowClient.start(workflow::run, resumed);

    LicenceState ended = resultOf(workflow);

    assertThat(ended.status()).isEqualTo(LicenceStatus.EXPIRED);
    assertThat(ended.endedAt()).isEqualTo(granted.terms().endsAt());
    assertThat(activities.actions()).containsExactly("expired by timer");
    assertThat(activities.withdrawals).hasSize(1);
    keepHistory("resumed-past-its-end");
  }

  @Test
  void aResumedActiveLicenceIsRevokedBySignal() {
    LicenceGrant granted = grant(now().plus(Duration.ofDays(30)));
    LicenceWorkflow workflow = newWorkflow();
    WorkflowClient.start(
        workflow::run, new LicenceGrant(granted.licenceId(), granted.terms(), "resumed", true));

    workflow.revoke(new RevokeRequest("payment reversed", "desk@example.com"));
    LicenceState ended = resultOf(workflow);

    assertThat(ended.status()).isEqualTo(LicenceStatus.REVOKED);
    assertThat(activities.actions()).containsExactly("revoked by desk@example.com");
  }

  @Test
  void theTimerExpiresTheLicenceAtTheEndOfItsTermAndWithdrawsItsCopies() {
    Instant endsAt = now().plus(Duration.ofDays(30));
    LicenceWorkflow workflow = newWorkflow();
    WorkflowClient.start(workflow::run, grant(endsAt));

    env.sleep(Duration.ofDays(29));
    assertThat(workflow.state().status()).isEqualTo(LicenceStatus.ACTIVE);
    assertThat(activities.withdrawals).isEmpty();

    LicenceState ended = resultOf(workflow);

    assertThat(ended.status()).isEqualTo(LicenceStatus.EXPIRED);
    assertThat(ended.endedAt()).isEqualTo(endsAt);
    assertThat(ended.endReason()).isEqualTo("term ended");
    assertThat(activities.actions())
        .containsExactly("granted by desk@example.com", "expired by timer");
    assertThat(activities.events.get(0).state().status()).isEqualTo(LicenceStatus.ACTIVE);
    assertThat(activities.events.get(1).state()).isEqualTo(ended);
    assertThat(activities.withdrawals).containsExactly(LICENCE + ": term ended");
    keepHistory("granted-expired-by-timer");
  }

  @Test
  void theExpirySignalEndsTheLicenceNow() {
    Instant endsAt = now().plus(Duration.ofDays(30));
    LicenceWorkflow workflow = newWorkflow();
    WorkflowClient.start(workflow::run, grant(endsAt));
    env.sleep(Duration.ofDays(3));
    Instant signalledAt = now();

    workflow.expire();
    LicenceState ended = resultOf(workflow);

    assertThat(ended.status()).isEqualTo(LicenceStatus.EXPIRED);
    assertThat(ended.endedAt()).isBetween(signalledAt, signalledAt.plusSeconds(5));
    assertThat(ended.endsAt()).isEqualTo(endsAt);
    assertThat(ended.endReason()).isEqualTo("expired early by the licensing desk");
    assertThat(activities.actions())
        .containsExactly("granted by desk@example.com", "expired by expire-signal");
    assertThat(activities.withdrawals)
        .containsExactly(LICENCE + ": expired early by the licensing desk");
    keepHistory("granted-expired-by-signal");
  }

  @Test
  void aRevocationEndsTheLicenceWithItsReasonAndALaterOneIsIgnored() {
    LicenceWorkflow workflow = newWorkflow();
    WorkflowClient.start(workflow::run, grant(now().plus(Duration.ofDays(30))));
    env.sleep(Duration.ofHours(5));

    workflow.revoke(new RevokeRequest("payment reversed", "ops@example.com"));
    LicenceState ended = resultOf(workflow);

    assertThat(ended.status()).isEqualTo(LicenceStatus.REVOKED);
    assertThat(ended.endReason()).isEqualTo("revoked: payment reversed");
    assertThat(activities.actions())
        .containsExactly("granted by desk@example.com", "revoked by ops@example.com");
    assertThat(activities.withdrawals).containsExactly(LICENCE + ": revoked: payment reversed");
    keepHistory("granted-revoked");
  }

  @Test
  void anExtensionMovesTheTimerToTheNewEnd() {
    Instant endsAt = now().plus(Duration.ofDays(30));
    Instant newEnd = endsAt.plus(Duration.ofDays(60));
    LicenceWorkflow workflow = newWorkflow();
    WorkflowClient.start(workflow::run, grant(endsAt));
    env.sleep(Duration.ofDays(10));

    LicenceState extended = workflow.extend(new ExtendRequest(newEnd, "desk@example.com"));

    assertThat(extended.endsAt()).isEqualTo(newEnd);
    assertThat(extended.extensions()).isEqualTo(1);
    assertThat(extended.terms().endsAt()).as("the terms stay as granted").isEqualTo(endsAt);
    env.sleep(Duration.ofDays(30));
    assertThat(workflow.state().status())
        .as("past the granted end, before the new one")
        .isEqualTo(LicenceStatus.ACTIVE);
    assertThat(activities.withdrawals).isEmpty();

    LicenceState ended = resultOf(workflow);
    assertThat(ended.status()).isEqualTo(LicenceStatus.EXPIRED);
    assertThat(ended.endedAt()).isEqualTo(newEnd);
    assertThat(activities.actions())
        .containsExactly(
            "granted by desk@example.com", "extended by desk@example.com", "expired by timer");
    assertThat(activities.events.get(1).state().endsAt()).isEqualTo(newEnd);
    keepHistory("granted-extended-expired");
  }

  @Test
  void anExtensionNotAfterTheCurrentEndIsRejectedAndChangesNothing() {
    Instant endsAt = now().plus(Duration.ofDays(30));
    LicenceWorkflow workflow = newWorkflow();
    WorkflowClient.start(workflow::run, grant(endsAt));
    env.sleep(Duration.ofDays(1));

    // The validator throws an ApplicationFailure of type INVALID_TERMS; SDK 1.38 serialises a
    // validator's failure twice and so loses its type (temporalio/sdk-java#2875, fixed by #3001):
    // the message is what reaches the client.
    assertThatThrownBy(() -> workflow.extend(new ExtendRequest(endsAt, "desk@example.com")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("is not after the current end " + endsAt);
    assertThatThrownBy(
            () -> workflow.extend(new ExtendRequest(endsAt.minusSeconds(1), "desk@example.com")))
        .isInstanceOf(WorkflowUpdateException.class);

    assertThat(workflow.state().endsAt()).isEqualTo(endsAt);
    assertThat(workflow.state().extensions()).isZero();
    assertThat(resultOf(workflow).endedAt()).isEqualTo(endsAt);
    assertThat(activities.actions())
        .containsExactly("granted by desk@example.com", "expired by timer");
  }

  @Test
  void anEndedLicenceCannotBeExtended() {
    LicenceWorkflow workflow = newWorkflow();
    WorkflowClient.start(workflow::run, grant(now().plus(Duration.ofDays(30))));
    workflow.revoke(new RevokeRequest("breach of terms", "ops@example.com"));
    // The run ends with the revocation; the workflow no longer takes updates at all, and while it
    // had not finished yet the validator refuses an ended licence (the unit test below).
    resultOf(workflow);

    assertThatThrownBy(
            () ->
                workflow.extend(
                    new ExtendRequest(now().plus(Duration.ofDays(90)), "desk@example.com")))
        .isInstanceOf(RuntimeException.class);
    assertThat(activities.actions()).doesNotContain("extended by desk@example.com");
  }

  @Test
  void theValidatorRefusesToExtendAnEndedLicence() {
    LicenceGrant grant = grant(now().plus(Duration.ofDays(30)));
    LicenceLife life = new LicenceLife(grant);
    life.revoke(now(), new RevokeRequest("breach of terms", "ops@example.com"));

    assertThat(life.whyNotExtend(new ExtendRequest(now().plus(Duration.ofDays(90)), "desk")))
        .isEqualTo("Licence " + LICENCE + " has revoked; it cannot be extended.");
  }

  @Test
  void theStateQueryAnswersTheLicenceAsGranted() {
    Instant endsAt = now().plus(Duration.ofDays(30));
    LicenceGrant grant = grant(endsAt);
    LicenceWorkflow workflow = newWorkflow();
    WorkflowClient.start(workflow::run, grant);

    LicenceState state = workflow.state();

    assertThat(state)
        .isEqualTo(
            new LicenceState(LICENCE, grant.terms(), LicenceStatus.ACTIVE, endsAt, null, null, 0));
    assertThat(state.usableAt(now())).isTrue();
    assertThat(state.usableAt(endsAt)).isFalse();
  }

  @Test
  void badTermsFailTheGrantWithATypedFailureAndRecordNothing() {
    LicenceWorkflow workflow = newWorkflow();
    Instant endsBeforeStart = now().minus(Duration.ofDays(1));

    assertThatThrownBy(() -> workflow.run(grant(List.of(), List.of(), endsBeforeStart)))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOf(ApplicationFailure.class)
        .satisfies(
            e -> {
              ApplicationFailure failure = (ApplicationFailure) e;
              assertThat(failure.getType()).isEqualTo(LicenceFailures.INVALID_TERMS);
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage())
                  .contains("no format is granted")
                  .contains("no territory is granted")
                  .contains("before it starts");
            });
    assertThat(activities.events).isEmpty();
    assertThat(activities.withdrawals).isEmpty();
    keepHistory("invalid-terms");
  }

  @Test
  void aTerritoryThatIsNotAnIsoCodeIsRefused() {
    LicenceGrant grant =
        grant(List.of(OutputFormat.FLAC), List.of("Europe"), now().plus(Duration.ofDays(1)));

    assertThat(LicenceTermsCheck.problems(grant, now()))
        .containsExactly("the territory 'Europe' is not an ISO alpha-2 code nor WORLD");
  }
}
