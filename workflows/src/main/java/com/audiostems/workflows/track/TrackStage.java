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
  /** A published track re-encoding some outputs; the published version stays readable meanwhile. */
  REPROCESSING,
  COMPENSATING,
  FAILED,
  CANCELLED
}
