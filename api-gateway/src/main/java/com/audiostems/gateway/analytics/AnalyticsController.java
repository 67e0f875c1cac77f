package com.audiostems.gateway.analytics;

import com.audiostems.gateway.licences.LicensingServices;
import com.audiostems.gateway.problems.Problems;
import com.audiostems.ledger.Ledger;
import com.audiostems.ledger.analytics.AnalyticsWindow;
import com.audiostems.ledger.analytics.BusinessAnalytics;
import com.audiostems.ledger.analytics.Granularity;
import com.audiostems.ledger.analytics.ProcessingAnalytics;
import com.audiostems.ledger.analytics.QualityAnalytics;
import com.audiostems.ledger.analytics.TrackMetrics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The analytics over the ledger (issue 17): the figures come from {@code LedgerAnalytics}, the same
 * queries {@code audiostems analytics} prints. Operators and admins.
 */
@RestController
@Tag(
    name = "analytics",
    description =
        "Processing, quality and business figures from the ledger's processing records, licences and"
            + " deliveries; one track's metrics")
public class AnalyticsController {
  private static final String FROM_DOC =
      "Start of the window, inclusive: an ISO-8601 instant or date (UTC); default 30 days before `to`";
  private static final String TO_DOC =
      "End of the window, exclusive: an ISO-8601 instant or date (UTC); default now";

  private final LicensingServices licensing;
  private final Clock clock = Clock.systemUTC();

  public AnalyticsController(LicensingServices licensing) {
    this.licensing = licensing;
  }

  @Operation(
      summary = "Processing analytics",
      description =
          "Journeys that ended in [from, to): volume by outcome and by period, failure rate and"
              + " failures by reason, each stage's p50/p95 wall time (nearest rank), throughput and"
              + " CPU cost.")
  @GetMapping("/v1/analytics/processing")
  public ProcessingAnalytics processing(
      @Parameter(description = FROM_DOC) @RequestParam(required = false) String from,
      @Parameter(description = TO_DOC) @RequestParam(required = false) String to,
      @Parameter(description = "day, week (from Monday) or month; default day")
          @RequestParam(defaultValue = "day")
          String granularity) {
    Granularity periods = read(granularity, Granularity::parse);
    AnalyticsWindow window = window(from, to);
    return ledger().analytics().processing(window.from(), window.to(), periods);
  }

  @Operation(
      summary = "Quality analytics",
      description =
          "The scored sources whose journeys ended in [from, to): score distribution in ten buckets,"
              + " tiers, and the quality reports' findings by code.")
  @GetMapping("/v1/analytics/quality")
  public QualityAnalytics quality(
      @Parameter(description = FROM_DOC) @RequestParam(required = false) String from,
      @Parameter(description = TO_DOC) @RequestParam(required = false) String to) {
    AnalyticsWindow window = window(from, to);
    return ledger().analytics().quality(window.from(), window.to());
  }

  @Operation(
      summary = "Business analytics",
      description =
          "Deliveries made and licences granted in [from, to) by licensee, territory, track and"
              + " genre; licence revenue by currency; the tracks delivered most over the last"
              + " trendingDays before `to` (with the window before); hour-of-day and day-of-week"
              + " counts in UTC.")
  @GetMapping("/v1/analytics/business")
  public BusinessAnalytics business(
      @Parameter(description = FROM_DOC) @RequestParam(required = false) String from,
      @Parameter(description = TO_DOC) @RequestParam(required = false) String to,
      @Parameter(description = "The trending window's length in days, 1 to 366; default 7")
          @RequestParam(defaultValue = "7")
          int trendingDays) {
    if (trendingDays < 1 || trendingDays > 366) {
      throw Problems.badRequest(
          "analytics-parameter-invalid",
          "trendingDays must be from 1 to 366, not " + trendingDays + ".");
    }
    AnalyticsWindow window = window(from, to);
    return ledger().analytics().business(window.from(), window.to(), Duration.ofDays(trendingDays));
  }

  @Operation(
      summary = "A track's metrics",
      description =
          "Its processing record (null while its journey runs), its measured activities' wall and"
              + " CPU time by type, its deliveries and licence fees. 404 when the ledger knows"
              + " nothing of it.")
  @GetMapping("/v1/tracks/{trackId}/metrics")
  public TrackMetrics trackMetrics(@PathVariable String trackId) {
    Ledger ledger = ledger();
    TrackMetrics metrics =
        ledger.analytics().track(trackId, ledger.findProcessingRecord(trackId).orElse(null));
    if (metrics.processing() == null
        && metrics.activities().isEmpty()
        && metrics.licences() == 0
        && metrics.deliveries() == 0) {
      throw Problems.notFound(
          "track-metrics-not-found",
          "The ledger has no processing record, measured activity, licence or delivery of track "
              + trackId
              + ".");
    }
    return metrics;
  }

  private Ledger ledger() {
    return licensing.ledger();
  }

  private AnalyticsWindow window(String from, String to) {
    return read(null, ignored -> AnalyticsWindow.of(from, to, clock.instant()));
  }

  private static <T> T read(String text, Function<String, T> parse) {
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      throw Problems.badRequest("analytics-parameter-invalid", e.getMessage());
    }
  }
}
