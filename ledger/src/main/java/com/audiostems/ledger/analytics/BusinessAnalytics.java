package com.audiostems.ledger.analytics;

import java.time.Instant;
import java.util.List;

/**
 * Deliveries made and licences granted in {@code [from, to)}: {@code GET /v1/analytics/business}
 * and {@code audiostems analytics business}. Lists of {@link Count} are most first, then by key.
 *
 * @param revenueByCurrency the fees of the licences granted, by currency (no conversion)
 * @param trending the tracks delivered most in the window that ends at {@code to}
 * @param hourOfDayUtc 24 rows, hour 0 to 23
 * @param dayOfWeekUtc 7 rows, MONDAY to SUNDAY
 */
public record BusinessAnalytics(
    Instant from,
    Instant to,
    Deliveries deliveries,
    Licences licences,
    List<Revenue> revenueByCurrency,
    Trending trending,
    List<HourCount> hourOfDayUtc,
    List<DayCount> dayOfWeekUtc) {

  /** A key (licensee, territory, track, genre) and how many. */
  public record Count(String key, long count) {}

  /**
   * @param byTerritory by the territory the licensee claimed ({@code unclaimed} when none)
   * @param byGenre by the track's genre tag ({@code unknown} when none)
   */
  public record Deliveries(
      long total,
      long bytes,
      List<Count> byLicensee,
      List<Count> byTerritory,
      List<Count> byTrack,
      List<Count> byGenre) {}

  /**
   * @param byTerritory each licence counts once for each territory it names
   * @param byStatus ACTIVE, EXPIRED or REVOKED as the ledger holds them now
   */
  public record Licences(
      long total,
      List<Count> byLicensee,
      List<Count> byTerritory,
      List<Count> byTrack,
      List<Count> byGenre,
      List<Count> byStatus) {}

  public record Revenue(String currency, long feeMinorUnits, long licences) {}

  /**
   * @param windowStart {@code to} minus the window; the previous window is as long, just before it
   * @param tracks at most ten, by deliveries in the window, most first
   */
  public record Trending(Instant windowStart, Instant windowEnd, List<TrendingTrack> tracks) {}

  public record TrendingTrack(String trackId, long deliveries, long previousWindowDeliveries) {}

  public record HourCount(int hour, long deliveries, long licences) {}

  public record DayCount(String day, long deliveries, long licences) {}
}
