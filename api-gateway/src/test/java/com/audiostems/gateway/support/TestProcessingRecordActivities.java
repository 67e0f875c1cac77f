package com.audiostems.gateway.support;

import com.audiostems.ledger.Ledger;
import com.audiostems.ledger.ProcessingRecord;
import com.audiostems.workflows.analytics.ProcessingRecordActivities;
import com.audiostems.workflows.analytics.TrackEndReport;
import java.time.Instant;
import java.util.Map;

/**
 * The track workflow's end record, written into the gateway's test ledger as the product's activity
 * (activities' ProcessingRecorder, which the gateway must not link) writes it, without the CPU the
 * workers measure: these fake media activities run no ffmpeg.
 */
public final class TestProcessingRecordActivities implements ProcessingRecordActivities {
  private final Ledger ledger;

  public TestProcessingRecordActivities(Ledger ledger) {
    this.ledger = ledger;
  }

  @Override
  public void recordTrackEnd(TrackEndReport report) {
    Instant now = Instant.now();
    ledger.saveProcessingRecord(
        new ProcessingRecord(
            report.trackId(),
            ProcessingRecord.Outcome.valueOf(report.outcome()),
            report.reasonCode(),
            now,
            now,
            report.stageMillis(),
            0,
            0,
            null,
            null,
            Map.of(),
            null,
            null,
            null,
            null));
  }
}
