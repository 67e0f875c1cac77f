package com.audiostems.ledger.analytics;

import java.time.Instant;
import java.util.List;

/**
 * How the journeys that ended in {@code [from, to)} went: {@code GET /v1/analytics/processing} and
 * {@code audiostems analytics processing}.
 *
 * @param granularity {@code day}, {@code week} or {@code month}
 * @param periods one per period that holds an ended journey, oldest first
 * @param failuresByReason rejected and failed journeys by their typed reason, most first
 * @param stageTimes each stage's wall time over the journeys that ran it, in journey order
 */
public record ProcessingAnalytics(
    Instant from,
    Instant to,
    String granularity,
    Totals totals,
    List<Period> periods,
    List<ReasonCount> failuresByReason,
    List<StageTimes> stageTimes) {

  /**
   * @param tracks journeys that ended (any outcome)
   * @param failureRate (rejected + failed) / tracks; 0 with no tracks
   * @param publishedPerHour published tracks per hour of the window (throughput)
   * @param cpuSeconds JVM and ffmpeg CPU of every journey
   * @param cpuSecondsPerTrack cpuSeconds / tracks; 0 with no tracks
   * @param publishedAudioSeconds the decoded duration of the published tracks
   */
  public record Totals(
      long tracks,
      long published,
      long rejected,
      long failed,
      long cancelled,
      double failureRate,
      double publishedPerHour,
      double cpuSeconds,
      double ffmpegCpuSeconds,
      double cpuSecondsPerTrack,
      double publishedAudioSeconds) {}

  /** One period's journeys; {@code start} is the period's first instant (UTC). */
  public record Period(
      Instant start,
      long tracks,
      long published,
      long rejected,
      long failed,
      long cancelled,
      double failureRate,
      double cpuSeconds) {}

  /**
   * @param outcome {@code REJECTED} or {@code FAILED}
   * @param reasonCode the typed failure, e.g. {@code NotAudio}
   */
  public record ReasonCount(String outcome, String reasonCode, long tracks) {}

  /**
   * Nearest-rank percentiles: the smallest time that {@code p} % of the journeys did not exceed.
   */
  public record StageTimes(
      String stage, long tracks, long p50Millis, long p95Millis, long maxMillis) {}
}
