package com.audiostems.dsp.spectral;

import static com.audiostems.dsp.spectral.TestSignals.RATE_HZ;
import static com.audiostems.dsp.spectral.TestSignals.mean;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.audiostems.dsp.signal.Spectrogram;
import com.audiostems.dsp.signal.Stft;
import org.junit.jupiter.api.Test;

class SpectralShapeTest {

  private static Spectrogram spec(float[] x) {
    return Stft.magnitudes(x, RATE_HZ, 2048, 512);
  }

  @Test
  void aSinesCentroidIsItsFrequency() {
    // Reference: the Hann main lobe is symmetric about the tone, so the magnitude-weighted mean
    // frequency is the tone's (up to the sidelobe skew across DC and Nyquist: < 1%).
    for (double hz : new double[] {440, 1000, 3000}) {
      Spectrogram s = spec(TestSignals.sine(hz, 0.5, 2));
      double[] c = SpectralFeatures.spectralCentroidHz(s);
      assertThat(mean(c, 4, c.length - 4))
          .as("centroid of %s Hz", hz)
          .isCloseTo(hz, within(hz * 0.01));
    }
  }

  @Test
  void aSineIsNarrowAndWhiteNoiseIsWide() {
    double[] sine = SpectralFeatures.spectralBandwidthHz(spec(TestSignals.sine(1000, 0.5, 2)));
    double[] noise = SpectralFeatures.spectralBandwidthHz(spec(TestSignals.whiteNoise(0.1, 2, 1)));
    assertThat(mean(sine, 4, sine.length - 4)).isLessThan(60);
    // Reference: flat magnitude on 0..fs/2 is uniform, std = (fs/2)/√12 = 3182.6 Hz at 22.05 kHz.
    assertThat(mean(noise, 4, noise.length - 4)).isCloseTo(11_025 / Math.sqrt(12), within(100.0));
  }

  @Test
  void rolloffOfBandLimitedNoiseSitsAtTheEdgeAndAtItsFraction() {
    double edgeHz = 4000;
    Spectrogram s = spec(TestSignals.bandLimitedNoise(edgeHz, 0.1, 7));
    // Reference: magnitude is flat on 0..edge, so cumulative magnitude grows linearly and the
    // p-rolloff is p × edge; at 99% it is the edge within the window's leakage (a few bins).
    double[] r85 = SpectralFeatures.spectralRolloffHz(s);
    double[] r99 = SpectralFeatures.spectralRolloffHz(s, 0.99);
    assertThat(mean(r85, 4, r85.length - 4)).isCloseTo(0.85 * edgeHz, within(0.03 * edgeHz));
    assertThat(mean(r99, 4, r99.length - 4)).isCloseTo(0.99 * edgeHz, within(0.03 * edgeHz));
    assertThat(mean(r99, 4, r99.length - 4)).isLessThanOrEqualTo(edgeHz + 3 * s.binWidthHz());
  }

  @Test
  void silenceReadsZeroHz() {
    float[] zeros = new float[2048];
    assertThat(SpectralShape.centroidHz(zeros, 10)).isZero();
    assertThat(SpectralShape.bandwidthHz(zeros, 10)).isZero();
    assertThat(SpectralShape.rolloffHz(zeros, 10, 0.85)).isZero();
  }
}
