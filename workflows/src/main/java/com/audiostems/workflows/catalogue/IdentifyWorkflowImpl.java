package com.audiostems.workflows.catalogue;

import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.StorageActivities;
import io.temporal.workflow.Workflow;
import java.util.List;

public class IdentifyWorkflowImpl implements IdentifyWorkflow {

  @Override
  public CatalogueMatches identify(IdentifyRequest request) {
    String fingerprintKey = BlobKeys.identifyFingerprintKey(request.queryId());
    FingerprintActivities fingerprinter =
        Workflow.newActivityStub(FingerprintActivities.class, QueryActivityOptions.READ_AUDIO);
    CatalogueActivities catalogue =
        Workflow.newActivityStub(CatalogueActivities.class, QueryActivityOptions.LOOKUP);
    StorageActivities storage =
        Workflow.newActivityStub(StorageActivities.class, QueryActivityOptions.CLEANUP);
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
