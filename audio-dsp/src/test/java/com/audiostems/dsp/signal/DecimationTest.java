package com.audiostems.dsp.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DecimationTest {

  private static float[] sine(double hz, int rateHz, double seconds) {
    float[] x = new float[(int) (rateHz * seconds)];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.sin(2 * Math.PI * hz * i / rateHz);
    }
    return x;
  }

  private static double rms(float[] x, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += x[i] * x[i];
    }
    return Math.sqrt(s / (to - from));
  }

  @Test
  void passbandKeepsItsLevel() {
    MonoSignal y = Decimation.toAnalysisRate(sine(1000, 44_100, 1), 44_100);
    assertThat(y.sampleRateHz()).isEqualTo(22_050);
    assertThat(rms(y.samples(), 1000, 20_000)).isCloseTo(Math.sqrt(0.5), within(0.005));
  }

  @Test
  void contentAboveTheNewNyquistIsRemoved() {
    // 15 kHz would fold to 7.05 kHz at 22.05 kHz; it must be at least 60 dB down instead.
    MonoSignal y = Decimation.toAnalysisRate(sine(15_000, 44_100, 1), 44_100);
    assertThat(rms(y.samples(), 1000, 20_000)).isLessThan(Math.sqrt(0.5) * 1e-3);
  }

  @Test
  void highRatesAreHalvedUntilTwentyFourKilohertz() {
    assertThat(Decimation.toAnalysisRate(new float[96_000], 96_000).sampleRateHz()).isEqualTo(24_000);
    assertThat(Decimation.toAnalysisRate(new float[192_000], 192_000).samples()).hasSize(24_000);
    assertThat(Decimation.toAnalysisRate(new float[22_050], 22_050).sampleRateHz()).isEqualTo(22_050);
  }
}
