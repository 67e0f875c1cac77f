package com.audiostems.workflows.delivery;

import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.licence.LicenceFailures;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * One activity: the copy is made (or found) in one place, so a retry after a crash finds what the
 * earlier attempt stored rather than encoding it again.
 */
public class MarkedCopyWorkflowImpl implements MarkedCopyWorkflow {

  /**
   * Any CPU host may make a copy: it reads the master from the store. Heartbeats every few seconds
   * while it decodes, marks and encodes; a 3-hour master at 96 kHz takes minutes, not an hour.
   */
  static final ActivityOptions MAKE_COPY =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofHours(1))
          .setHeartbeatTimeout(Duration.ofSeconds(60))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(2))
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .setMaximumAttempts(4)
                  .setDoNotRetry(
                      Stream.concat(
                              TrackFailures.NON_RETRYABLE.stream(),
                              Stream.of(
                                  LicenceFailures.UNKNOWN_TRACK,
                                  LicenceFailures.FORMAT_NOT_AVAILABLE))
                          .toArray(String[]::new))
                  .build())
          .build();

  @Override
  public MarkedCopy make(MarkedCopyRequest request) {
    return Workflow.newActivityStub(DeliveryActivities.class, MAKE_COPY).makeMarkedCopy(request);
  }
}
