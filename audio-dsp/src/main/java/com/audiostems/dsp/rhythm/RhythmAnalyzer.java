package com.audiostems.dsp.rhythm;

import com.audiostems.dsp.signal.MonoSignal;
import com.audiostems.dsp.signal.Spectrogram;

/**
 * The rhythm analysis of one track: onset envelope → tempo and beats → metre and downbeats → tempo
 * curve and rhythm features. Single-threaded, a few hundredths of a second per minute of music.
 */
public final class RhythmAnalyzer {

  /**
   * The onset envelope peaks a little before the sound it marks (a frame starts to see an onset
   * before its centre reaches it), so beat times are moved later by this. Measured with the 11.6 ms
   * frames: beats came 2–6 ms early on the synthetic music suite, 8–13 ms on bare click tracks.
   */
  static final double ENVELOPE_LEAD_SECONDS = 0.005;

  private RhythmAnalyzer() {}

  /** Analyses {@code mono} (best at the analysis rate, 22.05 or 24 kHz; any rate works). */
  public static RhythmAnalysis analyze(MonoSignal mono) {
    return analyze(OnsetStrength.analyze(mono));
  }

  /**
   * Analyses a shared magnitude spectrogram (e.g. the pipeline's 2048 / 512 at 22.05 kHz). Beat
   * times are then only as fine as its hop; {@link #analyze(MonoSignal)} is finer and as fast.
   */
  public static RhythmAnalysis analyze(Spectrogram spectrogram) {
    return analyze(OnsetStrength.analyze(spectrogram));
  }

  /** Analyses precomputed onset features. */
  public static RhythmAnalysis analyze(OnsetFeatures features) {
    return analyze(features, false);
  }

  /**
   * {@link #analyze(MonoSignal)} with {@link RhythmAnalysis#tempoLevels} measured, for the feature
   * dumps of the first tempo model's training table; the pipeline leaves them out.
   */
  public static RhythmAnalysis analyzeWithTempoLevels(MonoSignal mono) {
    return analyze(OnsetStrength.analyze(mono), true);
  }

  private static RhythmAnalysis analyze(OnsetFeatures features, boolean withTempoLevels) {
    OnsetEnvelope envelope = features.broadband();
    TempoEstimator.Result result = TempoEstimator.estimate(features, withTempoLevels);
    int[] beatFrames =
        BeatTrim.trim(envelope.strength(), result.beatsFrames(), result.periodFrames());
    double[] beats = new double[beatFrames.length];
    for (int i = 0; i < beats.length; i++) {
      beats[i] = Math.max(0, envelope.timeSeconds(beatFrames[i]) + ENVELOPE_LEAD_SECONDS);
    }
    Metre metre = MetreDetector.detect(beatFrames, features);
    double[] downbeats = metre.downbeatTimesSeconds();
    for (int i = 0; i < downbeats.length; i++) {
      downbeats[i] = Math.max(0, downbeats[i] + ENVELOPE_LEAD_SECONDS);
    }
    TempoCurve curve = TempoCurve.fromBeats(beats);
    double onsetsPerSecond = OnsetRate.perSecond(envelope);
    return new RhythmAnalysis(
        result.estimate(),
        result.estimate().bpm(),
        beats,
        downbeats,
        metre.beatsPerBar(),
        metre.confidence(),
        curve.timesSeconds(),
        curve.bpm(),
        curve.variationPercent(),
        curve.variable(),
        onsetsPerSecond,
        result.pulseClarity(),
        result.levels(),
        Tempogram.of(features, result.estimate().bpm(), onsetsPerSecond));
  }
}
