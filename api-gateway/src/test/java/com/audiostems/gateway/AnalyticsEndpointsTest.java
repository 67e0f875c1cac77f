package com.audiostems.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.gateway.support.GatewayHttp;
import com.audiostems.ledger.ActivityCostRecord;
import com.audiostems.ledger.DeliveryRecord;
import com.audiostems.ledger.Ledger;
import com.audiostems.ledger.LicenceRecord;
import com.audiostems.ledger.ProcessingRecord;
import com.audiostems.ledger.ProcessingRecord.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The analytics endpoints over known rows in the gateway's real ledger: each figure equals a count
 * made here from the rows inserted. The rows sit in a window of their own (a day in 2001, with
 * fresh ids) so that the other tests' rows in the shared ledger do not reach it.
 */
class AnalyticsEndpointsTest extends GatewayTestBase {
  static final Instant DAY = Instant.parse("2001-02-03T00:00:00Z");
  static final String FROM = "2001-02-03T00:00:00Z";
  static final String TO = "2001-02-04T00:00:00Z";

  @Autowired Ledger ledger;

  record Journey(String id, Outcome outcome, String reason, int score, long probeMillis) {}

  @Test
  void theProcessingQualityAndBusinessFiguresEqualCountsOfTheRowsInserted() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<Journey> journeys = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      journeys.add(
          new Journey("p" + i + "-" + run, Outcome.PUBLISHED, null, 40 + 10 * i, 100L * (i + 1)));
    }
    journeys.add(new Journey("r0-" + run, Outcome.REJECTED, "NotAudio", -1, 10));
    journeys.add(new Journey("r1-" + run, Outcome.REJECTED, "NotAudio", -1, 20));
    journeys.add(new Journey("f0-" + run, Outcome.FAILED, "OutputVerificationFailed", -1, 30));
    int hour = 0;
    for (Journey j : journeys) {
      Instant end = DAY.plusSeconds(3600L * hour++);
      Map<String, Long> stages = new LinkedHashMap<>();
      stages.put("PROBING", j.probeMillis());
      boolean published = j.outcome() == Outcome.PUBLISHED;
      ledger.saveProcessingRecord(
          new ProcessingRecord(
              j.id(),
              j.outcome(),
              j.reason(),
              end.minusSeconds(30),
              end,
              stages,
              1_000,
              3_000,
              published ? j.score() : null,
              published ? "CD" : null,
              published ? Map.of("CLIPPING", 1) : Map.of(),
              published ? 128.0 : null,
              published ? "C major" : null,
              published ? 200.0 : null,
              published ? "house" : null));
    }
    String track = journeys.get(0).id();
    ledger.saveLicence(
        new LicenceRecord(
            "lic-" + run,
            track,
            "acme-" + run,
            List.of("FLAC"),
            List.of("GB", "FR"),
            DAY,
            DAY.plusSeconds(86_400 * 30L),
            300_00,
            "GBP",
            "sync",
            "ACTIVE",
            DAY.plusSeconds(5 * 3600),
            null,
            null));
    for (int i = 0; i < 4; i++) {
      ledger.recordDelivery(
          new DeliveryRecord(
              "lic-" + run,
              "acme-" + run,
              track,
              "FLAC",
              2_000,
              "ab".repeat(32),
              DAY.plusSeconds(6 * 3600 + i),
              "203.0.113.9",
              i == 0 ? null : "GB"));
    }
    ledger.recordActivityCost(
        new ActivityCostRecord(track, "EncodeLane", "success", DAY, 4_000, 500, 2_500));

    long published = journeys.stream().filter(j -> j.outcome() == Outcome.PUBLISHED).count();
    long rejected = journeys.stream().filter(j -> j.outcome() == Outcome.REJECTED).count();
    long failed = journeys.stream().filter(j -> j.outcome() == Outcome.FAILED).count();

    JsonNode processing =
        ok(
            http.get(
                "/v1/analytics/processing?from=" + FROM + "&to=" + TO + "&granularity=day",
                OPERATOR));
    JsonNode totals = processing.get("totals");
    assertThat(totals.get("tracks").asLong()).isEqualTo(journeys.size());
    assertThat(totals.get("published").asLong()).isEqualTo(published);
    assertThat(totals.get("rejected").asLong()).isEqualTo(rejected);
    assertThat(totals.get("failed").asLong()).isEqualTo(failed);
    assertThat(totals.get("failureRate").asDouble())
        .isEqualTo((double) (rejected + failed) / journeys.size());
    assertThat(totals.get("cpuSeconds").asDouble()).isEqualTo(journeys.size() * 4.0);
    assertThat(totals.get("publishedPerHour").asDouble()).isEqualTo(published / 24.0);
    assertThat(processing.get("periods")).hasSize(1);
    assertThat(processing.get("periods").get(0).get("start").asText()).isEqualTo(FROM);
    JsonNode firstReason = processing.get("failuresByReason").get(0);
    assertThat(firstReason.get("reasonCode").asText()).isEqualTo("NotAudio");
    assertThat(firstReason.get("tracks").asLong()).isEqualTo(2);
    // PROBING, sorted: 10 20 30 100 200 ... 700 (ten); nearest rank 5 -> 200, rank 10 -> 700.
    JsonNode probing = processing.get("stageTimes").get(0);
    assertThat(probing.get("stage").asText()).isEqualTo("PROBING");
    assertThat(probing.get("p50Millis").asLong()).isEqualTo(200);
    assertThat(probing.get("p95Millis").asLong()).isEqualTo(700);

    JsonNode quality = ok(http.get("/v1/analytics/quality?from=" + FROM + "&to=" + TO, OPERATOR));
    assertThat(quality.get("tracksScored").asLong()).isEqualTo(published);
    // Scores 40, 50, ... 100: one in each bucket from 40-49 up, 90-100 holding 90 and 100.
    long[] expected = new long[10];
    journeys.stream()
        .filter(j -> j.outcome() == Outcome.PUBLISHED)
        .forEach(j -> expected[Math.min(j.score() / 10, 9)]++);
    for (int b = 0; b < 10; b++) {
      assertThat(quality.get("scoreDistribution").get(b).get("tracks").asLong())
          .as("bucket %d", b)
          .isEqualTo(expected[b]);
    }
    assertThat(quality.get("findingsByCode").get(0).get("code").asText()).isEqualTo("CLIPPING");
    assertThat(quality.get("findingsByCode").get(0).get("tracks").asLong()).isEqualTo(published);

    JsonNode business =
        ok(
            http.get(
                "/v1/analytics/business?from=" + FROM + "&to=" + TO + "&trendingDays=1", OPERATOR));
    assertThat(business.at("/deliveries/total").asLong()).isEqualTo(4);
    assertThat(business.at("/deliveries/byTerritory/0/key").asText()).isEqualTo("GB");
    assertThat(business.at("/deliveries/byTerritory/0/count").asLong()).isEqualTo(3);
    assertThat(business.at("/deliveries/byGenre/0/key").asText()).isEqualTo("house");
    assertThat(business.at("/licences/total").asLong()).isEqualTo(1);
    assertThat(business.at("/licences/byTerritory")).hasSize(2);
    assertThat(business.at("/revenueByCurrency/0/currency").asText()).isEqualTo("GBP");
    assertThat(business.at("/revenueByCurrency/0/feeMinorUnits").asLong()).isEqualTo(300_00);
    assertThat(business.at("/trending/tracks/0/trackId").asText()).isEqualTo(track);
    assertThat(business.at("/hourOfDayUtc/6/deliveries").asLong()).isEqualTo(4);
    assertThat(business.at("/hourOfDayUtc/5/licences").asLong()).isEqualTo(1);
    assertThat(business.at("/dayOfWeekUtc/5/day").asText()).isEqualTo("SATURDAY");
    assertThat(business.at("/dayOfWeekUtc/5/deliveries").asLong()).isEqualTo(4);

    JsonNode metrics = ok(http.get("/v1/tracks/" + track + "/metrics", OPERATOR));
    assertThat(metrics.at("/processing/outcome").asText()).isEqualTo("PUBLISHED");
    assertThat(metrics.at("/processing/qualityScore").asInt()).isEqualTo(40);
    assertThat(metrics.at("/activities/0/ffmpegCpuMillis").asLong()).isEqualTo(2_500);
    assertThat(metrics.get("deliveries").asLong()).isEqualTo(4);
    assertThat(metrics.get("deliveredBytes").asLong()).isEqualTo(8_000);
  }

  @Test
  void aRejectedTrackShowsHowItEndedInItsMetrics() {
    String trackId =
        startTrack(
            UPLOADER,
            Map.of(
                "uploadId",
                upload(
                    UPLOADER,
                    "again.wav",
                    "re-upload of TRACK:first-cut"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    awaitStatus(trackId, s -> "failed".equals(s.get("status").asText()));

    JsonNode metrics = ok(http.get("/v1/tracks/" + trackId + "/metrics", OPERATOR));
    assertThat(metrics.at("/processing/outcome").asText()).isEqualTo("REJECTED");
    assertThat(metrics.at("/processing/reasonCode").asText()).isEqualTo("DuplicateTrack");
    assertThat(metrics.at("/processing/stageMillis").has("PROBING")).isTrue();
    assertProblem(http.get("/v1/tracks/" + trackId + "/metrics", UPLOADER), 403, "forbidden");
  }

  @Test
  void analyticsAreForOperatorsAndBadParametersAreProblems() {
    assertProblem(http.get("/v1/analytics/processing", UPLOADER), 403, "forbidden");
    assertProblem(http.get("/v1/analytics/quality", null), 401, "unauthenticated");
    assertProblem(
        http.get("/v1/analytics/processing?granularity=year", OPERATOR),
        400,
        "analytics-parameter-invalid");
    assertProblem(
        http.get("/v1/analytics/quality?from=" + TO + "&to=" + FROM, OPERATOR),
        400,
        "analytics-parameter-invalid");
    assertProblem(
        http.get("/v1/analytics/business?from=yesterday", OPERATOR),
        400,
        "analytics-parameter-invalid");
    assertProblem(
        http.get("/v1/tracks/never-seen-" + UUID.randomUUID() + "/metrics", OPERATOR),
        404,
        "track-metrics-not-found");
    assertThat(http.get("/v1/analytics/business", OPERATOR).status()).isEqualTo(200);
  }

  @Test
  void theOpenApiDocumentDescribesTheAnalytics() {
    JsonNode api = ok(http.get("/v3/api-docs", null));

    assertThat(api.get("paths").fieldNames())
        .toIterable()
        .contains(
            "/v1/analytics/processing",
            "/v1/analytics/quality",
            "/v1/analytics/business",
            "/v1/tracks/{trackId}/metrics");
    assertThat(api.at("/components/schemas/ProcessingAnalytics/properties").fieldNames())
        .toIterable()
        .contains("totals", "periods", "failuresByReason", "stageTimes");
  }

  private static JsonNode ok(GatewayHttp.Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }
}
