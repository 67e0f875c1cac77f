package com.audiostems.workflows.catalogue;

/**
 * How an ingest treats catalogue matches.
 *
 * @param duplicates what a match against a published track does
 * @param reviewTimeoutSeconds how long a reference match waits for an operator's decision
 * @param onReviewTimeout what happens when nobody decides in time
 */
public record CataloguePolicy(
    DuplicatePolicy duplicates, long reviewTimeoutSeconds, ReviewTimeoutPolicy onReviewTimeout) {

  /** A week to review, then rejected; duplicates rejected. */
  public static final CataloguePolicy DEFAULT =
      new CataloguePolicy(DuplicatePolicy.REJECT, 7 * 24 * 3600L, ReviewTimeoutPolicy.REJECT);

  public CataloguePolicy {
    if (duplicates == null) {
      duplicates = DuplicatePolicy.REJECT;
    }
    if (onReviewTimeout == null) {
      onReviewTimeout = ReviewTimeoutPolicy.REJECT;
    }
    if (reviewTimeoutSeconds <= 0) {
      reviewTimeoutSeconds = DEFAULT_REVIEW_TIMEOUT_SECONDS;
    }
  }

  private static final long DEFAULT_REVIEW_TIMEOUT_SECONDS = 7 * 24 * 3600L;
}
