package com.audiostems.gateway.support;

import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.delivery.DeliveryActivities;
import com.audiostems.workflows.delivery.MarkedCopy;
import com.audiostems.workflows.delivery.MarkedCopyRequest;
import com.audiostems.workflows.delivery.MarkedCopyWorkflow;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Test-only: a marked copy that takes a moment (so the first request sees 202), then the test's
 * delivery activity. The product's workflow lands from the delivery branch.
 */
public class TestMarkedCopyWorkflowImpl implements MarkedCopyWorkflow {
  /** Longer than the test's copy-answer-within (0 s), short enough for the tests to poll. */
  static final Duration MAKING = Duration.ofMillis(1500);

  private final DeliveryActivities activities =
      Workflow.newActivityStub(
          DeliveryActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(TaskQueues.AUDIO_CPU)
              .setStartToCloseTimeout(Duration.ofSeconds(10))
              .build());

  @Override
  public MarkedCopy make(MarkedCopyRequest request) {
    Workflow.sleep(MAKING);
    return activities.makeMarkedCopy(request);
  }
}
