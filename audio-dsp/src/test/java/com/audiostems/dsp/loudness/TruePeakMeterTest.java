package com.audiostems.dsp.loudness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TruePeakMeterTest {

  @Test
  void factorIsEightBelow88kHzAndFourAbove() {
    assertThat(TruePeakMeter.oversamplingFactorFor(44_100)).isEqualTo(8);
    assertThat(TruePeakMeter.oversamplingFactorFor(48_000)).isEqualTo(8);
    assertThat(TruePeakMeter.oversamplingFactorFor(88_200)).isEqualTo(4);
    assertThat(TruePeakMeter.oversamplingFactorFor(192_000)).isEqualTo(4);
  }

  // The skipping of blocks (by the tap-sum bound and the 4x-before-8x refinement) must give the
  // same maximum as interpolating every phase everywhere, on a signal with dynamics.
  @ParameterizedTest
  @ValueSource(ints = {4, 8})
  void skippingBlocksLosesNoPeak(int factor) {
    SplittableRandom random = new SplittableRandom(5);
    float[] x = new float[40_000];
    for (int i = 0; i < x.length; i++) {
      double envelope = 0.2 + 0.8 * Math.abs(Math.sin(i / 3000.0));
      x[i] = (float) (envelope * (random.nextDouble() - 0.5) * 1.6);
    }
    TruePeakMeter meter = new TruePeakMeter(1, factor, 48_000);
    meter.accept(new float[][] {x}, 0, x.length);

    assertThat(meter.truePeak()).isCloseTo(bruteForce(x, factor), within(1e-6));
  }

  /** Every phase at every position, zero-padded at both ends, straight from the taps. */
  private static double bruteForce(float[] x, int factor) {
    int taps = TruePeakMeter.TAPS_PER_PHASE;
    double max = 0;
    for (float v : x) {
      max = Math.max(max, Math.abs(v));
    }
    for (int p = 1; p < factor; p++) {
      float[] h = TruePeakMeter.phase((double) p / factor);
      for (int m = -1; m < x.length; m++) { // between x[m] and x[m + 1]
        double y = 0;
        for (int k = 0; k < taps; k++) {
          int j = m - taps / 2 + 1 + k;
          y += j >= 0 && j < x.length ? h[k] * x[j] : 0;
        }
        max = Math.max(max, Math.abs(y));
      }
    }
    return max;
  }

  // A sine with its peaks between samples reads within 0.1 dB of its amplitude at 8x up to
  // 0.35 fs (16.8 kHz at 48 kHz), within -0.15 dB at 0.4 fs, where the 16-tap interpolator starts
  // to roll off (the spec's tolerance is +0.2 / -0.4 dB).
  @ParameterizedTest
  @ValueSource(doubles = {0.05, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4})
  void sinesUpTo40PercentOfTheRateReadTheirAmplitude(double cyclesPerSample) {
    for (double phase = 0; phase < 1; phase += 0.125) {
      float[] x = new float[4000];
      for (int i = 0; i < x.length; i++) {
        double fade = Math.min(1, Math.min(i, x.length - 1 - i) / 400.0);
        x[i] = (float) (0.5 * fade * Math.sin(2 * Math.PI * (cyclesPerSample * i + phase)));
      }
      TruePeakMeter meter = new TruePeakMeter(48_000, 1);
      meter.accept(new float[][] {x}, 0, x.length);

      double below = cyclesPerSample <= 0.35 ? -0.1 : -0.15;
      assertThat(20 * Math.log10(meter.truePeak() / 0.5)).isBetween(below, 0.1);
    }
  }

  @Test
  void interSampleOverAtTheVeryEndIsFound() {
    // fs/4 at 45 degrees: samples at +-0.707 A, peaks between them, up to the last sample.
    float[] x = new float[64];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (Math.sin(Math.PI / 2 * i + Math.PI / 4));
    }
    TruePeakMeter meter = new TruePeakMeter(48_000, 1);
    meter.accept(new float[][] {x}, 0, x.length);

    assertThat(meter.samplePeak()).isCloseTo(Math.sqrt(0.5), within(1e-6));
    assertThat(meter.truePeak()).isGreaterThan(0.95);
  }
}
