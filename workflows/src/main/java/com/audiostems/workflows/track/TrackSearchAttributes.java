package com.audiostems.workflows.track;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/**
 * The custom search attributes of a track workflow, so that tracks can be listed by id, stage, tier
 * and outcome (in the Temporal UI or {@code temporal workflow list --query
 * "TrackStage='ENCODING'"}). A server must have them registered before a workflow upserts them;
 * {@link #ALL} is the list a server is given.
 */
public final class TrackSearchAttributes {
  /** The track's id, as in {@code track-<trackId>}. */
  public static final SearchAttributeKey<String> TRACK_ID =
      SearchAttributeKey.forKeyword("TrackId");

  /** The {@link TrackStage} name the track is in. */
  public static final SearchAttributeKey<String> TRACK_STAGE =
      SearchAttributeKey.forKeyword("TrackStage");

  /** The source's quality tier name, once validated. */
  public static final SearchAttributeKey<String> TRACK_TIER =
      SearchAttributeKey.forKeyword("TrackTier");

  /** How the journey ended: published, rejected (with the reason's type), failed or cancelled. */
  public static final SearchAttributeKey<String> TRACK_OUTCOME =
      SearchAttributeKey.forKeyword("TrackOutcome");

  public static final List<SearchAttributeKey<String>> ALL =
      List.of(TRACK_ID, TRACK_STAGE, TRACK_TIER, TRACK_OUTCOME);

  private TrackSearchAttributes() {}
}
