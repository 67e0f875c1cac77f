package com.audiostems.ledger.analytics;

import com.audiostems.ledger.LedgerException;
import com.audiostems.ledger.ProcessingRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The analytics over the ledger: the one place the gateway's {@code /v1/analytics/*} and {@code
 * audiostems analytics} read their figures from. Each query reads the rows of its window (bounded
 * by an index on the time column) and aggregates them here, so the figures are the same on
 * PostgreSQL and H2 (no dialect's percentile or time-zone functions) and hours and days are UTC.
 */
public final class LedgerAnalytics {
  /** The trending list's length. */
  static final int TRENDING_TRACKS = 10;

  private final DataSource dataSource;

  public LedgerAnalytics(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Journeys that ended in {@code [from, to)}. */
  public ProcessingAnalytics processing(Instant from, Instant to, Granularity granularity) {
    requireWindow(from, to);
    List<Ended> ended =
        query(
            "read the processing records from " + from + " to " + to,
            "SELECT track_id, outcome, reason_code, ended_at, jvm_cpu_millis, ffmpeg_cpu_millis,"
                + " duration_seconds FROM processing_records WHERE ended_at >= ? AND ended_at < ?",
            from,
            to,
            rs ->
                new Ended(
                    rs.getString(1),
                    ProcessingRecord.Outcome.valueOf(rs.getString(2)),
                    rs.getString(3),
                    instant(rs, 4),
                    rs.getLong(5),
                    rs.getLong(6),
                    (Double) rs.getObject(7)));
    TreeMap<Instant, List<Ended>> byPeriod = new TreeMap<>();
    Map<List<String>, Long> reasons = new HashMap<>();
    for (Ended e : ended) {
      byPeriod.computeIfAbsent(granularity.periodStart(e.endedAt), k -> new ArrayList<>()).add(e);
      if (e.outcome == ProcessingRecord.Outcome.REJECTED
          || e.outcome == ProcessingRecord.Outcome.FAILED) {
        reasons.merge(List.of(e.outcome.name(), String.valueOf(e.reasonCode)), 1L, Long::sum);
      }
    }
    List<ProcessingAnalytics.Period> periods = new ArrayList<>();
    byPeriod.forEach(
        (start, rows) -> {
          Tally t = Tally.of(rows);
          periods.add(
              new ProcessingAnalytics.Period(
                  start,
                  rows.size(),
                  t.published,
                  t.rejected,
                  t.failed,
                  t.cancelled,
                  t.failureRate(),
                  t.cpuMillis / 1000.0));
        });
    Tally all = Tally.of(ended);
    double hours = Duration.between(from, to).toMillis() / 3_600_000.0;
    ProcessingAnalytics.Totals totals =
        new ProcessingAnalytics.Totals(
            ended.size(),
            all.published,
            all.rejected,
            all.failed,
            all.cancelled,
            all.failureRate(),
            all.published / hours,
            all.cpuMillis / 1000.0,
            all.ffmpegCpuMillis / 1000.0,
            ended.isEmpty() ? 0 : all.cpuMillis / 1000.0 / ended.size(),
            all.publishedAudioSeconds);
    List<ProcessingAnalytics.ReasonCount> failures =
        reasons.entrySet().stream()
            .map(
                r ->
                    new ProcessingAnalytics.ReasonCount(
                        r.getKey().get(0), r.getKey().get(1), r.getValue()))
            .sorted(
                Comparator.comparingLong(ProcessingAnalytics.ReasonCount::tracks)
                    .reversed()
                    .thenComparing(ProcessingAnalytics.ReasonCount::outcome)
                    .thenComparing(ProcessingAnalytics.ReasonCount::reasonCode))
            .toList();
    return new ProcessingAnalytics(
        from, to, granularity.label(), totals, periods, failures, stageTimes(from, to));
  }

  private List<ProcessingAnalytics.StageTimes> stageTimes(Instant from, Instant to) {
    record StageTime(String stage, int position, long millis) {}
    List<StageTime> rows =
        query(
            "read the stage times from " + from + " to " + to,
            "SELECT s.stage, s.position, s.millis FROM processing_stage_times s"
                + " JOIN processing_records r ON r.track_id = s.track_id"
                + " WHERE r.ended_at >= ? AND r.ended_at < ?",
            from,
            to,
            rs -> new StageTime(rs.getString(1), rs.getInt(2), rs.getLong(3)));
    Map<String, List<Long>> millisByStage = new HashMap<>();
    Map<String, Integer> firstPosition = new HashMap<>();
    for (StageTime row : rows) {
      millisByStage.computeIfAbsent(row.stage, k -> new ArrayList<>()).add(row.millis);
      firstPosition.merge(row.stage, row.position, Math::min);
    }
    return millisByStage.entrySet().stream()
        .sorted(
            Comparator.comparing((Map.Entry<String, List<Long>> e) -> firstPosition.get(e.getKey()))
                .thenComparing(Map.Entry::getKey))
        .map(
            e -> {
              long[] sorted = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
              return new ProcessingAnalytics.StageTimes(
                  e.getKey(),
                  sorted.length,
                  nearestRank(sorted, 50),
                  nearestRank(sorted, 95),
                  sorted[sorted.length - 1]);
            })
        .toList();
  }

  /** The smallest value that {@code percent} % of {@code sorted} do not exceed (nearest rank). */
  static long nearestRank(long[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  /** Scored journeys that ended in {@code [from, to)}. */
  public QualityAnalytics quality(Instant from, Instant to) {
    requireWindow(from, to);
    record Scored(String trackId, int score, String tier) {}
    List<Scored> scored =
        query(
            "read the quality scores from " + from + " to " + to,
            "SELECT track_id, quality_score, quality_tier FROM processing_records"
                + " WHERE ended_at >= ? AND ended_at < ? AND quality_score IS NOT NULL",
            from,
            to,
            rs -> new Scored(rs.getString(1), rs.getInt(2), rs.getString(3)));
    long[] buckets = new long[10];
    Map<String, Long> tiers = new HashMap<>();
    long sum = 0;
    for (Scored s : scored) {
      buckets[Math.min(Math.max(s.score, 0) / 10, 9)]++;
      tiers.merge(s.tier == null ? "none" : s.tier, 1L, Long::sum);
      sum += s.score;
    }
    List<QualityAnalytics.ScoreBucket> distribution = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      distribution.add(
          new QualityAnalytics.ScoreBucket(i * 10, i == 9 ? 100 : i * 10 + 9, buckets[i]));
    }
    record Finding(String code, int occurrences) {}
    List<Finding> findings =
        query(
            "read the quality findings from " + from + " to " + to,
            "SELECT f.code, f.occurrences FROM processing_findings f"
                + " JOIN processing_records r ON r.track_id = f.track_id"
                + " WHERE r.ended_at >= ? AND r.ended_at < ? AND r.quality_score IS NOT NULL",
            from,
            to,
            rs -> new Finding(rs.getString(1), rs.getInt(2)));
    Map<String, long[]> byCode = new HashMap<>();
    for (Finding f : findings) {
      long[] counts = byCode.computeIfAbsent(f.code, k -> new long[2]);
      counts[0]++;
      counts[1] += f.occurrences;
    }
    return new QualityAnalytics(
        from,
        to,
        scored.size(),
        scored.isEmpty() ? null : (double) sum / scored.size(),
        distribution,
        tiers.entrySet().stream()
            .map(t -> new QualityAnalytics.TierCount(t.getKey(), t.getValue()))
            .sorted(
                Comparator.comparingLong(QualityAnalytics.TierCount::tracks)
                    .reversed()
                    .thenComparing(QualityAnalytics.TierCount::tier))
            .toList(),
        byCode.entrySet().stream()
            .map(
                c ->
                    new QualityAnalytics.FindingCount(c.getKey(), c.getValue()[0], c.getValue()[1]))
            .sorted(
                Comparator.comparingLong(QualityAnalytics.FindingCount::tracks)
                    .reversed()
                    .thenComparing(QualityAnalytics.FindingCount::code))
            .toList());
  }

  private record Delivery(
      String licensee, String trackId, long bytes, Instant at, String territory, String genre) {}

  private record Licence(
      String licensee,
      String trackId,
      List<String> territories,
      long feeMinorUnits,
      String currency,
      String status,
      Instant at,
      String genre) {}

  /**
   * Deliveries and licence grants in {@code [from, to)}; trending over the {@code trendingWindow}
   * that ends at {@code to}.
   */
  public BusinessAnalytics business(Instant from, Instant to, Duration trendingWindow) {
    requireWindow(from, to);
    if (trendingWindow == null || trendingWindow.isNegative() || trendingWindow.isZero()) {
      throw new IllegalArgumentException("The trending window must be positive: " + trendingWindow);
    }
    List<Delivery> deliveries = deliveries(from, to);
    List<Licence> licences =
        query(
            "read the licences granted from " + from + " to " + to,
            "SELECT l.licensee, l.track_id, l.territories, l.fee_minor_units, l.currency,"
                + " l.status, l.granted_at, r.genre FROM licences l"
                + " LEFT JOIN processing_records r ON r.track_id = l.track_id"
                + " WHERE l.granted_at >= ? AND l.granted_at < ?",
            from,
            to,
            rs ->
                new Licence(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3).isEmpty()
                        ? List.of()
                        : Arrays.asList(rs.getString(3).split(",")),
                    rs.getLong(4),
                    rs.getString(5),
                    rs.getString(6),
                    instant(rs, 7),
                    rs.getString(8)));

    BusinessAnalytics.Deliveries delivered =
        new BusinessAnalytics.Deliveries(
            deliveries.size(),
            deliveries.stream().mapToLong(Delivery::bytes).sum(),
            countBy(deliveries, Delivery::licensee),
            countBy(deliveries, d -> d.territory == null ? "unclaimed" : d.territory),
            countBy(deliveries, Delivery::trackId),
            countBy(deliveries, d -> d.genre == null ? "unknown" : d.genre));
    Map<String, Long> territories = new HashMap<>();
    licences.forEach(l -> l.territories.forEach(t -> territories.merge(t, 1L, Long::sum)));
    BusinessAnalytics.Licences granted =
        new BusinessAnalytics.Licences(
            licences.size(),
            countBy(licences, Licence::licensee),
            sorted(territories),
            countBy(licences, Licence::trackId),
            countBy(licences, l -> l.genre == null ? "unknown" : l.genre),
            countBy(licences, Licence::status));
    Map<String, long[]> revenue = new TreeMap<>();
    for (Licence l : licences) {
      long[] r = revenue.computeIfAbsent(l.currency, k -> new long[2]);
      r[0] += l.feeMinorUnits;
      r[1]++;
    }

    Instant windowStart = to.minus(trendingWindow);
    Map<String, Long> now = countMap(deliveries(windowStart, to));
    Map<String, Long> before = countMap(deliveries(windowStart.minus(trendingWindow), windowStart));
    List<BusinessAnalytics.TrendingTrack> trending =
        now.entrySet().stream()
            .map(
                e ->
                    new BusinessAnalytics.TrendingTrack(
                        e.getKey(), e.getValue(), before.getOrDefault(e.getKey(), 0L)))
            .sorted(
                Comparator.comparingLong(BusinessAnalytics.TrendingTrack::deliveries)
                    .reversed()
                    .thenComparingLong(BusinessAnalytics.TrendingTrack::previousWindowDeliveries)
                    .thenComparing(BusinessAnalytics.TrendingTrack::trackId))
            .limit(TRENDING_TRACKS)
            .toList();

    long[][] hours = new long[24][2];
    long[][] days = new long[7][2];
    for (Delivery d : deliveries) {
      OffsetDateTime at = d.at.atOffset(ZoneOffset.UTC);
      hours[at.getHour()][0]++;
      days[at.getDayOfWeek().getValue() - 1][0]++;
    }
    for (Licence l : licences) {
      OffsetDateTime at = l.at.atOffset(ZoneOffset.UTC);
      hours[at.getHour()][1]++;
      days[at.getDayOfWeek().getValue() - 1][1]++;
    }
    List<BusinessAnalytics.HourCount> byHour = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      byHour.add(new BusinessAnalytics.HourCount(h, hours[h][0], hours[h][1]));
    }
    List<BusinessAnalytics.DayCount> byDay = new ArrayList<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      long[] c = days[day.getValue() - 1];
      byDay.add(new BusinessAnalytics.DayCount(day.name(), c[0], c[1]));
    }
    return new BusinessAnalytics(
        from,
        to,
        delivered,
        granted,
        revenue.entrySet().stream()
            .map(r -> new BusinessAnalytics.Revenue(r.getKey(), r.getValue()[0], r.getValue()[1]))
            .toList(),
        new BusinessAnalytics.Trending(windowStart, to, trending),
        byHour,
        byDay);
  }

  private List<Delivery> deliveries(Instant from, Instant to) {
    return query(
        "read the deliveries from " + from + " to " + to,
        "SELECT d.licensee, d.track_id, d.bytes, d.delivered_at, d.territory_claimed, r.genre"
            + " FROM deliveries d LEFT JOIN processing_records r ON r.track_id = d.track_id"
            + " WHERE d.delivered_at >= ? AND d.delivered_at < ?",
        from,
        to,
        rs ->
            new Delivery(
                rs.getString(1),
                rs.getString(2),
                rs.getLong(3),
                instant(rs, 4),
                rs.getString(5),
                rs.getString(6)));
  }

  private static Map<String, Long> countMap(List<Delivery> deliveries) {
    Map<String, Long> counts = new HashMap<>();
    deliveries.forEach(d -> counts.merge(d.trackId, 1L, Long::sum));
    return counts;
  }

  private static <T> List<BusinessAnalytics.Count> countBy(List<T> rows, Function<T, String> key) {
    Map<String, Long> counts = new HashMap<>();
    rows.forEach(r -> counts.merge(key.apply(r), 1L, Long::sum));
    return sorted(counts);
  }

  private static List<BusinessAnalytics.Count> sorted(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .map(e -> new BusinessAnalytics.Count(e.getKey(), e.getValue()))
        .sorted(
            Comparator.comparingLong(BusinessAnalytics.Count::count)
                .reversed()
                .thenComparing(BusinessAnalytics.Count::key))
        .toList();
  }

  /**
   * One track's figures; {@code processing} is the record {@link
   * com.audiostems.ledger.Ledger#findProcessingRecord} found (null when none).
   */
  public TrackMetrics track(String trackId, ProcessingRecord processing) {
    record Cost(String type, String outcome, long wall, long jvm, long ffmpeg) {}
    List<Cost> costs =
        queryByTrack(
            "read the activity costs of track " + trackId,
            "SELECT activity_type, outcome, wall_millis, jvm_cpu_millis, ffmpeg_cpu_millis"
                + " FROM activity_costs WHERE track_id = ? ORDER BY started_at, cost_id",
            trackId,
            rs ->
                new Cost(
                    rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
    Map<String, long[]> byType = new LinkedHashMap<>();
    for (Cost c : costs) {
      long[] t = byType.computeIfAbsent(c.type, k -> new long[5]);
      t[0]++;
      t[1] += "success".equals(c.outcome) ? 0 : 1;
      t[2] += c.wall;
      t[3] += c.jvm;
      t[4] += c.ffmpeg;
    }
    List<long[]> deliveries =
        queryByTrack(
            "count the deliveries of track " + trackId,
            "SELECT COUNT(*), COALESCE(SUM(bytes), 0) FROM deliveries WHERE track_id = ?",
            trackId,
            rs -> new long[] {rs.getLong(1), rs.getLong(2)});
    List<BusinessAnalytics.Revenue> revenue =
        queryByTrack(
            "sum the licence fees of track " + trackId,
            "SELECT currency, SUM(fee_minor_units), COUNT(*) FROM licences WHERE track_id = ?"
                + " GROUP BY currency ORDER BY currency",
            trackId,
            rs -> new BusinessAnalytics.Revenue(rs.getString(1), rs.getLong(2), rs.getLong(3)));
    return new TrackMetrics(
        trackId,
        processing,
        byType.entrySet().stream()
            .map(
                e ->
                    new TrackMetrics.ActivityCosts(
                        e.getKey(),
                        e.getValue()[0],
                        e.getValue()[1],
                        e.getValue()[2],
                        e.getValue()[3],
                        e.getValue()[4]))
            .toList(),
        deliveries.get(0)[0],
        deliveries.get(0)[1],
        revenue.stream().mapToLong(BusinessAnalytics.Revenue::licences).sum(),
        revenue);
  }

  private static void requireWindow(Instant from, Instant to) {
    if (from == null || to == null || !from.isBefore(to)) {
      throw new IllegalArgumentException(
          "The window needs from before to (ISO-8601 instants, e.g. 2026-12-01T00:00:00Z); got "
              + from
              + " to "
              + to);
    }
  }

  @FunctionalInterface
  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String what, String sql, Instant from, Instant to, Row<T> row) {
    return run(
        what,
        sql,
        ps -> {
          ps.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
          ps.setObject(2, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        },
        row);
  }

  private <T> List<T> queryByTrack(String what, String sql, String trackId, Row<T> row) {
    return run(what, sql, ps -> ps.setString(1, trackId), row);
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private <T> List<T> run(String what, String sql, Binder binder, Row<T> row) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(row.read(rs));
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new LedgerException(
          "The ledger could not "
              + what
              + ": "
              + e.getMessage()
              + " (SQLSTATE "
              + e.getSQLState()
              + ")",
          e);
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  private record Ended(
      String trackId,
      ProcessingRecord.Outcome outcome,
      String reasonCode,
      Instant endedAt,
      long jvmCpuMillis,
      long ffmpegCpuMillis,
      Double durationSeconds) {}

  private static final class Tally {
    long published;
    long rejected;
    long failed;
    long cancelled;
    long cpuMillis;
    long ffmpegCpuMillis;
    double publishedAudioSeconds;
    long tracks;

    static Tally of(List<Ended> rows) {
      Tally t = new Tally();
      for (Ended e : rows) {
        t.tracks++;
        switch (e.outcome) {
          case PUBLISHED -> {
            t.published++;
            t.publishedAudioSeconds += e.durationSeconds == null ? 0 : e.durationSeconds;
          }
          case REJECTED -> t.rejected++;
          case FAILED -> t.failed++;
          case CANCELLED -> t.cancelled++;
        }
        t.cpuMillis += e.jvmCpuMillis + e.ffmpegCpuMillis;
        t.ffmpegCpuMillis += e.ffmpegCpuMillis;
      }
      return t;
    }

    double failureRate() {
      return tracks == 0 ? 0 : (double) (rejected + failed) / tracks;
    }
  }
}
