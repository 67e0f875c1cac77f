package com.audiostems.workflows.track;

/** Where a track's journey stands, in order. */
public enum TrackStage {
  STARTED,
  PROBING,
  VALIDATING,
  /** Fingerprinted and looked up in the catalogue and the reference works. */
  IDENTIFYING,
  /** Matches a third party's reference work: waiting for an operator to approve or reject it. */
  HELD_FOR_REVIEW,
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
