package com.audiostems.dsp.signal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StftTest {

  @Test
  void aSineLandsInItsBinAtEveryFrame() {
    int rate = 22_050;
    double hz = 1000;
    float[] x = new float[rate * 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.sin(2 * Math.PI * hz * i / rate);
    }
    Spectrogram s = Stft.magnitudes(x, rate, 2048, 512);
    assertThat(s.frameCount()).isEqualTo(1 + x.length / 512);
    int expectedBin = (int) Math.round(hz / s.binWidthHz());
    for (int f = 4; f < s.frameCount() - 4; f++) {
      float[] m = s.magnitudes()[f];
      int peak = 0;
      for (int k = 1; k < m.length; k++) {
        if (m[k] > m[peak]) {
          peak = k;
        }
      }
      assertThat(peak).isEqualTo(expectedBin);
      // A unit sine under a Hann window peaks near N/4 in magnitude.
      assertThat((double) m[peak]).isBetween(2048 / 4.0 * 0.8, 2048 / 4.0 * 1.01);
    }
    assertThat(s.frameTimeSeconds(43)).isEqualTo(43 * 512.0 / rate);
  }
}
