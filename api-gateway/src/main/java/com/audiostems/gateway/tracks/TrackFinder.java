package com.audiostems.gateway.tracks;

import com.audiostems.gateway.problems.Problems;
import com.audiostems.gateway.security.ApiClient;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.track.TrackIngestWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import org.springframework.stereotype.Component;

/**
 * Finds a track for a client. A track the client may not read answers exactly like a missing one
 * (404), so that uploaders cannot probe for other clients' track ids.
 */
@Component
public class TrackFinder {
  /** Temporal's default workflow type name: the interface's simple name. */
  public static final String WORKFLOW_TYPE = TrackIngestWorkflow.class.getSimpleName();

  private final WorkflowClient workflows;

  public TrackFinder(WorkflowClient workflows) {
    this.workflows = workflows;
  }

  public TrackExecution find(ApiClient client, String trackId) {
    BlobKeys.requireTrackId(trackId);
    WorkflowExecutionDescription description =
        workflows.newUntypedWorkflowStub(TrackIngestWorkflow.workflowId(trackId)).describe();
    TrackMemo memo = description.getMemo(TrackMemo.KEY, TrackMemo.class, TrackMemo.class);
    boolean readable =
        client.readsAllTracks() || (memo != null && client.name().equals(memo.owner()));
    if (!WORKFLOW_TYPE.equals(description.getWorkflowType()) || !readable) {
      throw Problems.notFound("track-not-found", "No track '" + trackId + "'.");
    }
    return new TrackExecution(trackId, description, memo);
  }

  /** The typed stub of a found track, for its queries and update. */
  public TrackIngestWorkflow workflowOf(TrackExecution track) {
    return workflows.newWorkflowStub(TrackIngestWorkflow.class, track.workflowId());
  }
}
