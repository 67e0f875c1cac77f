package com.audiostems.gateway.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.ledger.Ledger;
import com.audiostems.ledger.LedgerSettings;
import com.audiostems.ledger.Ledgers;
import com.audiostems.ledger.LicenceRecord;
import com.audiostems.workflows.licence.LicenceIds;
import com.audiostems.workflows.licence.LicencePayloads;
import com.audiostems.workflows.watermark.WatermarkDetection;
import com.audiostems.workflows.watermark.WatermarkDetection.Segment;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceAnswersTest {
  private final String licenceId = LicenceIds.newId();

  @TempDir Path temp;

  @Test
  void theRegistrysLicenseeIsToldAndTheLedgerFillsInWhatTheRegistryLacks() {
    try (Ledger ledger = Ledgers.open(LedgerSettings.embedded(temp.resolve("one")));
        Ledger empty = Ledgers.open(LedgerSettings.embedded(temp.resolve("empty")))) {
      fillsIn(ledger, empty);
    }
  }

  private void fillsIn(Ledger ledger, Ledger empty) {
    ledger.saveLicence(record("track-a", "Acme Films"));

    TraceResponse.Watermark registered =
        TraceAnswers.watermark(detection("track-a", "Acme Films"), Optional.empty());
    TraceResponse.Watermark unregistered =
        TraceAnswers.watermark(detection(null, null), Optional.<Ledger>of(ledger));
    TraceResponse.Watermark unknown =
        TraceAnswers.watermark(detection(null, null), Optional.<Ledger>of(empty));

    assertThat(registered.licensee()).isEqualTo("Acme Films");
    assertThat(registered.kind()).isEqualTo("licence");
    assertThat(unregistered.licensee()).isEqualTo("Acme Films");
    assertThat(unregistered.trackId()).isEqualTo("track-a");
    assertThat(unknown.licenceId()).as("the payload still names it").isEqualTo(licenceId);
    assertThat(unknown.licensee()).isNull();
  }

  @Test
  void rangesJoinRunsOfTheSameVerdictInTimelineOrder() {
    List<Segment> timeline =
        List.of(
            new Segment(0, 2.5, 8, true),
            new Segment(2.5, 5, 7, true),
            new Segment(5, 7.5, 1, false),
            new Segment(7.5, 10, 6, true),
            new Segment(10, 11, 0.2, false));

    assertThat(TraceAnswers.ranges(timeline, true))
        .containsExactly(new TraceResponse.TimeRange(0, 5), new TraceResponse.TimeRange(7.5, 10));
    assertThat(TraceAnswers.ranges(timeline, false))
        .containsExactly(new TraceResponse.TimeRange(5, 7.5), new TraceResponse.TimeRange(10, 11));
    assertThat(TraceAnswers.ranges(List.of(), true)).isEmpty();
  }

  private WatermarkDetection detection(String trackId, String licensee) {
    return new WatermarkDetection(
        true,
        LicencePayloads.forLicence(licenceId),
        "k1",
        "licence",
        trackId,
        licenceId,
        licensee,
        9.1,
        15,
        List.of(new Segment(0, 15, 9.1, true)));
  }

  private LicenceRecord record(String trackId, String licensee) {
    Instant now = Instant.now();
    return new LicenceRecord(
        licenceId,
        trackId,
        licensee,
        List.of("MP3_320"),
        List.of("WORLD"),
        now,
        now.plusSeconds(60),
        0,
        "EUR",
        "sync",
        "ACTIVE",
        now,
        null,
        null);
  }
}
