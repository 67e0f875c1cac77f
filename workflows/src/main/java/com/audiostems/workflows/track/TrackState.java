package com.audiostems.workflows.track;

import com.audiostems.workflows.catalogue.CatalogueMatch;
import com.audiostems.workflows.media.HlsLadder;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.storage.TrackManifest;
import com.audiostems.workflows.watermark.PreviewMark;
import io.temporal.workflow.Workflow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a track's journey stands: the one object its queries, its Temporal UI details and its
 * search attributes are read from. A run that continues as new starts a fresh one from the
 * published manifest.
 */
final class TrackState {
  String trackId;
  TrackStage stage = TrackStage.STARTED;

  /** Why the journey stopped or is waiting, for the progress query; null while all is well. */
  String failure;

  final Map<OutputFormat, OutputProgress> outputs = new LinkedHashMap<>();
  final Map<String, Long> stageMillis = new LinkedHashMap<>();
  private long stageStartedAt;

  /** The track as last published; null until the first version is. */
  TrackManifest published;

  /** "Title — Artist" once the tags are read; the file name until then. */
  String title;

  /** pending, analysing, done or failed: the analysis runs beside the stages. */
  String analysisState = "pending";

  /** The reference works a held track matches; empty when not held. */
  List<CatalogueMatch> heldFor = List.of();

  /** The mark the preview of the version being made carries; null until its lane has stored it. */
  PreviewMark previewMark;

  /** The HLS ladder of the version being made; null until its lane has stored it, or none asked. */
  HlsLadder previewLadder;

  /** The track's id and the name it was uploaded under, when its journey starts. */
  void start(String trackId, String uploadedAs) {
    this.trackId = trackId;
    this.title = uploadedAs;
  }

  /** Moves to the next stage, timing the one it leaves. */
  void enter(TrackStage next) {
    long now = Workflow.currentTimeMillis();
    if (stage != TrackStage.STARTED && stage != TrackStage.PUBLISHED) {
      stageMillis.put(stage.name(), now - stageStartedAt);
    }
    stage = next;
    stageStartedAt = now;
    Workflow.upsertTypedSearchAttributes(TrackSearchAttributes.TRACK_STAGE.valueSet(next.name()));
    showDetails();
  }

  /** How the journey ended, for listing tracks by outcome. */
  void outcome(String outcome) {
    Workflow.upsertTypedSearchAttributes(
        TrackSearchAttributes.TRACK_STAGE.valueSet(stage.name()),
        TrackSearchAttributes.TRACK_OUTCOME.valueSet(outcome));
    showDetails();
  }

  void output(OutputFormat format, double fraction, String state) {
    outputs.put(format, new OutputProgress(format, fraction, state));
  }

  /**
   * A lane's report of its encoding; reports may arrive late or out of order, so it only moves
   * forward.
   */
  void encodingProgress(OutputProgress progress) {
    OutputProgress current = outputs.get(progress.format());
    if (current != null
        && "encoding".equals(current.state())
        && progress.fraction() > current.fraction()) {
      output(progress.format(), progress.fraction(), "encoding");
    }
  }

  /**
   * The workflow's current details in the Temporal UI, so that operators read a job at a glance.
   */
  void showDetails() {
    Workflow.setCurrentDetails(TrackDetails.markdown(this));
  }

  TrackProgress progress() {
    return new TrackProgress(
        trackId,
        stage,
        published == null ? 0 : published.version(),
        List.copyOf(outputs.values()),
        failure,
        analysisState,
        heldFor);
  }
}
