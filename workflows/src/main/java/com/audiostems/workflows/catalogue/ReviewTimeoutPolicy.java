package com.audiostems.workflows.catalogue;

/** What a track held for copyright review becomes when no operator decides in time. */
public enum ReviewTimeoutPolicy {
  /** Rejected ({@code CopyrightReviewRejected}): the cautious default for a licensing catalogue. */
  REJECT,
  /** Published, the match recorded in its manifest. */
  APPROVE
}
