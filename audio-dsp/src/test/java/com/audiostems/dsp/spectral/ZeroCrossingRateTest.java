package com.audiostems.dsp.spectral;

import static com.audiostems.dsp.spectral.TestSignals.RATE_HZ;
import static com.audiostems.dsp.spectral.TestSignals.mean;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.audiostems.dsp.signal.Stft;
import org.junit.jupiter.api.Test;

class ZeroCrossingRateTest {

  @Test
  void aSineCrossesTwicePerPeriod() {
    for (double hz : new double[] {100, 1000, 2500}) {
      float[] x = TestSignals.sine(hz + 0.37, 0.5, 2); // off-grid, so no sample sits on zero
      double[] zcr =
          SpectralFeatures.zeroCrossingRatePerSample(x, Stft.magnitudes(x, RATE_HZ, 2048, 512));
      assertThat(zcr).hasSize(1 + x.length / 512);
      // Reference: 2f/fs crossings per sample; a 2048-sample frame rounds by ±1 crossing.
      double expected = 2 * (hz + 0.37) / RATE_HZ;
      assertThat(mean(zcr, 4, zcr.length - 4))
          .isCloseTo(expected, within(expected * 0.01 + 1.0 / 2048));
    }
  }

  @Test
  void edgesAreClippedToTheSignalAndSilenceIsZero() {
    double[] zcr = ZeroCrossingRate.perSample(new float[5000], 2048, 512, 10);
    for (double v : zcr) {
      assertThat(v).isZero();
    }
  }
}
