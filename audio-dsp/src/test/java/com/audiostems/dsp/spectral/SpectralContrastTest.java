package com.audiostems.dsp.spectral;

import static com.audiostems.dsp.spectral.TestSignals.RATE_HZ;
import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.dsp.signal.Stft;
import org.junit.jupiter.api.Test;

class SpectralContrastTest {

  @Test
  void librosaBandLayoutAtTheAnalysisRate() {
    // 200 Hz and 6 octaves at 22.05 kHz: [0,200] [200,400] … [3200,6400] [6400,Nyquist] = 7.
    assertThat(SpectralContrast.defaults(1025, RATE_HZ / 2048.0).bandCount()).isEqualTo(7);
  }

  @Test
  void aToneInSilenceHasMoreContrastThanNoise() {
    double[][] tone =
        SpectralFeatures.spectralContrastDb(
            Stft.magnitudes(TestSignals.sine(300, 0.3, 2), RATE_HZ, 2048, 512));
    double[][] noise =
        SpectralFeatures.spectralContrastDb(
            Stft.magnitudes(TestSignals.whiteNoise(0.1, 2, 8), RATE_HZ, 2048, 512));
    int band = 1; // band 0 is 0–200 Hz, band 1 is 200–400 Hz: it holds 300 Hz
    double toneBand = tone[40][band];
    double noiseBand = noise[40][band];
    // The tone's band: its peak vs the Hann window's far sidelobes, > 60 dB. Noise: the top and
    // bottom 2% of Rayleigh-distributed magnitudes, roughly 15–35 dB apart.
    assertThat(toneBand).isGreaterThan(60);
    assertThat(noiseBand).isBetween(10.0, 40.0);
    assertThat(toneBand).isGreaterThan(noiseBand + 30);
  }
}
