package com.audiostems.gateway.trace;

import com.audiostems.gateway.Ids;
import com.audiostems.gateway.config.IdentifyProperties;
import com.audiostems.gateway.licences.LicensingServices;
import com.audiostems.gateway.problems.Problems;
import com.audiostems.gateway.security.ApiClient;
import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.trace.LeakTrace;
import com.audiostems.workflows.trace.TraceRequest;
import com.audiostems.workflows.trace.TraceWorkflow;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Leak traces: a found file is stored as a query object ({@link BlobKeys#identifyQueryKey}) and a
 * {@link TraceWorkflow} identifies it and reads its mark at once; the workflow deletes the object
 * once both have read it. The answer waits as long as an identify query's does ({@code
 * audiostems.gateway.identify.answer-within}, then 202 and a Location), and runs as long ({@code
 * identify.run-timeout}): a trace is an identification plus one decode for the mark.
 */
@Component
public class Traces {
  /** Temporal's default workflow type name: the interface's simple name. */
  static final String WORKFLOW_TYPE = TraceWorkflow.class.getSimpleName();

  private static final Duration CLOSED_RESULT_WAIT = Duration.ofSeconds(10);

  private final WorkflowClient workflows;
  private final BlobStore store;
  private final IdentifyProperties settings;
  private final LicensingServices licensing;
  private final MeterRegistry meters;

  public Traces(
      WorkflowClient workflows,
      BlobStore store,
      IdentifyProperties settings,
      LicensingServices licensing,
      MeterRegistry meters) {
    this.workflows = workflows;
    this.store = store;
    this.settings = settings;
    this.licensing = licensing;
    this.meters = meters;
  }

  /**
   * Stores the spooled file as a new trace's query object, starts the trace and waits up to the
   * configured time for its answer.
   *
   * @param spooled the received file, on local disk; the caller deletes it
   * @param fileName the name the client gave it (only its extension reaches the key)
   */
  public TraceResponse start(ApiClient client, Path spooled, String fileName) throws IOException {
    String queryId = Ids.random();
    String queryKey = BlobKeys.identifyQueryKey(queryId, fileName);
    store.store(queryKey, spooled);
    TraceWorkflow workflow =
        workflows.newWorkflowStub(
            TraceWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(TraceWorkflow.workflowId(queryId))
                .setTaskQueue(TaskQueues.TRACK_WORKFLOWS)
                .setStaticSummary("trace " + fileName)
                .setMemo(Map.of(TraceMemo.KEY, new TraceMemo(client.name(), fileName)))
                .setWorkflowExecutionTimeout(settings.runTimeout())
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build());
    try {
      WorkflowClient.start(workflow::trace, new TraceRequest(queryId, queryKey, true));
    } catch (RuntimeException e) {
      // Nothing will read or delete the object: the workflow that would have did not start.
      store.delete(queryKey);
      throw e;
    }
    meters.counter("audiostems.gateway.trace.started").increment();
    return await(queryId, fileName, settings.answerWithin());
  }

  /** The trace's answer, or that it is still running. */
  public TraceResponse result(String queryId) {
    WorkflowExecutionDescription trace = find(queryId);
    TraceMemo memo = trace.getMemo(TraceMemo.KEY, TraceMemo.class, TraceMemo.class);
    String fileName = memo == null ? null : memo.fileName();
    if (trace.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      return TraceResponse.running(queryId, fileName);
    }
    return await(queryId, fileName, CLOSED_RESULT_WAIT);
  }

  private WorkflowExecutionDescription find(String queryId) {
    BlobKeys.requireTrackId(queryId);
    WorkflowExecutionDescription description;
    try {
      description = workflows.newUntypedWorkflowStub(TraceWorkflow.workflowId(queryId)).describe();
    } catch (WorkflowNotFoundException e) {
      throw notFound(queryId);
    }
    if (!WORKFLOW_TYPE.equals(description.getWorkflowType())) {
      throw notFound(queryId);
    }
    return description;
  }

  private TraceResponse await(String queryId, String fileName, Duration wait) {
    WorkflowStub stub = workflows.newUntypedWorkflowStub(TraceWorkflow.workflowId(queryId));
    try {
      LeakTrace trace = stub.getResult(wait.toMillis(), TimeUnit.MILLISECONDS, LeakTrace.class);
      return TraceAnswers.done(queryId, fileName, trace, licensing.ledgerIfConfigured());
    } catch (TimeoutException e) {
      return TraceResponse.running(queryId, fileName);
    } catch (WorkflowFailedException e) {
      throw failed(queryId, fileName, e);
    }
  }

  /** A file the pipeline refuses (not audio, too long) is the caller's to fix: 422; else 502. */
  private static RuntimeException failed(
      String queryId, String fileName, WorkflowFailedException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure app
          && TrackFailures.NON_RETRYABLE.contains(app.getType())) {
        return Problems.exception(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "trace-rejected",
            "File rejected",
            "Could not trace "
                + (fileName == null ? "query " + queryId : fileName)
                + ": "
                + app.getType()
                + ": "
                + app.getOriginalMessage());
      }
    }
    return Problems.exception(
        HttpStatus.BAD_GATEWAY,
        "trace-failed",
        "Trace failed",
        "Trace "
            + queryId
            + " failed in the pipeline ("
            + e.getCause()
            + "); post the file again to retry.");
  }

  private static RuntimeException notFound(String queryId) {
    return Problems.notFound("trace-not-found", "No trace '" + queryId + "'.");
  }
}
