package com.audiostems.gateway.tracks;

import java.time.Instant;
import java.util.List;

/**
 * One page of tracks.
 *
 * @param nextPageToken pass as {@code pageToken} for the next page; null on the last page
 */
public record TrackListResponse(List<TrackSummary> tracks, String nextPageToken) {

  /**
   * @param owner the client that started it; null for tracks started outside the gateway
   */
  public record TrackSummary(
      String trackId,
      WorkflowStatus status,
      String fileName,
      String owner,
      Instant startedAt,
      Instant closedAt,
      TrackLinks links) {}
}
