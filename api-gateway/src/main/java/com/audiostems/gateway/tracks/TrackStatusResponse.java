package com.audiostems.gateway.tracks;

import com.audiostems.workflows.catalogue.CatalogueMatch;
import com.audiostems.workflows.track.OutputProgress;
import com.audiostems.workflows.track.TrackStage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * Where a track stands.
 *
 * @param status the workflow's status: running while the track lives (also once published);
 *     canceled once deleted; failed when its ingest failed
 * @param stage the pipeline stage (from the workflow's progress query while it runs)
 * @param version the published output version; 0 while nothing is published; null when answered
 *     from the search index, which does not hold it
 * @param outputs each output's progress in the current ingest or re-process
 * @param failure why the ingest (or the last re-process) failed, "Type: message"; null otherwise
 * @param analysis the analysis beside encoding: pending, analysing, done or failed; null once the
 *     workflow has closed (the manifest then holds the analysis)
 * @param heldFor in stage HELD_FOR_REVIEW: the reference works the recording matches (id, title,
 *     score, the matched range in both files), which POST .../review decides on; empty otherwise
 * @param requested what the client asked for at start; null for tracks started outside the gateway
 * @param answeredFrom where this answer comes from: the running workflow's progress query, the
 *     search index (the stage the workflow last indexed, when its workers were too busy or down to
 *     answer the query in time; outputs, analysis and failure are then unknown and left empty), or
 *     the closed workflow's close event
 */
public record TrackStatusResponse(
    String trackId,
    WorkflowStatus status,
    TrackStage stage,
    Integer version,
    List<OutputProgress> outputs,
    String failure,
    String analysis,
    List<CatalogueMatch> heldFor,
    String fileName,
    Requested requested,
    Instant startedAt,
    Instant closedAt,
    TrackLinks links,
    AnsweredFrom answeredFrom) {

  /** Where a status answer comes from (see {@link TrackStatusResponse}). */
  public enum AnsweredFrom {
    PROGRESS_QUERY,
    SEARCH_INDEX,
    CLOSE_EVENT
  }

  @Schema(
      description =
          "The start request as recorded; the tier is enforced by the quality checks, the watermark flag is recorded only.")
  public record Requested(List<String> formats, String minimumTier, boolean watermark) {

    static Requested of(TrackMemo memo) {
      return memo == null
          ? null
          : new Requested(memo.formats(), memo.minimumTier(), memo.watermark());
    }
  }
}
