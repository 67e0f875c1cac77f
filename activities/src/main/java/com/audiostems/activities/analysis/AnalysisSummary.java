package com.audiostems.activities.analysis;

import com.audiostems.dsp.analysis.TrackAnalysisReport;
import com.audiostems.dsp.loudness.LoudnessMeasurement;
import com.audiostems.dsp.rhythm.RhythmAnalysis;
import com.audiostems.dsp.rhythm.TempoEstimate;
import com.audiostems.dsp.spectral.SpectralSummary;
import com.audiostems.dsp.structure.EnergyCurve;
import com.audiostems.dsp.structure.StructureAnalysis;
import com.audiostems.dsp.tonal.Key;
import com.audiostems.dsp.tonal.KeyEstimate;
import com.audiostems.dsp.tonal.Mode;
import com.audiostems.workflows.analysis.TrackAnalysis;
import com.audiostems.workflows.storage.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The manifest's summary of a full analysis report: the contract's records (which the gateway and
 * the workflow read without linking any DSP code) from the engine's.
 */
final class AnalysisSummary {
  private AnalysisSummary() {}

  static TrackAnalysis of(TrackAnalysisReport report, StoredObject asset) {
    return new TrackAnalysis(
        asset.key(),
        asset.bytes(),
        asset.sha256(),
        report.durationSeconds(),
        tempo(report.rhythm()),
        key(report.key()),
        loudness(report.loudness()),
        energy(report.structure()),
        timbre(report.timbre(), report.analysisRateHz()),
        new TrackAnalysis.Rhythm(
            report.rhythm().onsetRatePerSecond(), report.rhythm().pulseClarity()),
        sections(report.structure()));
  }

  static TrackAnalysis.Tempo tempo(RhythmAnalysis rhythm) {
    TempoEstimate tempo = rhythm.tempo();
    List<TrackAnalysis.TempoAlternative> alternatives = new ArrayList<>();
    if (tempo.halfBpm() > 0) {
      alternatives.add(
          new TrackAnalysis.TempoAlternative(
              tempo.halfBpm(), "half", tempo.scoreOf(tempo.halfBpm())));
    }
    if (tempo.doubleBpm() > 0) {
      alternatives.add(
          new TrackAnalysis.TempoAlternative(
              tempo.doubleBpm(), "double", tempo.scoreOf(tempo.doubleBpm())));
    }
    double min = rhythm.tempoBpm();
    double max = rhythm.tempoBpm();
    for (double bpm : rhythm.tempoCurveBpm()) {
      if (bpm > 0) {
        min = Math.min(min, bpm);
        max = Math.max(max, bpm);
      }
    }
    return new TrackAnalysis.Tempo(
        rhythm.tempoBpm(),
        tempo.confidence(),
        List.copyOf(alternatives),
        rhythm.beatsPerBar(),
        rhythm.metreConfidence(),
        rhythm.beatTimesSeconds().length,
        min,
        max,
        rhythm.tempoVaries());
  }

  static TrackAnalysis.MusicalKey key(KeyEstimate estimate) {
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

  static TrackAnalysis.Loudness loudness(LoudnessMeasurement m) {
    return new TrackAnalysis.Loudness(
        m.integratedLufs(),
        m.loudnessRangeLu(),
        m.momentaryMaxLufs(),
        m.shortTermMaxLufs(),
        m.truePeakDbtp(),
        m.samplePeakDbfs(),
        m.peakToLoudnessRatioLu());
  }

  static TrackAnalysis.Energy energy(StructureAnalysis structure) {
    EnergyCurve curve = structure.energy();
    double max = 0;
    for (double e : curve.energyPerSecond()) {
      max = Math.max(max, e);
    }
    return new TrackAnalysis.Energy(curve.trackEnergy(), max);
  }

  static TrackAnalysis.Timbre timbre(SpectralSummary s, int analysisRateHz) {
    return new TrackAnalysis.Timbre(
        s.centroidHz().mean(),
        s.rolloffHz().mean(),
        s.flatness().mean(),
        s.bandwidthHz().mean(),
        s.contrastDb().mean(),
        s.zeroCrossingRatePerSample().mean() * analysisRateHz);
  }

  static List<TrackAnalysis.Section> sections(StructureAnalysis structure) {
    return structure.sections().stream()
        .map(
            s ->
                new TrackAnalysis.Section(
                    s.startSeconds(),
                    s.endSeconds(),
                    s.label(),
                    s.role().name().toLowerCase(Locale.ROOT),
                    s.relativeEnergy()))
        .toList();
  }
}
