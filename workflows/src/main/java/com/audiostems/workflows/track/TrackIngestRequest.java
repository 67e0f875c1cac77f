package com.audiostems.workflows.track;

import com.audiostems.workflows.catalogue.CataloguePolicy;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.storage.TrackManifest;
import java.util.List;

/**
 * Start processing an uploaded source.
 *
 * @param trackId the track's id; the workflow id is {@code track-<trackId>}
 * @param sourceKey blob-store key of the uploaded original
 * @param originalFileName the name the composer uploaded, for the manifest only
 * @param formats outputs to produce; empty means all
 * @param encodeLanes how many ffmpeg processes may encode side by side (the CPU workers' cores)
 * @param keepAlive true: after publishing, the workflow lives on as the track's entity (re-process,
 *     delete); false: it completes once the track is published (the one-shot {@code process})
 * @param requiredTier the tier the source must reach on its effective properties (the quality
 *     checks'); a source below it is rejected with the findings; null for no requirement
 * @param published the track as last published, when a run continues as new; null on the first
 * @param catalogue how duplicates and reference-work matches are treated; null for {@link
 *     CataloguePolicy#DEFAULT}
 */
public record TrackIngestRequest(
    String trackId,
    String sourceKey,
    String originalFileName,
    List<OutputFormat> formats,
    int encodeLanes,
    boolean keepAlive,
    QualityTier requiredTier,
    TrackManifest published,
    CataloguePolicy catalogue) {

  public TrackIngestRequest {
    if (catalogue == null) {
      catalogue = CataloguePolicy.DEFAULT;
    }
  }

  /** A request with the default catalogue policy. */
  public TrackIngestRequest(
      String trackId,
      String sourceKey,
      String originalFileName,
      List<OutputFormat> formats,
      int encodeLanes,
      boolean keepAlive,
      QualityTier requiredTier,
      TrackManifest published) {
    this(
        trackId,
        sourceKey,
        originalFileName,
        formats,
        encodeLanes,
        keepAlive,
        requiredTier,
        published,
        null);
  }

  /** Continues the same track in a new run, from what it has published. */
  public TrackIngestRequest resumingFrom(TrackManifest manifest) {
    return new TrackIngestRequest(
        trackId,
        sourceKey,
        originalFileName,
        formats,
        encodeLanes,
        keepAlive,
        requiredTier,
        manifest,
        catalogue);
  }
}
