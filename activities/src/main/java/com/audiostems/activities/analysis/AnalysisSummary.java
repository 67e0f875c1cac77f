package com.audiostems.activities.analysis;

import com.audiostems.dsp.analysis.TrackAnalysisReport;
import com.audiostems.dsp.tonal.Key;
import com.audiostems.dsp.tonal.KeyEstimate;
import com.audiostems.dsp.tonal.Mode;
import com.audiostems.workflows.analysis.TrackAnalysis;
import com.audiostems.workflows.storage.StoredObject;
import java.util.List;
import java.util.Locale;

/** The manifest's summary of a full analysis report: the contract's records from the engine's. */
final class AnalysisSummary {
  private AnalysisSummary() {}

  static TrackAnalysis of(TrackAnalysisReport report, StoredObject asset) {
    return new TrackAnalysis(
        asset.key(),
        asset.bytes(),
        asset.sha256(),
        report.durationSeconds(),
        null,
        key(report.key()),
        null,
        null,
        null,
        null,
        List.of());
  }

  static TrackAnalysis.MusicalKey key(KeyEstimate estimate) {
    if (estimate == null) {
      return null;
    }
    return new TrackAnalysis.MusicalKey(
        estimate.name(),
        tkey(estimate.key()),
        estimate.tonicPitchClass(),
        estimate.mode().name().toLowerCase(Locale.ROOT),
        estimate.confidence(),
        estimate.runnerUp().name(),
        estimate.runnerUpRelation().name().toLowerCase(Locale.ROOT),
        estimate.tuningOffsetCents());
  }

  /** ID3 TKEY's form: the tonic as the key's name spells it, "m" for minor ("F#m", "Bb"). */
  static String tkey(Key key) {
    String tonic = key.name().split(" ")[0];
    return key.mode() == Mode.MINOR ? tonic + "m" : tonic;
  }
}
