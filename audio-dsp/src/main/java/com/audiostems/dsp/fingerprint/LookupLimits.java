package com.audiostems.dsp.fingerprint;

/**
 * How far one lookup goes: how many postings it may read, and the lowest score worth returning.
 *
 * @param postingBudget postings read at most: the query's probed hashes are read rarest first while
 *     they fit, and the best candidates are then verified against their whole fingerprints (see
 *     {@link FingerprintMatcher}); {@link FingerprintMatcher#UNLIMITED} reads every probed hash
 *     (the exact answer)
 * @param minScore candidates scoring less are left out, and tracks with fewer hits are not analysed
 *     (the score counts distinct query frames among a track's hits): in a large catalogue that is
 *     nearly every track, so a lookup that only wants decisions ({@link
 *     FingerprintMatcher#DECISION_MIN_SCORE}) is cheaper. A track needs at least 4 consistent votes
 *     in any case (a lower minimum acts as 4).
 */
public record LookupLimits(long postingBudget, int minScore) {

  public LookupLimits {
    if (postingBudget < 0) {
      throw new IllegalArgumentException("posting budget " + postingBudget + " is negative");
    }
    if (minScore < 0) {
      throw new IllegalArgumentException("minimum score " + minScore + " is negative");
    }
  }

  /**
   * The production lookup: within {@link FingerprintMatcher#DEFAULT_POSTING_BUDGET}, only the
   * candidates that reach {@link FingerprintMatcher#DECISION_MIN_SCORE} (the first one, if any, is
   * the identified track).
   */
  public static LookupLimits production() {
    return new LookupLimits(
        FingerprintMatcher.DEFAULT_POSTING_BUDGET, FingerprintMatcher.DECISION_MIN_SCORE);
  }

  /** Every probed hash and every candidate: the exact answer, whatever it costs. */
  public static LookupLimits exact() {
    return allCandidates(FingerprintMatcher.UNLIMITED);
  }

  /** Every candidate with at least 4 consistent votes (the least the matcher analyses). */
  public static LookupLimits allCandidates(long postingBudget) {
    return new LookupLimits(postingBudget, FingerprintMatcher.MIN_HITS);
  }

  /** The same minimum score, another posting budget. */
  public LookupLimits withPostingBudget(long postingBudget) {
    return new LookupLimits(postingBudget, minScore);
  }

  /** The same budget, another minimum score. */
  public LookupLimits withMinScore(int score) {
    return new LookupLimits(postingBudget, score);
  }

  /** The score a track must reach to be returned (and the hits it needs to be analysed). */
  int scoreFloor() {
    return Math.max(FingerprintMatcher.MIN_HITS, minScore);
  }
}
