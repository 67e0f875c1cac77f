package com.audiostems.dsp.tonal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HarmonicSieveTest {

  /** Peaks of one harmonic tone on 130.8 Hz (C3), amplitudes 1/h. */
  private static SpectralPeaks tone(int harmonics) {
    float[] f = new float[harmonics];
    float[] a = new float[harmonics];
    for (int h = 1; h <= harmonics; h++) {
      f[h - 1] = (float) (130.81 * h);
      a[h - 1] = 1f / h;
    }
    return new SpectralPeaks(f, a);
  }

  @Test
  void overtonesOfOneNoteAreMostlyRemovedAndTheFundamentalKept() {
    float[] r = new HarmonicSieve(0.6).residuals(tone(8));
    assertThat(r[0]).isEqualTo(1f);
    // 3rd harmonic (G) and 5th (E): what is left is far below the fundamental.
    assertThat(r[2]).isLessThan(0.05f);
    assertThat(r[4]).isLessThan(0.1f);
  }

  @Test
  void aRealNoteOnAnOvertoneKeepsWhatExceedsTheClaim() {
    // C3 plus a loud G4 (the 3rd harmonic's position, 392.4 Hz).
    SpectralPeaks p = new SpectralPeaks(new float[] {130.81f, 392.44f}, new float[] {1f, 1f});
    float[] r = new HarmonicSieve(0.6).residuals(p);
    assertThat((double) r[1]).isCloseTo(1 - 0.36, within(1e-3));
  }

  @Test
  void rolloffZeroLeavesPeaksAlone() {
    SpectralPeaks t = tone(6);
    assertThat(new HarmonicSieve(0).residuals(t)).containsExactly(t.magnitudes());
  }

  @Test
  void theTuningHistogramFindsTheOffsetOfMostPeaksAcrossTheWrap() {
    TuningEstimator t = new TuningEstimator();
    // Notes 48 cents sharp and 49 cents flat are 3 cents apart on the circle.
    t.add(TonalSignals.hz(60, 48), 1);
    t.add(TonalSignals.hz(67, -49), 1);
    t.add(TonalSignals.hz(64, 50), 1);
    t.add(TonalSignals.hz(70, 10), 0.3); // an outlier
    assertThat(Math.abs(t.offsetCents())).isGreaterThan(47);
    assertThat(new TuningEstimator().offsetCents()).isEqualTo(0.0);
  }
}
