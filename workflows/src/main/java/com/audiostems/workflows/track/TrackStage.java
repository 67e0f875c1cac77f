package com.audiostems.workflows.track;

/** Where a track's journey stands, in order. */
public enum TrackStage {
  STARTED,
  PROBING,
  VALIDATING,
  READING_METADATA,
  ENCODING,
  VERIFYING,
  PUBLISHING,
  PUBLISHED,
  COMPENSATING,
  FAILED,
  CANCELLED
}
