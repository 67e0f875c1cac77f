package com.audiostems.gateway.licences;

import com.audiostems.gateway.config.LicenceProperties;
import com.audiostems.gateway.problems.LicenceProblems;
import com.audiostems.gateway.problems.Problems;
import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.delivery.MarkedCopy;
import com.audiostems.workflows.delivery.MarkedCopyRequest;
import com.audiostems.workflows.delivery.MarkedCopyWorkflow;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Asks for a licence's marked copies: one {@link MarkedCopyWorkflow} per (licence, format), whose
 * id makes every request for the same copy meet in one run (conflict policy USE_EXISTING), and a
 * new run start only where the last one failed (reuse policy ALLOW_DUPLICATE_FAILED_ONLY); a
 * finished run's result is the copy.
 */
@Component
public class MarkedCopies {
  private static final long CLOSED_RESULT_WAIT_MILLIS = 10_000;

  private final WorkflowClient workflows;
  private final LicenceProperties settings;

  public MarkedCopies(WorkflowClient workflows, LicenceProperties settings) {
    this.workflows = workflows;
    this.settings = settings;
  }

  /** The copies, or an empty list when one of them is still being made. */
  public List<MarkedCopy> request(List<MarkedCopyRequest> requests) {
    for (MarkedCopyRequest request : requests) {
      start(request);
    }
    long deadline = System.nanoTime() + settings.copyAnswerWithin().toNanos();
    List<MarkedCopy> copies = new ArrayList<>();
    for (MarkedCopyRequest request : requests) {
      MarkedCopy copy = await(request, deadline);
      if (copy == null) {
        return List.of();
      }
      copies.add(copy);
    }
    return copies;
  }

  private void start(MarkedCopyRequest request) {
    MarkedCopyWorkflow workflow =
        workflows.newWorkflowStub(
            MarkedCopyWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId(request))
                .setTaskQueue(TaskQueues.TRACK_WORKFLOWS)
                .setStaticSummary(
                    "marked "
                        + request.format().name().toLowerCase(Locale.ROOT)
                        + " of "
                        + request.trackId()
                        + " for "
                        + request.licensee())
                .setWorkflowExecutionTimeout(settings.copyRunTimeout())
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
                .build());
    try {
      WorkflowClient.start(workflow::make, request);
    } catch (WorkflowExecutionAlreadyStarted e) {
      // Made before, successfully: that run's result is the copy.
    }
  }

  /** The copy, or null while its run is still going after the deadline. */
  private MarkedCopy await(MarkedCopyRequest request, long deadlineNanos) {
    WorkflowStub run = workflows.newUntypedWorkflowStub(workflowId(request));
    long waitMillis = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    if (waitMillis == 0) {
      boolean running =
          run.describe().getStatus()
              == io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
      if (running) {
        return null;
      }
      waitMillis = CLOSED_RESULT_WAIT_MILLIS;
    }
    try {
      return run.getResult(waitMillis, TimeUnit.MILLISECONDS, MarkedCopy.class);
    } catch (TimeoutException e) {
      return null;
    } catch (WorkflowFailedException e) {
      throw failed(request, e);
    }
  }

  /**
   * A refusal of the licence half (the track lost the format, say) keeps its meaning; anything else
   * is the pipeline's: the next request starts a new run, since the reuse policy allows one after a
   * failure.
   */
  private static RuntimeException failed(MarkedCopyRequest request, WorkflowFailedException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure app && LicenceProblems.isLicenceFailure(app.getType())) {
        return LicenceProblems.of(app.getType(), app.getOriginalMessage());
      }
    }
    return Problems.exception(
        HttpStatus.BAD_GATEWAY,
        "marked-copy-failed",
        "Marked copy failed",
        "Making the "
            + request.format().name()
            + " copy of licence "
            + request.licenceId()
            + " failed in the pipeline ("
            + e.getCause().getMessage()
            + "); ask again to start a new attempt.");
  }

  private static String workflowId(MarkedCopyRequest request) {
    return MarkedCopyWorkflow.workflowId(request.licenceId(), request.format());
  }
}
