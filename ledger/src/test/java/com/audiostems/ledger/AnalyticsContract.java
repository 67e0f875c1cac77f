package com.audiostems.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.ledger.ProcessingRecord.Outcome;
import com.audiostems.ledger.analytics.BusinessAnalytics;
import com.audiostems.ledger.analytics.Granularity;
import com.audiostems.ledger.analytics.ProcessingAnalytics;
import com.audiostems.ledger.analytics.QualityAnalytics;
import com.audiostems.ledger.analytics.TrackMetrics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The analytics over known processing records, licences and deliveries: every figure is checked
 * against a count the test makes itself, with SQL straight on the tables or by hand from the rows
 * it inserted. H2 ({@code AnalyticsOnH2Test}) and PostgreSQL ({@code AnalyticsOnPostgresqlIT}).
 */
abstract class AnalyticsContract {
  /** A Monday. */
  static final Instant DAY1 = Instant.parse("2026-11-02T00:00:00Z");

  static final Instant FROM = DAY1;
  static final Instant TO = DAY1.plus(Duration.ofDays(14));

  LedgerSettings settings;
  Ledger ledger;

  abstract LedgerSettings freshDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    settings = freshDatabase();
    ledger = Ledgers.open(settings);
    seed();
  }

  @AfterEach
  void close() {
    if (ledger != null) {
      ledger.close();
    }
  }

  static Instant at(int day, int hour) {
    return DAY1.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour));
  }

  static Map<String, Long> stages(long probe, long encode) {
    Map<String, Long> stages = new LinkedHashMap<>();
    stages.put("PROBING", probe);
    stages.put("ENCODING", encode);
    return stages;
  }

  static ProcessingRecord published(
      String id, Instant end, long probe, long encode, int score, String tier, String genre) {
    return new ProcessingRecord(
        id,
        Outcome.PUBLISHED,
        null,
        end.minusSeconds(60),
        end,
        stages(probe, encode),
        1_500,
        4_000,
        score,
        tier,
        Map.of("LOSSY_SIGNATURE", 1, "CLIPPING", 2),
        120.0,
        "A minor",
        180.5,
        genre);
  }

  static ProcessingRecord ended(String id, Outcome outcome, String reason, Instant end) {
    Map<String, Long> probed = new LinkedHashMap<>();
    probed.put("PROBING", 40L);
    return new ProcessingRecord(
        id,
        outcome,
        reason,
        end.minusSeconds(5),
        end,
        probed,
        200,
        0,
        null,
        null,
        Map.of(),
        null,
        null,
        null,
        null);
  }

  /** Ten journeys over two weeks, one outside the window; licences and deliveries on them. */
  void seed() {
    ledger.saveProcessingRecord(published("t1", at(0, 9), 100, 1_000, 95, "STUDIO", "jazz"));
    ledger.saveProcessingRecord(published("t2", at(0, 10), 200, 2_000, 85, "CD", "jazz"));
    ledger.saveProcessingRecord(published("t3", at(1, 11), 300, 3_000, 55, "CD", "rock"));
    ledger.saveProcessingRecord(published("t4", at(8, 12), 400, 4_000, 100, "STUDIO", null));
    ledger.saveProcessingRecord(published("t5", at(9, 13), 500, 5_000, 5, "none", "rock"));
    ledger.saveProcessingRecord(ended("r1", Outcome.REJECTED, "NotAudio", at(0, 8)));
    ledger.saveProcessingRecord(ended("r2", Outcome.REJECTED, "NotAudio", at(8, 8)));
    ledger.saveProcessingRecord(ended("r3", Outcome.REJECTED, "BelowRequiredTier", at(9, 8)));
    ledger.saveProcessingRecord(ended("f1", Outcome.FAILED, "OutputVerificationFailed", at(2, 2)));
    ledger.saveProcessingRecord(ended("c1", Outcome.CANCELLED, null, at(3, 3)));
    // Outside [FROM, TO): counted nowhere.
    ledger.saveProcessingRecord(published("late", TO, 9_999, 9_999, 10, "CD", "pop"));

    ledger.saveLicence(licence("l1", "t1", "acme", List.of("GB", "IE"), 100_00, "EUR", at(0, 12)));
    ledger.saveLicence(licence("l2", "t1", "globex", List.of("WORLD"), 50_00, "USD", at(1, 12)));
    ledger.saveLicence(licence("l3", "t3", "acme", List.of("GB"), 25_00, "EUR", at(9, 23)));
    ledger.saveLicence(licence("l4", "t9", "acme", List.of("GB"), 1, "EUR", TO));

    deliver("l1", "acme", "t1", "GB", at(0, 13));
    deliver("l1", "acme", "t1", "IE", at(1, 13));
    deliver("l2", "globex", "t1", null, at(8, 1));
    deliver("l3", "acme", "t3", "GB", at(10, 14));
    deliver("l3", "acme", "t3", "GB", at(11, 14));
    deliver("l3", "acme", "t3", "GB", at(12, 14));
    deliver("l4", "acme", "t9", "GB", TO);
  }

  static LicenceRecord licence(
      String id,
      String track,
      String licensee,
      List<String> territories,
      long fee,
      String currency,
      Instant granted) {
    return new LicenceRecord(
        id,
        track,
        licensee,
        List.of("FLAC"),
        territories,
        granted,
        granted.plusSeconds(86_400),
        fee,
        currency,
        "sync",
        "ACTIVE",
        granted,
        null,
        null);
  }

  void deliver(String licence, String licensee, String track, String territory, Instant at) {
    ledger.recordDelivery(
        new DeliveryRecord(
            licence, licensee, track, "FLAC", 1_000, "ab".repeat(32), at, "cli", territory));
  }

  long count(String sql, Object... args) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        Object arg = args[i];
        ps.setObject(
            i + 1, arg instanceof Instant t ? OffsetDateTime.ofInstant(t, ZoneOffset.UTC) : arg);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  long countEnded(String outcome) throws SQLException {
    return count(
        "SELECT COUNT(*) FROM processing_records WHERE outcome = ? AND ended_at >= ? AND ended_at < ?",
        outcome,
        FROM,
        TO);
  }

  @Test
  void processingVolumesAndFailuresEqualDirectCounts() throws SQLException {
    ProcessingAnalytics a = ledger.analytics().processing(FROM, TO, Granularity.WEEK);

    long all =
        count(
            "SELECT COUNT(*) FROM processing_records WHERE ended_at >= ? AND ended_at < ?",
            FROM,
            TO);
    assertThat(a.totals().tracks()).isEqualTo(all).isEqualTo(10);
    assertThat(a.totals().published()).isEqualTo(countEnded("PUBLISHED")).isEqualTo(5);
    assertThat(a.totals().rejected()).isEqualTo(countEnded("REJECTED")).isEqualTo(3);
    assertThat(a.totals().failed()).isEqualTo(countEnded("FAILED")).isEqualTo(1);
    assertThat(a.totals().cancelled()).isEqualTo(countEnded("CANCELLED")).isEqualTo(1);
    assertThat(a.totals().failureRate()).isEqualTo(4 / 10.0);
    assertThat(a.totals().publishedPerHour()).isEqualTo(5 / (14 * 24.0));
    long cpuMillis =
        count(
            "SELECT SUM(jvm_cpu_millis + ffmpeg_cpu_millis) FROM processing_records"
                + " WHERE ended_at >= ? AND ended_at < ?",
            FROM,
            TO);
    assertThat(a.totals().cpuSeconds()).isEqualTo(cpuMillis / 1000.0).isEqualTo(5 * 5.5 + 5 * 0.2);
    assertThat(a.totals().ffmpegCpuSeconds()).isEqualTo(5 * 4.0);
    assertThat(a.totals().cpuSecondsPerTrack()).isEqualTo(cpuMillis / 1000.0 / 10);
    assertThat(a.totals().publishedAudioSeconds()).isEqualTo(5 * 180.5);

    assertThat(a.failuresByReason())
        .containsExactly(
            new ProcessingAnalytics.ReasonCount("REJECTED", "NotAudio", 2),
            new ProcessingAnalytics.ReasonCount("FAILED", "OutputVerificationFailed", 1),
            new ProcessingAnalytics.ReasonCount("REJECTED", "BelowRequiredTier", 1));

    // Week of 2 Nov: t1 t2 t3 r1 f1 c1; week of 9 Nov: t4 t5 r2 r3.
    assertThat(a.granularity()).isEqualTo("week");
    assertThat(a.periods())
        .containsExactly(
            new ProcessingAnalytics.Period(DAY1, 6, 3, 1, 1, 1, 2 / 6.0, 3 * 5.5 + 3 * 0.2),
            new ProcessingAnalytics.Period(at(7, 0), 4, 2, 2, 0, 0, 2 / 4.0, 2 * 5.5 + 2 * 0.2));
    assertThat(
            ledger.analytics().processing(FROM, TO, Granularity.DAY).periods().stream()
                .mapToLong(ProcessingAnalytics.Period::tracks)
                .sum())
        .isEqualTo(all);
    assertThat(ledger.analytics().processing(FROM, TO, Granularity.MONTH).periods())
        .extracting(ProcessingAnalytics.Period::start)
        .containsExactly(Instant.parse("2026-11-01T00:00:00Z"));
  }

  @Test
  void stageTimesAreNearestRankPercentilesInJourneyOrder() {
    ProcessingAnalytics a = ledger.analytics().processing(FROM, TO, Granularity.DAY);

    // PROBING: 100..500 from the published five, 40 from each of the five others.
    // Sorted: 40 40 40 40 40 100 200 300 400 500; rank ceil(0.5*10)=5 -> 40, ceil(0.95*10)=10.
    // ENCODING: 1000..5000; rank 3 -> 3000, rank 5 -> 5000.
    assertThat(a.stageTimes())
        .containsExactly(
            new ProcessingAnalytics.StageTimes("PROBING", 10, 40, 500, 500),
            new ProcessingAnalytics.StageTimes("ENCODING", 5, 3_000, 5_000, 5_000));
  }

  @Test
  void qualityFiguresEqualDirectCounts() throws SQLException {
    QualityAnalytics q = ledger.analytics().quality(FROM, TO);

    long scored =
        count(
            "SELECT COUNT(*) FROM processing_records WHERE quality_score IS NOT NULL"
                + " AND ended_at >= ? AND ended_at < ?",
            FROM,
            TO);
    assertThat(q.tracksScored()).isEqualTo(scored).isEqualTo(5);
    assertThat(q.meanScore()).isEqualTo((95 + 85 + 55 + 100 + 5) / 5.0);
    assertThat(q.scoreDistribution()).hasSize(10);
    assertThat(q.scoreDistribution().get(0)).isEqualTo(new QualityAnalytics.ScoreBucket(0, 9, 1));
    assertThat(q.scoreDistribution().get(5)).isEqualTo(new QualityAnalytics.ScoreBucket(50, 59, 1));
    assertThat(q.scoreDistribution().get(8)).isEqualTo(new QualityAnalytics.ScoreBucket(80, 89, 1));
    assertThat(q.scoreDistribution().get(9))
        .isEqualTo(new QualityAnalytics.ScoreBucket(90, 100, 2));
    assertThat(q.scoreDistribution().stream().mapToLong(QualityAnalytics.ScoreBucket::tracks).sum())
        .isEqualTo(scored);
    assertThat(q.tiers())
        .containsExactly(
            new QualityAnalytics.TierCount("CD", 2),
            new QualityAnalytics.TierCount("STUDIO", 2),
            new QualityAnalytics.TierCount("none", 1));
    long clipping =
        count(
            "SELECT SUM(f.occurrences) FROM processing_findings f JOIN processing_records r"
                + " ON r.track_id = f.track_id WHERE f.code = 'CLIPPING'"
                + " AND r.ended_at >= ? AND r.ended_at < ?",
            FROM,
            TO);
    assertThat(q.findingsByCode())
        .containsExactly(
            new QualityAnalytics.FindingCount("CLIPPING", 5, clipping),
            new QualityAnalytics.FindingCount("LOSSY_SIGNATURE", 5, 5));
    assertThat(clipping).isEqualTo(10);
  }

  @Test
  void businessFiguresEqualDirectCounts() throws SQLException {
    BusinessAnalytics b = ledger.analytics().business(FROM, TO, Duration.ofDays(7));

    long deliveries =
        count(
            "SELECT COUNT(*) FROM deliveries WHERE delivered_at >= ? AND delivered_at < ?",
            FROM,
            TO);
    assertThat(b.deliveries().total()).isEqualTo(deliveries).isEqualTo(6);
    assertThat(b.deliveries().bytes()).isEqualTo(6_000);
    assertThat(b.deliveries().byLicensee())
        .containsExactly(
            new BusinessAnalytics.Count(
                "acme",
                count(
                    "SELECT COUNT(*) FROM deliveries WHERE licensee = 'acme'"
                        + " AND delivered_at >= ? AND delivered_at < ?",
                    FROM,
                    TO)),
            new BusinessAnalytics.Count("globex", 1));
    assertThat(b.deliveries().byTerritory())
        .containsExactly(
            new BusinessAnalytics.Count("GB", 4),
            new BusinessAnalytics.Count("IE", 1),
            new BusinessAnalytics.Count("unclaimed", 1));
    assertThat(b.deliveries().byTrack())
        .containsExactly(
            new BusinessAnalytics.Count("t1", 3), new BusinessAnalytics.Count("t3", 3));
    assertThat(b.deliveries().byGenre())
        .containsExactly(
            new BusinessAnalytics.Count("jazz", 3), new BusinessAnalytics.Count("rock", 3));

    long licences =
        count("SELECT COUNT(*) FROM licences WHERE granted_at >= ? AND granted_at < ?", FROM, TO);
    assertThat(b.licences().total()).isEqualTo(licences).isEqualTo(3);
    assertThat(b.licences().byLicensee())
        .containsExactly(
            new BusinessAnalytics.Count("acme", 2), new BusinessAnalytics.Count("globex", 1));
    assertThat(b.licences().byTerritory())
        .containsExactly(
            new BusinessAnalytics.Count("GB", 2),
            new BusinessAnalytics.Count("IE", 1),
            new BusinessAnalytics.Count("WORLD", 1));
    assertThat(b.licences().byGenre())
        .containsExactly(
            new BusinessAnalytics.Count("jazz", 2), new BusinessAnalytics.Count("rock", 1));
    assertThat(b.licences().byStatus()).containsExactly(new BusinessAnalytics.Count("ACTIVE", 3));
    long eur =
        count(
            "SELECT SUM(fee_minor_units) FROM licences WHERE currency = 'EUR'"
                + " AND granted_at >= ? AND granted_at < ?",
            FROM,
            TO);
    assertThat(b.revenueByCurrency())
        .containsExactly(
            new BusinessAnalytics.Revenue("EUR", eur, 2),
            new BusinessAnalytics.Revenue("USD", 50_00, 1));
    assertThat(eur).isEqualTo(125_00);

    // Window [day 7, day 14): t3 three times, t1 once (day 8); the week before: t1 twice.
    assertThat(b.trending().windowStart()).isEqualTo(at(7, 0));
    assertThat(b.trending().tracks())
        .containsExactly(
            new BusinessAnalytics.TrendingTrack("t3", 3, 0),
            new BusinessAnalytics.TrendingTrack("t1", 1, 2));

    assertThat(b.hourOfDayUtc()).hasSize(24);
    assertThat(b.hourOfDayUtc().get(13)).isEqualTo(new BusinessAnalytics.HourCount(13, 2, 0));
    assertThat(b.hourOfDayUtc().get(14)).isEqualTo(new BusinessAnalytics.HourCount(14, 3, 0));
    assertThat(b.hourOfDayUtc().get(12)).isEqualTo(new BusinessAnalytics.HourCount(12, 0, 2));
    assertThat(b.hourOfDayUtc().stream().mapToLong(BusinessAnalytics.HourCount::deliveries).sum())
        .isEqualTo(deliveries);
    // Deliveries: Mon (day 0), Tue (1), Tue (8), Thu (10), Fri (11), Sat (12).
    assertThat(b.dayOfWeekUtc())
        .extracting(BusinessAnalytics.DayCount::deliveries)
        .containsExactly(1L, 2L, 0L, 1L, 1L, 1L, 0L);
    // Licences: Mon (0), Tue (1), Wed (9).
    assertThat(b.dayOfWeekUtc())
        .extracting(BusinessAnalytics.DayCount::licences)
        .containsExactly(1L, 1L, 1L, 0L, 0L, 0L, 0L);
    assertThat(b.dayOfWeekUtc().get(0).day()).isEqualTo("MONDAY");
  }

  @Test
  void aTracksMetricsSumItsActivityCostsDeliveriesAndFees() throws SQLException {
    ledger.recordActivityCost(
        new ActivityCostRecord("t1", "EncodeLane", "success", at(0, 8), 900, 300, 2_000));
    ledger.recordActivityCost(
        new ActivityCostRecord("t1", "Probe", "failure", at(0, 7), 50, 10, 20));
    ledger.recordActivityCost(
        new ActivityCostRecord("t1", "EncodeLane", "success", at(0, 8), 700, 200, 1_500));
    ledger.recordActivityCost(
        new ActivityCostRecord("t2", "EncodeLane", "success", at(0, 8), 1, 1, 1));

    TrackMetrics m =
        ledger.analytics().track("t1", ledger.findProcessingRecord("t1").orElseThrow());

    assertThat(m.processing())
        .isEqualTo(published("t1", at(0, 9), 100, 1_000, 95, "STUDIO", "jazz"));
    assertThat(m.activities())
        .containsExactly(
            new TrackMetrics.ActivityCosts("Probe", 1, 1, 50, 10, 20),
            new TrackMetrics.ActivityCosts("EncodeLane", 2, 0, 1_600, 500, 3_500));
    assertThat(m.deliveries())
        .isEqualTo(count("SELECT COUNT(*) FROM deliveries WHERE track_id = 't1'"))
        .isEqualTo(3);
    assertThat(m.deliveredBytes()).isEqualTo(3_000);
    assertThat(m.licences()).isEqualTo(2);
    assertThat(m.revenueByCurrency())
        .containsExactly(
            new BusinessAnalytics.Revenue("EUR", 100_00, 1),
            new BusinessAnalytics.Revenue("USD", 50_00, 1));
    assertThat(ledger.activityCostsOfTrack("t1"))
        .extracting(ActivityCostRecord::activityType)
        .containsExactly("Probe", "EncodeLane", "EncodeLane");
  }

  @Test
  void savingAProcessingRecordAgainReplacesItWithItsStagesAndFindings() {
    ProcessingRecord again =
        new ProcessingRecord(
            "t1",
            Outcome.FAILED,
            "Timeout",
            at(0, 1),
            at(0, 2),
            Map.of("PROBING", 7L),
            1,
            2,
            null,
            null,
            Map.of(),
            null,
            null,
            null,
            null);
    ledger.saveProcessingRecord(again);

    assertThat(ledger.findProcessingRecord("t1")).contains(again);
    assertThat(ledger.findProcessingRecord("nope")).isEmpty();
  }

  @Test
  void aWindowThatEndsBeforeItStartsIsRefused() {
    assertThatThrownBy(() -> ledger.analytics().quality(TO, FROM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from before to");
  }
}
