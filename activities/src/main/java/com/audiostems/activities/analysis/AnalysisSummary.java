package com.audiostems.activities.analysis;

import com.audiostems.activities.analysis.tempo.TempoDecision;
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

  static TrackAnalysis of(TrackAnalysisReport report, StoredObject asset, TempoDecision decision) {
    return new TrackAnalysis(
        asset.key(),
        asset.bytes(),
        asset.sha256(),
        report.durationSeconds(),
        tempo(report.rhythm(), decision),
        key(report.key()),
        loudness(report.loudness()),
        energy(report.structure()),
        timbre(report.timbre(), report.analysisRateHz()),
        new TrackAnalysis.Rhythm(
            report.rhythm().onsetRatePerSecond(), report.rhythm().pulseClarity()),
        sections(report.structure()));
  }

  /** The rules' reading (no model): the estimate's half and double with their rule scores. */
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
    double[] range = localRangeBpm(rhythm, 1);
    return new TrackAnalysis.Tempo(
        rhythm.tempoBpm(),
        tempo.confidence(),
        List.copyOf(alternatives),
        rhythm.beatsPerBar(),
        rhythm.metreConfidence(),
        rhythm.beatTimesSeconds().length,
        range[0],
        range[1],
        rhythm.tempoVaries());
  }

  /**
   * The tempo with the model's probabilities: the primary tempo (see {@link TempoDecision}), every
   * other reading with its probability (the model's likeliest among them), and the half/double
   * alternative. The confidence is the pulse clarity times the model's probability of the primary
   * reading (how periodic the music is, how sure the level).
   */
  static TrackAnalysis.Tempo tempo(RhythmAnalysis rhythm, TempoDecision decision) {
    if (decision == null || decision.bpm() <= 0) {
      return tempo(rhythm);
    }
    List<TrackAnalysis.TempoAlternative> alternatives = new ArrayList<>();
    for (TempoDecision.Reading r : decision.readings()) {
      if (Math.abs(r.bpm() / decision.bpm() - 1) > 0.01) {
        alternatives.add(
            new TrackAnalysis.TempoAlternative(
                r.bpm(), relation(r.bpm() / decision.bpm()), r.probability()));
      }
    }
    double[] range = localRangeBpm(rhythm, decision.bpm() / rhythm.tempoBpm());
    return new TrackAnalysis.Tempo(
        decision.bpm(),
        rhythm.pulseClarity() * decision.probability(),
        List.copyOf(alternatives),
        rhythm.beatsPerBar(),
        rhythm.metreConfidence(),
        rhythm.beatTimesSeconds().length,
        range[0],
        range[1],
        rhythm.tempoVaries(),
        decision.probability(),
        new TrackAnalysis.TempoAlternative(
            decision.alternativeBpm(),
            decision.alternativeRelation(),
            decision.alternativeProbability()),
        decision.model() + " on " + decision.executionProvider());
  }

  /** The name of a reading {@code ratio} times the primary tempo. */
  static String relation(double ratio) {
    String[] names = {
      "quarter",
      "third",
      "half",
      "two-thirds",
      "three-quarters",
      "four-thirds",
      "three-halves",
      "double",
      "triple",
      "quadruple"
    };
    double[] ratios = {0.25, 1.0 / 3, 0.5, 2.0 / 3, 0.75, 4.0 / 3, 1.5, 2, 3, 4};
    for (int i = 0; i < ratios.length; i++) {
      if (Math.abs(ratio / ratios[i] - 1) < 0.01) {
        return names[i];
      }
    }
    return String.format(Locale.ROOT, "x%.3f", ratio);
  }

  /** Lowest and highest local tempo along the track (with the global), scaled to the level. */
  private static double[] localRangeBpm(RhythmAnalysis rhythm, double levelRatio) {
    double min = rhythm.tempoBpm();
    double max = rhythm.tempoBpm();
    for (double bpm : rhythm.tempoCurveBpm()) {
      if (bpm > 0) {
        min = Math.min(min, bpm);
        max = Math.max(max, bpm);
      }
    }
    return new double[] {min * levelRatio, max * levelRatio};
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
