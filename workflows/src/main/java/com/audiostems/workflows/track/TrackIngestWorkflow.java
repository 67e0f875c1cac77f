package com.audiostems.workflows.track;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One track's journey: probe → validate → read metadata → encode → verify → publish. */
@WorkflowInterface
public interface TrackIngestWorkflow {

  static String workflowId(String trackId) {
    return "track-" + trackId;
  }

  @WorkflowMethod
  TrackIngestResult ingest(TrackIngestRequest request);

  /** The stage and each output's progress. */
  @QueryMethod
  TrackProgress progress();

  /** Sent by the encode activities as ffmpeg advances; only moves an output's progress forward. */
  @SignalMethod
  void reportOutputProgress(OutputProgress progress);
}
