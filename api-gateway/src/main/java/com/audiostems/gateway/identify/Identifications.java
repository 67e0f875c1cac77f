package com.audiostems.gateway.identify;

import com.audiostems.gateway.config.IdentifyProperties;
import com.audiostems.gateway.problems.Problems;
import com.audiostems.gateway.security.ApiClient;
import com.audiostems.gateway.uploads.UploadTicket;
import com.audiostems.gateway.uploads.UploadTickets;
import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.catalogue.CatalogueMatches;
import com.audiostems.workflows.catalogue.IdentifyRequest;
import com.audiostems.workflows.catalogue.IdentifyWorkflow;
import com.audiostems.workflows.storage.BlobKeys;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Identify queries: an upload is fingerprinted by the CPU workers and looked up by the catalogue's
 * worker, in an {@link IdentifyWorkflow} whose id is the upload's (so one upload is one query, and
 * a repeated POST finds the same one). The upload's content is deleted by the workflow once
 * answered, and its ticket here at the start: an identified upload cannot then start a track.
 */
@Component
public class Identifications {
  /** Temporal's default workflow type name: the interface's simple name. */
  static final String WORKFLOW_TYPE = IdentifyWorkflow.class.getSimpleName();

  private static final Duration CLOSED_RESULT_WAIT = Duration.ofSeconds(10);

  private final WorkflowClient workflows;
  private final UploadTickets tickets;
  private final IdentifyProperties settings;
  private final MeterRegistry meters;

  public Identifications(
      WorkflowClient workflows,
      UploadTickets tickets,
      IdentifyProperties settings,
      MeterRegistry meters) {
    this.workflows = workflows;
    this.tickets = tickets;
    this.settings = settings;
    this.meters = meters;
  }

  /**
   * Starts the query for the client's upload and waits up to the configured time for its answer.
   */
  public IdentifyResponse start(ApiClient client, String uploadId) {
    UploadTicket ticket = tickets.findFor(client, uploadId);
    if (!tickets.contentReceived(ticket)) {
      throw Problems.conflict(
          "upload-incomplete",
          "Upload '"
              + ticket.uploadId()
              + "' has no content yet: PUT the file to its upload URL first.");
    }
    String queryId = ticket.uploadId();
    IdentifyWorkflow workflow =
        workflows.newWorkflowStub(
            IdentifyWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(IdentifyWorkflow.workflowId(queryId))
                .setTaskQueue(TaskQueues.TRACK_WORKFLOWS)
                .setStaticSummary("identify " + ticket.fileName())
                .setMemo(
                    Map.of(IdentifyMemo.KEY, new IdentifyMemo(client.name(), ticket.fileName())))
                .setWorkflowExecutionTimeout(settings.runTimeout())
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build());
    try {
      WorkflowClient.start(
          workflow::identify, new IdentifyRequest(queryId, ticket.sourceKey(), true));
      meters.counter("audiostems.gateway.identify.started").increment();
    } catch (WorkflowExecutionAlreadyStarted e) {
      // The same upload again (a retried POST): the query it already started answers.
    }
    tickets.delete(ticket);
    return await(queryId, ticket.fileName(), settings.answerWithin());
  }

  /** The query's answer, or that it is still running; a query the client may not read is a 404. */
  public IdentifyResponse result(ApiClient client, String queryId) {
    WorkflowExecutionDescription query = find(client, queryId);
    IdentifyMemo memo = query.getMemo(IdentifyMemo.KEY, IdentifyMemo.class, IdentifyMemo.class);
    String fileName = memo == null ? null : memo.fileName();
    if (query.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      return IdentifyResponse.running(queryId, fileName);
    }
    // Closed: its result (or failure) is in its history and comes back at once.
    return await(queryId, fileName, CLOSED_RESULT_WAIT);
  }

  private WorkflowExecutionDescription find(ApiClient client, String queryId) {
    BlobKeys.requireTrackId(queryId);
    WorkflowExecutionDescription description;
    try {
      description =
          workflows.newUntypedWorkflowStub(IdentifyWorkflow.workflowId(queryId)).describe();
    } catch (WorkflowNotFoundException e) {
      throw notFound(queryId);
    }
    IdentifyMemo memo =
        description.getMemo(IdentifyMemo.KEY, IdentifyMemo.class, IdentifyMemo.class);
    boolean readable =
        client.readsAllTracks() || (memo != null && client.name().equals(memo.owner()));
    if (!WORKFLOW_TYPE.equals(description.getWorkflowType()) || !readable) {
      throw notFound(queryId);
    }
    return description;
  }

  private IdentifyResponse await(String queryId, String fileName, Duration wait) {
    WorkflowStub stub = workflows.newUntypedWorkflowStub(IdentifyWorkflow.workflowId(queryId));
    try {
      CatalogueMatches matches =
          stub.getResult(wait.toMillis(), TimeUnit.MILLISECONDS, CatalogueMatches.class);
      return IdentifyResponse.done(queryId, fileName, matches);
    } catch (TimeoutException e) {
      return IdentifyResponse.running(queryId, fileName);
    } catch (WorkflowFailedException e) {
      throw failed(queryId, fileName, e);
    }
  }

  /**
   * A file the pipeline refuses (not audio, too long) is the caller's to fix: 422; anything else
   * 502.
   */
  private static RuntimeException failed(
      String queryId, String fileName, WorkflowFailedException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure app
          && TrackFailures.NON_RETRYABLE.contains(app.getType())) {
        return Problems.exception(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "identify-rejected",
            "File rejected",
            "Could not identify "
                + (fileName == null ? "query " + queryId : fileName)
                + ": "
                + app.getType()
                + ": "
                + app.getOriginalMessage());
      }
    }
    return Problems.exception(
        HttpStatus.BAD_GATEWAY,
        "identify-failed",
        "Identification failed",
        "Query "
            + queryId
            + " failed in the pipeline ("
            + e.getCause()
            + "); upload the file again to retry.");
  }

  private static RuntimeException notFound(String queryId) {
    return Problems.notFound("identify-query-not-found", "No identify query '" + queryId + "'.");
  }
}
