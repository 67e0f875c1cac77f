package com.audiostems.ledger.analytics;

import java.time.Instant;
import java.util.List;

/**
 * The quality of the sources whose journeys ended in {@code [from, to)} and were scored: {@code GET
 * /v1/analytics/quality} and {@code audiostems analytics quality}.
 *
 * @param meanScore null with no scored tracks
 * @param scoreDistribution ten buckets, 0-9 to 90-100, every bucket listed
 * @param tiers tracks by the highest tier they pass ({@code none} when none), most first
 * @param findingsByCode the quality reports' findings, by the tracks that have them, most first
 */
public record QualityAnalytics(
    Instant from,
    Instant to,
    long tracksScored,
    Double meanScore,
    List<ScoreBucket> scoreDistribution,
    List<TierCount> tiers,
    List<FindingCount> findingsByCode) {

  /** Scores from {@code minScore} to {@code maxScore}, both included. */
  public record ScoreBucket(int minScore, int maxScore, long tracks) {}

  public record TierCount(String tier, long tracks) {}

  /**
   * @param tracks tracks whose report has the code at least once
   * @param occurrences the code's findings over all of them
   */
  public record FindingCount(String code, long tracks, long occurrences) {}
}
