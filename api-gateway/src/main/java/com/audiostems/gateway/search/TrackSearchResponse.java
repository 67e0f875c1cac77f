package com.audiostems.gateway.search;

import com.audiostems.gateway.tracks.TrackLinks;
import com.audiostems.gateway.tracks.WorkflowStatus;
import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.track.TrackStage;
import java.time.Instant;
import java.util.List;

/**
 * One page of a track search. The criteria are applied to one page of the track list (newest
 * first), so a page may hold fewer matches than its size, even none, while later pages hold more:
 * follow {@code nextPageToken} until it is null.
 *
 * @param scanned how many tracks this page looked at
 */
public record TrackSearchResponse(List<Match> tracks, int scanned, String nextPageToken) {

  /**
   * @param stage null when visibility holds no stage for a running track (a worker has not yet
   *     recorded one)
   * @param tier, key, bpm from the published manifest; null when none is published or the analysis
   *     found none
   */
  public record Match(
      String trackId,
      WorkflowStatus status,
      TrackStage stage,
      String fileName,
      int version,
      QualityTier tier,
      Integer qualityScore,
      String key,
      Double bpm,
      Instant startedAt,
      TrackLinks links) {}
}
