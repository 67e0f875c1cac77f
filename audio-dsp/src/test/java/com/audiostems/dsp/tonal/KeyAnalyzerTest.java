package com.audiostems.dsp.tonal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.audiostems.dsp.signal.MonoSignal;
import org.junit.jupiter.api.Test;

class KeyAnalyzerTest {

  @Test
  void aCMajorCadenceIsCMajor() {
    KeyEstimate e =
        KeyAnalyzer.analyze(TonalSignals.chords(TonalSignals.C_MAJOR_CADENCE, 1.5, 0, 8));
    assertThat(e.key()).isEqualTo(new Key(0, Mode.MAJOR));
    assertThat(e.name()).isEqualTo("C major");
    assertThat(e.confidence()).isBetween(0.0, 1.0);
    assertThat(e.runnerUp()).isNotEqualTo(e.key());
    assertThat(e.runnerUpRelation()).isEqualTo(e.key().relationTo(e.runnerUp()));
    assertThat(e.chroma()).hasSize(12);
  }

  @Test
  void aMinorWithTheHarmonicMinorsSharpSeventhIsAMinor() {
    KeyEstimate e =
        KeyAnalyzer.analyze(TonalSignals.chords(TonalSignals.A_MINOR_CADENCE, 1.5, 0, 8));
    assertThat(e.name()).isEqualTo("A minor");
  }

  @Test
  void thirtyCentsSharpIsStillTheKeyAndTheTuningIsMeasured() {
    MonoSignal sharp = TonalSignals.chords(TonalSignals.C_MAJOR_CADENCE, 1.5, 30, 8);
    KeyEstimate e = KeyAnalyzer.analyze(sharp);
    assertThat(e.name()).isEqualTo("C major");
    assertThat(e.tuningOffsetCents()).isCloseTo(30, within(5.0));

    MonoSignal flat = TonalSignals.chords(TonalSignals.A_MINOR_CADENCE, 1.5, -30, 8);
    KeyEstimate f = KeyAnalyzer.analyze(flat);
    assertThat(f.name()).isEqualTo("A minor");
    assertThat(f.tuningOffsetCents()).isCloseTo(-30, within(5.0));
  }

  @Test
  void theTuningEstimateIsWithinFiveCentsAcrossOffsets() {
    for (double cents : new double[] {-45, -20, -7, 0, 12, 25, 40}) {
      KeyEstimate e =
          KeyAnalyzer.analyze(TonalSignals.chords(TonalSignals.C_MAJOR_CADENCE, 1.0, cents, 8));
      assertThat(e.tuningOffsetCents()).as("offset %s", cents).isCloseTo(cents, within(5.0));
    }
  }

  @Test
  void everyTranspositionOfBothCadencesIsFound() {
    for (int t = 0; t < 12; t++) {
      KeyEstimate major =
          KeyAnalyzer.analyze(
              TonalSignals.chords(
                  TonalSignals.transpose(TonalSignals.C_MAJOR_CADENCE, t - 5), 1.0, 0, 8));
      assertThat(major.key())
          .as("major +%d", t)
          .isEqualTo(new Key(Math.floorMod(t - 5, 12), Mode.MAJOR));
      KeyEstimate minor =
          KeyAnalyzer.analyze(
              TonalSignals.chords(
                  TonalSignals.transpose(TonalSignals.A_MINOR_CADENCE, t - 5), 1.0, 0, 8));
      assertThat(minor.key())
          .as("minor +%d", t)
          .isEqualTo(new Key(Math.floorMod(9 + t - 5, 12), Mode.MINOR));
    }
  }

  @Test
  void silenceGivesAnEstimateWithoutFailing() {
    KeyEstimate e = KeyAnalyzer.analyze(new MonoSignal(new float[22_050 * 3], 22_050));
    assertThat(e.key()).isNotNull();
    assertThat(e.tuningOffsetCents()).isEqualTo(0.0);
    assertThat(KeyAnalyzer.analyze(new MonoSignal(new float[0], 22_050)).key()).isNotNull();
  }

  @Test
  void theChromagramHasAFrameEveryThirdOfASecondOrSo() {
    MonoSignal s = TonalSignals.chords(TonalSignals.C_MAJOR_CADENCE, 1.0, 0, 8);
    Chromagram c = KeyAnalyzer.chromagram(s);
    assertThat(c.frameRateHz()).isBetween(2.0, 3.5);
    assertThat(c.frameCount())
        .isCloseTo((int) Math.round(s.durationSeconds() * c.frameRateHz()), within(3));
    for (float[] frame : c.chromaPerFrame()) {
      assertThat(frame).hasSize(12);
    }
    // C, E and G dominate a C major cadence.
    float[] t = c.trackChroma();
    assertThat(t[0]).isGreaterThan(t[1]).isGreaterThan(t[6]);
    assertThat(t[7]).isGreaterThan(t[8]);
  }
}
