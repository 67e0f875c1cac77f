package com.audiostems.dsp.rhythm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.audiostems.dsp.signal.MonoSignal;
import com.audiostems.dsp.signal.Stft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole analysis on generated signals whose beat is known exactly. */
class RhythmAnalyzerTest {

  static final double SECONDS = 30;

  @ParameterizedTest
  @ValueSource(doubles = {62, 93.5, 120, 175})
  void clickTracksGiveTheirTempoAndBeats(double bpm) {
    double[] truth = RhythmSignals.beatTimes(bpm, bpm, SECONDS, 0.5);
    RhythmAnalysis a = RhythmAnalyzer.analyze(RhythmSignals.clicks(truth, SECONDS, 4, 1));
    assertThat(a.tempoBpm()).isCloseTo(bpm, within(bpm * 0.01));
    assertThat(BeatEvaluation.fMeasure(truth, a.beatTimesSeconds(), 0.07)).isGreaterThan(0.95);
    // Beats land on the clicks, not merely near them.
    assertThat(Math.abs(BeatEvaluation.meanOffset(truth, a.beatTimesSeconds(), 0.07)))
        .isLessThan(0.015);
    assertThat(a.tempo().halfBpm()).isCloseTo(a.tempoBpm() / 2, within(1e-9));
    assertThat(a.tempo().doubleBpm()).isCloseTo(a.tempoBpm() * 2, within(1e-9));
    assertThat(a.pulseClarity()).isBetween(0.5, 1.0);
    assertThat(a.tempoVaries()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(doubles = {62, 70, 93.5, 140})
  void drumPatternsInFourGiveTheQuarterNoteAndFourBeatsABar(double bpm) {
    double[] truth = RhythmSignals.beatTimes(bpm, bpm, SECONDS, 0.5);
    RhythmAnalysis a = RhythmAnalyzer.analyze(RhythmSignals.drums(truth, SECONDS, 4, 3));
    assertThat(a.tempoBpm()).isCloseTo(bpm, within(bpm * 0.04));
    assertThat(a.beatsPerBar()).isEqualTo(4);
    assertThat(BeatEvaluation.fMeasure(truth, a.beatTimesSeconds(), 0.07)).isGreaterThan(0.95);
  }

  @Test
  void aThreeFourAccentPatternIsThreeBeatsABarWithItsDownbeats() {
    double bpm = 120;
    double[] truth = RhythmSignals.beatTimes(bpm, bpm, SECONDS, 0.5);
    RhythmAnalysis a = RhythmAnalyzer.analyze(RhythmSignals.drums(truth, SECONDS, 3, 5));
    assertThat(a.tempoBpm()).isCloseTo(bpm, within(bpm * 0.04));
    assertThat(a.beatsPerBar()).isEqualTo(3);
    assertThat(a.metreConfidence()).isGreaterThan(0.3);
    double[] downbeats = new double[(truth.length + 2) / 3];
    for (int i = 0; i < downbeats.length; i++) {
      downbeats[i] = truth[3 * i];
    }
    assertThat(BeatEvaluation.fMeasure(downbeats, a.downbeatTimesSeconds(), 0.07))
        .isGreaterThan(0.9);
  }

  @Test
  void accentedClicksInThreeAreThreeBeatsABar() {
    double[] truth = RhythmSignals.beatTimes(100, 100, SECONDS, 0.5);
    RhythmAnalysis a = RhythmAnalyzer.analyze(RhythmSignals.clicks(truth, SECONDS, 3, 2.5));
    assertThat(a.tempoBpm()).isCloseTo(100, within(2.0));
    assertThat(a.beatsPerBar()).isEqualTo(3);
  }

  @Test
  void aDriftingClickIsFollowedAndFlaggedAsVariable() {
    double seconds = 60;
    double[] truth = RhythmSignals.beatTimes(100, 120, seconds, 0.5);
    RhythmAnalysis a = RhythmAnalyzer.analyze(RhythmSignals.drums(truth, seconds, 4, 9));
    double meanBpm = 60 * (truth.length - 1) / (truth[truth.length - 1] - truth[0]);
    assertThat(a.tempoBpm()).isCloseTo(meanBpm, within(meanBpm * 0.04));
    assertThat(BeatEvaluation.fMeasure(truth, a.beatTimesSeconds(), 0.07)).isGreaterThan(0.9);
    assertThat(a.tempoVaries()).isTrue();
    // The curve rises from about 100 to about 120 BPM.
    double[] curve = a.tempoCurveBpm();
    assertThat(curve[2]).isCloseTo(101, within(4.0));
    assertThat(curve[curve.length - 3]).isCloseTo(119, within(4.0));
    assertThat(a.tempoCurveTimesSeconds()).hasSameSizeAs(curve);
  }

  @Test
  void silenceHasNoTempoNoBeatsAndNoOnsets() {
    RhythmAnalysis a = RhythmAnalyzer.analyze(new MonoSignal(new float[22_050 * 10], 22_050));
    assertThat(a.tempoBpm()).isZero();
    assertThat(a.beatTimesSeconds()).isEmpty();
    assertThat(a.downbeatTimesSeconds()).isEmpty();
    assertThat(a.onsetRatePerSecond()).isZero();
  }

  @Test
  void theOnsetRateCountsTheHits() {
    // Clicks at 120 BPM are 2 onsets a second.
    double[] truth = RhythmSignals.beatTimes(120, 120, SECONDS, 0.5);
    RhythmAnalysis a = RhythmAnalyzer.analyze(RhythmSignals.clicks(truth, SECONDS, 4, 1));
    assertThat(a.onsetRatePerSecond()).isCloseTo(truth.length / SECONDS, within(0.1));
  }

  @Test
  void aSharedCoarserSpectrogramAlsoWorks() {
    double bpm = 93.5;
    double[] truth = RhythmSignals.beatTimes(bpm, bpm, SECONDS, 0.5);
    MonoSignal x = RhythmSignals.drums(truth, SECONDS, 4, 11);
    RhythmAnalysis a =
        RhythmAnalyzer.analyze(Stft.magnitudes(x.samples(), x.sampleRateHz(), 2048, 512));
    assertThat(a.tempoBpm()).isCloseTo(bpm, within(bpm * 0.04));
    assertThat(BeatEvaluation.fMeasure(truth, a.beatTimesSeconds(), 0.07)).isGreaterThan(0.9);
  }
}
