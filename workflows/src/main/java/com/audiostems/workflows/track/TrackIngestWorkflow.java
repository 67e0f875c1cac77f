package com.audiostems.workflows.track;

import com.audiostems.workflows.catalogue.ReviewDecision;
import com.audiostems.workflows.storage.TrackManifest;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One track's journey: probe → validate → read metadata → encode → verify → publish; then, when
 * asked to keep alive, the track's entity: it re-processes outputs on request and unpublishes the
 * track when cancelled.
 */
@WorkflowInterface
public interface TrackIngestWorkflow {

  static String workflowId(String trackId) {
    return "track-" + trackId;
  }

  /** The track of a journey's workflow id ({@link #workflowId}); null for another workflow's. */
  static String trackIdOf(String workflowId) {
    String prefix = workflowId("");
    return workflowId.startsWith(prefix) ? workflowId.substring(prefix.length()) : null;
  }

  @WorkflowMethod
  TrackIngestResult ingest(TrackIngestRequest request);

  /** The stage and each output's progress. */
  @QueryMethod
  TrackProgress progress();

  /** The manifest as published now; null before the first publication. */
  @QueryMethod
  TrackManifest manifest();

  /**
   * Queues a re-process of some outputs of the published track and returns the version it will
   * publish. Rejected (by the validator, before it enters the history) when the track is not
   * published and alive, or the request names no output or one this track cannot have.
   */
  @UpdateMethod
  int reprocess(ReprocessRequest request);

  @UpdateValidatorMethod(updateName = "reprocess")
  void validateReprocess(ReprocessRequest request);

  /**
   * An operator's decision on a track held because it matches a third party's reference work (stage
   * {@link TrackStage#HELD_FOR_REVIEW}). Ignored at any other stage, and after the first decision.
   */
  @SignalMethod
  void reviewReferenceMatch(ReviewDecision decision);

  /** Sent by the encode activities as ffmpeg advances; only moves an output's progress forward. */
  @SignalMethod
  void reportOutputProgress(OutputProgress progress);
}
