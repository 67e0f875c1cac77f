package com.audiostems.workflows.catalogue;

import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.StorageActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;

public class IdentifyWorkflowImpl implements IdentifyWorkflow {

  private static final RetryOptions RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setMaximumInterval(Duration.ofSeconds(10))
          .setMaximumAttempts(4)
          .setDoNotRetry(TrackFailures.NON_RETRYABLE.toArray(String[]::new))
          .build();

  /** Any CPU host may fingerprint a query: it downloads the excerpt, seconds of work. */
  private static final ActivityOptions FINGERPRINT =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(10))
          .setHeartbeatTimeout(Duration.ofSeconds(30))
          .setRetryOptions(RETRY)
          .build();

  /** A person is waiting for the answer: a missing catalogue worker fails the query in minutes. */
  private static final ActivityOptions LOOKUP =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.CATALOGUE)
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setScheduleToCloseTimeout(Duration.ofMinutes(3))
          .setRetryOptions(RETRY)
          .build();

  private static final ActivityOptions CLEANUP =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setScheduleToCloseTimeout(Duration.ofHours(1))
          .build();

  @Override
  public CatalogueMatches identify(IdentifyRequest request) {
    String fingerprintKey = BlobKeys.identifyFingerprintKey(request.queryId());
    FingerprintActivities fingerprinter =
        Workflow.newActivityStub(FingerprintActivities.class, FINGERPRINT);
    CatalogueActivities catalogue = Workflow.newActivityStub(CatalogueActivities.class, LOOKUP);
    StorageActivities storage = Workflow.newActivityStub(StorageActivities.class, CLEANUP);
    try {
      FingerprintRef fingerprint =
          fingerprinter.fingerprint(
              new FingerprintRequest(request.queryId(), request.sourceKey(), fingerprintKey));
      return catalogue.lookup(new LookupRequest(null, fingerprint.key()));
    } finally {
      // The query's fingerprint, and its audio when uploaded for the query, are not kept.
      List<String> keys =
          request.deleteSource()
              ? List.of(fingerprintKey, request.sourceKey())
              : List.of(fingerprintKey);
      Workflow.newDetachedCancellationScope(() -> storage.deleteObjects(keys)).run();
    }
  }
}
