package com.audiostems.workflows.track;

import com.audiostems.workflows.catalogue.CatalogueMatch;
import java.util.List;

/**
 * What the progress query answers.
 *
 * @param version the published output version (0 before the first publication)
 * @param failure why the track (or its last re-process) failed; null otherwise
 * @param analysis the analysis, which runs beside encoding: "pending", "analysing", "done" or
 *     "failed"
 * @param heldFor while the stage is {@code HELD_FOR_REVIEW}: the reference works the recording
 *     matches, best first, which the operator decides on; empty otherwise
 */
public record TrackProgress(
    String trackId,
    TrackStage stage,
    int version,
    List<OutputProgress> outputs,
    String failure,
    String analysis,
    List<CatalogueMatch> heldFor) {

  public TrackProgress {
    heldFor = heldFor == null ? List.of() : List.copyOf(heldFor);
  }

  /** Progress of a track that is not held for review. */
  public TrackProgress(
      String trackId,
      TrackStage stage,
      int version,
      List<OutputProgress> outputs,
      String failure,
      String analysis) {
    this(trackId, stage, version, outputs, failure, analysis, List.of());
  }
}
