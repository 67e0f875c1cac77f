package com.audiostems.workflows.trace;

import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.catalogue.CatalogueMatches;
import com.audiostems.workflows.catalogue.IdentifyRequest;
import com.audiostems.workflows.catalogue.IdentifyWorkflow;
import com.audiostems.workflows.catalogue.QueryActivityOptions;
import com.audiostems.workflows.storage.StorageActivities;
import com.audiostems.workflows.watermark.DetectWatermarkRequest;
import com.audiostems.workflows.watermark.WatermarkActivities;
import com.audiostems.workflows.watermark.WatermarkDetection;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.List;

public class TraceWorkflowImpl implements TraceWorkflow {

  @Override
  public LeakTrace trace(TraceRequest request) {
    IdentifyWorkflow identify =
        Workflow.newChildWorkflowStub(
            IdentifyWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(IdentifyWorkflow.workflowId(request.queryId()))
                .setTaskQueue(TaskQueues.TRACK_WORKFLOWS)
                .build());
    WatermarkActivities watermark =
        Workflow.newActivityStub(WatermarkActivities.class, QueryActivityOptions.READ_AUDIO);
    StorageActivities storage =
        Workflow.newActivityStub(StorageActivities.class, QueryActivityOptions.CLEANUP);
    try {
      // The identification keeps the file: this workflow deletes it once both have read it.
      Promise<CatalogueMatches> matches =
          Async.function(
              identify::identify,
              new IdentifyRequest(request.queryId(), request.sourceKey(), false));
      Promise<WatermarkDetection> mark =
          Async.function(
              watermark::detectWatermark, new DetectWatermarkRequest(request.sourceKey()));
      return new LeakTrace(matches.get(), mark.get());
    } finally {
      if (request.deleteSource()) {
        Workflow.newDetachedCancellationScope(
                () -> storage.deleteObjects(List.of(request.sourceKey())))
            .run();
      }
    }
  }
}
