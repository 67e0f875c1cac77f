package com.audiostems.dsp.tonal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyRateTest {

  private static double rmsAfter(double hz, int rate, double[] outRate) {
    float[] x = new float[rate * 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.sin(2 * Math.PI * hz * i / rate);
    }
    PeakSpectrogram.Decimated d = PeakSpectrogram.toKeyRate(x, rate);
    outRate[0] = d.sampleRateHz();
    float[] y = d.samples();
    double s = 0;
    int from = y.length / 4;
    int to = 3 * y.length / 4;
    for (int i = from; i < to; i++) {
      s += y[i] * y[i];
    }
    return Math.sqrt(s / (to - from));
  }

  @Test
  void theKeyBandPassesAndWhatWouldFoldIntoItIsStopped() {
    for (int rate : new int[] {22_050, 24_000}) {
      double[] out = new double[1];
      for (double hz : new double[] {55, 440, 1000, 2000}) {
        assertThat(rmsAfter(hz, rate, out)).as("%d Hz at %d", (int) hz, rate).isBetween(0.70, 0.72);
      }
      assertThat(out[0]).isEqualTo(rate / 4.0);
      // These would alias into 0..2 kHz at the output rate.
      for (double hz :
          new double[] {rate / 4.0 - 500, rate / 4.0 + 1500, rate / 2.0 - 1000, rate / 2.0 - 300}) {
        assertThat(rmsAfter(hz, rate, out))
            .as("%d Hz at %d", (int) hz, rate)
            .isLessThan(0.707 * 3e-4);
      }
    }
  }

  @Test
  void lowRatesAreLeftAlone() {
    float[] x = {1, 2, 3};
    PeakSpectrogram.Decimated d = PeakSpectrogram.toKeyRate(x, 8_000);
    assertThat(d.samples()).isSameAs(x);
    assertThat(d.sampleRateHz()).isEqualTo(8_000.0);
  }
}
