package com.audiostems.dsp.spectral;

import static com.audiostems.dsp.spectral.TestSignals.RATE_HZ;
import static com.audiostems.dsp.spectral.TestSignals.mean;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.audiostems.dsp.signal.Stft;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpectralFlatnessTest {

  /** Euler–Mascheroni constant. */
  private static final double GAMMA = 0.5772156649;

  @Test
  void anEvenSpectrumIsExactlyFlat() {
    float[] flat = new float[1025];
    Arrays.fill(flat, 3f);
    assertThat(SpectralFlatness.of(flat)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void whiteNoiseIsNearTheExponentialLimitAndASineNearZero() {
    double[] noise =
        SpectralFeatures.spectralFlatness(
            Stft.magnitudes(TestSignals.whiteNoise(0.1, 3, 3), RATE_HZ, 2048, 512));
    double[] sine =
        SpectralFeatures.spectralFlatness(
            Stft.magnitudes(TestSignals.sine(1000, 0.5, 3), RATE_HZ, 2048, 512));
    // Reference: a periodogram bin of Gaussian white noise has exponentially distributed power,
    // whose geometric/arithmetic mean ratio is e^−γ = 0.5615; that is white noise's flatness per
    // frame (the "near 1" intuition holds for a smoothed spectrum only).
    assertThat(mean(noise, 4, noise.length - 4)).isCloseTo(Math.exp(-GAMMA), within(0.03));
    assertThat(mean(sine, 4, sine.length - 4)).isLessThan(0.01);
  }

  @Test
  void theChunkedLogMatchesAPlainSumOfLogs() {
    for (double spread : new double[] {2, 12}) { // 12: powers up to ~1e40, forces the fallback
      assertChunkedLogMatches(spread);
    }
  }

  private static void assertChunkedLogMatches(double spread) {
    float[] m = new float[1025];
    java.util.Random r = new java.util.Random(5);
    for (int i = 0; i < m.length; i++) {
      m[i] =
          (float) (Math.exp(spread * r.nextGaussian()) * (i % 7 == 0 ? 0 : 1)); // wide range, zeros
    }
    double logSum = 0;
    double sum = 0;
    for (float v : m) {
      double p = Math.max(1e-10, (double) v * v);
      logSum += Math.log(p);
      sum += p;
    }
    double expected = Math.exp(logSum / m.length) / (sum / m.length);
    assertThat(SpectralFlatness.of(m)).isCloseTo(expected, within(expected * 1e-9 + 1e-200));
  }
}
