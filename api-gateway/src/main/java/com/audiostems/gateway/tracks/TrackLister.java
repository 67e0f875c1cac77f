package com.audiostems.gateway.tracks;

import com.audiostems.gateway.problems.Problems;
import com.audiostems.workflows.track.TrackIngestWorkflow;
import com.google.protobuf.ByteString;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionMetadata;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Lists tracks through Temporal's visibility store with a query on the workflow type and status.
 * The list call is made directly (rather than through {@code WorkflowClient.listExecutions}, which
 * streams every page) so that the page size and Temporal's page token reach the caller.
 */
@Component
public class TrackLister {
  private final WorkflowClient workflows;

  public TrackLister(WorkflowClient workflows) {
    this.workflows = workflows;
  }

  /**
   * @param status only tracks in this status; null for all
   * @param pageToken the previous page's {@code nextPageToken}; null for the first page
   */
  public TrackListResponse list(WorkflowStatus status, int pageSize, String pageToken) {
    Page page = page(status, pageSize, pageToken);
    return new TrackListResponse(
        page.executions().stream().map(TrackLister::summary).toList(), page.nextPageToken());
  }

  /**
   * One page of track executions as visibility holds them (memo and search attributes included),
   * for readers that need more than the summary.
   */
  public Page page(WorkflowStatus status, int pageSize, String pageToken) {
    ListWorkflowExecutionsRequest request =
        ListWorkflowExecutionsRequest.newBuilder()
            .setNamespace(workflows.getOptions().getNamespace())
            .setQuery(query(status))
            .setPageSize(pageSize)
            .setNextPageToken(decode(pageToken))
            .build();
    ListWorkflowExecutionsResponse response =
        workflows.getWorkflowServiceStubs().blockingStub().listWorkflowExecutions(request);
    return new Page(
        response.getExecutionsList().stream()
            .map(
                info ->
                    new WorkflowExecutionMetadata(info, workflows.getOptions().getDataConverter()))
            .toList(),
        response.getNextPageToken().isEmpty()
            ? null
            : Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(response.getNextPageToken().toByteArray()));
  }

  /**
   * @param nextPageToken the next page's {@code pageToken}; null on the last page
   */
  public record Page(List<WorkflowExecutionMetadata> executions, String nextPageToken) {}

  /**
   * The visibility query; both values are ours (a class name and an enum), never the caller's text.
   */
  static String query(WorkflowStatus status) {
    String byType = "WorkflowType = '" + TrackFinder.WORKFLOW_TYPE + "'";
    return status == null
        ? byType
        : byType + " AND ExecutionStatus = '" + status.visibilityName() + "'";
  }

  public static TrackListResponse.TrackSummary summary(WorkflowExecutionMetadata execution) {
    TrackMemo memo = execution.getMemo(TrackMemo.KEY, TrackMemo.class, TrackMemo.class);
    String trackId = trackIdOf(execution.getExecution().getWorkflowId());
    return new TrackListResponse.TrackSummary(
        trackId,
        WorkflowStatus.of(execution.getStatus()),
        memo == null ? null : memo.fileName(),
        memo == null ? null : memo.owner(),
        execution.getStartTime(),
        execution.getCloseTime(),
        TrackLinks.of(trackId));
  }

  private static String trackIdOf(String workflowId) {
    String trackId = TrackIngestWorkflow.trackIdOf(workflowId);
    return trackId != null ? trackId : workflowId;
  }

  private static ByteString decode(String pageToken) {
    if (pageToken == null || pageToken.isEmpty()) {
      return ByteString.EMPTY;
    }
    try {
      return ByteString.copyFrom(Base64.getUrlDecoder().decode(pageToken));
    } catch (IllegalArgumentException e) {
      throw Problems.badRequest(
          "bad-page-token",
          "pageToken must be a nextPageToken exactly as a previous page returned it.");
    }
  }
}
