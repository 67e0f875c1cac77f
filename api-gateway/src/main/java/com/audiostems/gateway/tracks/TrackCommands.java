package com.audiostems.gateway.tracks;

import com.audiostems.gateway.problems.Problems;
import com.audiostems.gateway.security.ApiClient;
import com.audiostems.workflows.catalogue.ReviewDecision;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.track.ReprocessRequest;
import com.audiostems.workflows.track.TrackIngestWorkflow;
import com.audiostems.workflows.track.TrackStage;
import io.temporal.client.WorkflowStub;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What operators do to a live track: re-process outputs (an update), decide a review (a signal) and
 * delete it (a cancel).
 */
@Component
public class TrackCommands {
  private final TrackFinder finder;
  private final WorkerCalls workers;

  public TrackCommands(TrackFinder finder, WorkerCalls workers) {
    this.finder = finder;
    this.workers = workers;
  }

  /**
   * Sends the {@code reprocess} update and returns the version it will publish. The workflow's
   * validator decides whether the request can be met (published, alive, formats this source can
   * have); its refusal becomes a 422 problem.
   */
  public TrackAccepted reprocess(ApiClient client, String trackId, ReprocessBody body) {
    TrackExecution track = requireLive(finder.find(client, trackId));
    List<OutputFormat> formats = FormatAndTierNames.formats(body.formats());
    String reason =
        body.reason() == null || body.reason().isBlank() ? "requested" : body.reason().strip();
    ReprocessRequest request =
        new ReprocessRequest(formats, reason + " (by " + client.name() + ")");
    // Once the validator has accepted it, the handler only queues the request and returns the
    // version.
    int version = workers.call(trackId, () -> finder.workflowOf(track).reprocess(request));
    return new TrackAccepted(trackId, version, TrackLinks.of(trackId));
  }

  /**
   * Sends an operator's decision on a track held because it matches a reference work. Only a track
   * that is held right now takes one (else a 409); the workflow also ignores a decision that
   * arrives after another or after its timeout has decided.
   */
  public TrackAccepted review(ApiClient client, String trackId, ReviewBody body) {
    TrackExecution track = requireLive(finder.find(client, trackId));
    TrackIngestWorkflow workflow = finder.workflowOf(track);
    TrackStage stage = workers.call(trackId, () -> workflow.progress().stage());
    if (stage != TrackStage.HELD_FOR_REVIEW) {
      throw Problems.conflict(
          "track-not-held-for-review",
          "Track '"
              + trackId
              + "' is in stage "
              + stage
              + ", not held for review; there is nothing to decide.");
    }
    String note = body.note() == null || body.note().isBlank() ? null : body.note().strip();
    workflow.reviewReferenceMatch(new ReviewDecision(body.approve(), client.name(), note));
    return TrackAccepted.of(trackId);
  }

  /**
   * Cancels the track's workflow, which unpublishes it (or compensates a half-done ingest) on its
   * own. Deleting a track that is already deleted is accepted again: DELETE is idempotent.
   */
  public TrackAccepted delete(ApiClient client, String trackId) {
    TrackExecution track = finder.find(client, trackId);
    if (track.status() == WorkflowStatus.CANCELED) {
      return TrackAccepted.of(trackId);
    }
    WorkflowStub.fromTyped(finder.workflowOf(requireLive(track)))
        .cancel("deleted through the API by " + client.name());
    return TrackAccepted.of(trackId);
  }

  private static TrackExecution requireLive(TrackExecution track) {
    if (track.status() != WorkflowStatus.RUNNING) {
      throw Problems.conflict(
          "track-closed",
          "Track '"
              + track.trackId()
              + "' is "
              + track.status().apiName()
              + "; only a live track can be changed.");
    }
    return track;
  }
}
