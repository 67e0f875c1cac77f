package com.audiostems.gateway.licences;

import com.audiostems.gateway.problems.Problems;
import com.audiostems.gateway.security.ApiClient;
import com.audiostems.gateway.tracks.WorkerCalls;
import com.audiostems.workflows.licence.LicenceIds;
import com.audiostems.workflows.licence.LicenceState;
import com.audiostems.workflows.licence.LicenceWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Finds a licence's workflow and reads its state. A licence the caller may not read answers exactly
 * like a missing one (404), so that a licensee cannot probe for other licensees' licence ids.
 */
@Component
public class LicenceFinder {
  /** Temporal's default workflow type name: the interface's simple name. */
  static final String WORKFLOW_TYPE = LicenceWorkflow.class.getSimpleName();

  private final WorkflowClient workflows;
  private final WorkerCalls workers;

  public LicenceFinder(WorkflowClient workflows, WorkerCalls workers) {
    this.workflows = workflows;
    this.workers = workers;
  }

  /** The licence, whoever asks; a malformed id is a 400, a missing licence a 404. */
  public LicenceExecution find(String licenceId) {
    if (!LicenceIds.isLicenceId(licenceId)) {
      throw Problems.badRequest(
          "bad-id", "'" + licenceId + "' is not a licence id (30 lower-case hex digits).");
    }
    WorkflowExecutionDescription description;
    try {
      description =
          workflows.newUntypedWorkflowStub(LicenceWorkflow.workflowId(licenceId)).describe();
    } catch (WorkflowNotFoundException e) {
      throw notFound(licenceId);
    }
    LicenceMemo memo = description.getMemo(LicenceMemo.KEY, LicenceMemo.class, LicenceMemo.class);
    if (!WORKFLOW_TYPE.equals(description.getWorkflowType()) || memo == null) {
      throw notFound(licenceId);
    }
    return new LicenceExecution(licenceId, description, memo);
  }

  /** The licence if this client may read it; otherwise the same 404 as a missing one. */
  public LicenceExecution findFor(ApiClient client, String licenceId) {
    LicenceExecution licence = find(licenceId);
    if (!client.readsLicenceOf(licence.licensee())) {
      throw notFound(licenceId);
    }
    return licence;
  }

  /**
   * The licence's state now: a running licence answers its query; an ended one's final state is its
   * workflow's result, which needs no worker.
   */
  public LicenceState state(LicenceExecution licence) {
    if (licence.running()) {
      return workers.call(licence.licenceId(), workflowOf(licence)::state);
    }
    WorkflowStub stub = WorkflowStub.fromTyped(workflowOf(licence));
    try {
      return stub.getResult(10, TimeUnit.SECONDS, LicenceState.class);
    } catch (TimeoutException | WorkflowException e) {
      // Closed without a result (terminated, failed): its last state is still its query's answer.
      return workers.call(licence.licenceId(), workflowOf(licence)::state);
    }
  }

  public LicenceWorkflow workflowOf(LicenceExecution licence) {
    return workflows.newWorkflowStub(
        LicenceWorkflow.class, LicenceWorkflow.workflowId(licence.licenceId()));
  }

  static RuntimeException notFound(String licenceId) {
    return Problems.notFound("licence-not-found", "No licence '" + licenceId + "'.");
  }
}
