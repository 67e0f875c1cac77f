package com.audiostems.workflows.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.licence.LicenceFailures;
import com.audiostems.workflows.licence.LicencePayloads;
import com.audiostems.workflows.media.OutputFormat;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The marked-copy workflow on Temporal's test environment, with a fake delivery activity. */
class MarkedCopyWorkflowTest {
  private static final String LICENCE = "0123456789abcdef0123456789abcd";
  private static final MarkedCopyRequest REQUEST =
      new MarkedCopyRequest(LICENCE, "t-0001", "Acme Films", OutputFormat.FLAC);

  private TestWorkflowEnvironment env;
  private final List<MarkedCopyRequest> calls = new CopyOnWriteArrayList<>();
  private final List<String> queues = new CopyOnWriteArrayList<>();
  private volatile Function<Integer, MarkedCopy> behaviour;

  /** Records each attempt and answers as the test says. */
  class FakeDelivery implements DeliveryActivities {
    @Override
    public MarkedCopy makeMarkedCopy(MarkedCopyRequest request) {
      calls.add(request);
      queues.add(
          io.temporal.activity.Activity.getExecutionContext().getInfo().getActivityTaskQueue());
      return behaviour.apply(calls.size());
    }
  }

  static MarkedCopy copy(boolean reused) {
    return new MarkedCopy(
        LICENCE,
        OutputFormat.FLAC,
        DeliveryKeys.copyKey(LICENCE, OutputFormat.FLAC),
        "ab".repeat(32),
        1234,
        LicencePayloads.forLicence(LICENCE),
        "k1",
        reused);
  }

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    env.newWorker(TaskQueues.TRACK_WORKFLOWS)
        .registerWorkflowImplementationTypes(MarkedCopyWorkflowImpl.class);
    env.newWorker(TaskQueues.AUDIO_CPU).registerActivitiesImplementations(new FakeDelivery());
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private MarkedCopyWorkflow workflow() {
    return env.getWorkflowClient()
        .newWorkflowStub(
            MarkedCopyWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(MarkedCopyWorkflow.workflowId(LICENCE, OutputFormat.FLAC))
                .setTaskQueue(TaskQueues.TRACK_WORKFLOWS)
                .build());
  }

  @Test
  void theCopyIsMadeByOneActivityOnTheCpuQueueAndItsFactsComeBack() {
    behaviour = attempt -> copy(false);

    MarkedCopy made = workflow().make(REQUEST);

    assertThat(made).isEqualTo(copy(false));
    assertThat(calls).containsExactly(REQUEST);
    assertThat(queues).containsExactly(TaskQueues.AUDIO_CPU);
    assertThat(MarkedCopyWorkflow.workflowId(LICENCE, OutputFormat.FLAC))
        .isEqualTo("marked-copy-" + LICENCE + "-flac");
  }

  @Test
  void aPassingFailureIsRetriedAndTheRetryMayFindTheCopyAlreadyMade() {
    behaviour =
        attempt -> {
          if (attempt == 1) {
            throw new IllegalStateException("the store hiccuped");
          }
          return copy(true);
        };

    MarkedCopy made = workflow().make(REQUEST);

    assertThat(made.reused()).isTrue();
    assertThat(calls).hasSize(2);
  }

  @Test
  void aFormatTheTrackLacksFailsTheWorkflowAtOnceWithItsType() {
    behaviour =
        attempt -> {
          throw ApplicationFailure.newNonRetryableFailure(
              "Track t-0001 has no published FLAC output", LicenceFailures.FORMAT_NOT_AVAILABLE);
        };

    assertThatThrownBy(() -> workflow().make(REQUEST))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(LicenceFailures.FORMAT_NOT_AVAILABLE));
    assertThat(calls).hasSize(1);
  }

  @Test
  void anUnknownTrackIsNotRetriedEvenWhenTheActivityForgotToSaySo() {
    behaviour =
        attempt -> {
          throw ApplicationFailure.newFailure(
              "Track t-0001 is not published", LicenceFailures.UNKNOWN_TRACK);
        };

    assertThatThrownBy(() -> workflow().make(REQUEST)).isInstanceOf(WorkflowFailedException.class);
    assertThat(calls).hasSize(1);
  }
}
