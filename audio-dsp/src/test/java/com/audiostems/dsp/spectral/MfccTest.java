package com.audiostems.dsp.spectral;

import static com.audiostems.dsp.spectral.TestSignals.RATE_HZ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.audiostems.dsp.signal.Spectrogram;
import com.audiostems.dsp.signal.Stft;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MfccTest {

  @Test
  void slaneyMelScaleKnownPoints() {
    // Reference: Slaney's Auditory Toolbox scale (librosa hz_to_mel, htk=False): 200/3 Hz per mel
    // to 1 kHz = 15 mel, then 27 mel per factor 6.4: 2 kHz = 15 + 27 ln 2 / ln 6.4 = 25.0819.
    assertThat(MelFilterbank.hzToMel(500)).isCloseTo(7.5, within(1e-12));
    assertThat(MelFilterbank.hzToMel(1000)).isCloseTo(15, within(1e-12));
    assertThat(MelFilterbank.hzToMel(2000)).isCloseTo(25.0819, within(1e-4));
    for (double hz : new double[] {0, 123, 999, 1000, 4567, 11_025}) {
      assertThat(MelFilterbank.melToHz(MelFilterbank.hzToMel(hz))).isCloseTo(hz, within(1e-9));
    }
  }

  @Test
  void everyMelBandHasWeightAndUnitArea() {
    double binWidthHz = RATE_HZ / 2048.0;
    MelFilterbank fb = new MelFilterbank(1025, binWidthHz, 40, 0, RATE_HZ / 2.0);
    double[] powers = new double[40];
    float[] flat = new float[1025];
    Arrays.fill(flat, 1f);
    fb.bandPowers(flat, powers);
    // Slaney norm: each triangle has area 1 in Hz, so on a flat unit power spectrum sampled every
    // binWidthHz a band sums to ≈ 1 / binWidthHz (the narrow low bands only roughly: few bins).
    for (int b = 10; b < 40; b++) {
      assertThat(powers[b] * binWidthHz).as("band %d", b).isCloseTo(1.0, within(0.05));
    }
    for (int b = 0; b < 10; b++) {
      assertThat(powers[b]).as("band %d", b).isPositive();
    }
  }

  @Test
  void theDctOfAConstantHasOnlyC0() {
    Dct dct = new Dct(40, 13);
    double[] in = new double[40];
    Arrays.fill(in, -37.5);
    double[] out = new double[13];
    dct.transform(in, out);
    // Reference: orthonormal DCT-II: c0 = √N × value, every other cosine sums to zero.
    assertThat(out[0]).isCloseTo(-37.5 * Math.sqrt(40), within(1e-9));
    for (int k = 1; k < 13; k++) {
      assertThat(out[k]).as("c%d", k).isCloseTo(0, within(1e-9));
    }
  }

  @Test
  void theDctIsOrthonormal() {
    Dct dct = new Dct(40, 40);
    double[] in = new double[40];
    double[] out = new double[40];
    java.util.Random r = new java.util.Random(2);
    double energyIn = 0;
    for (int i = 0; i < 40; i++) {
      in[i] = r.nextGaussian();
      energyIn += in[i] * in[i];
    }
    dct.transform(in, out);
    double energyOut = 0;
    for (double v : out) {
      energyOut += v * v;
    }
    assertThat(energyOut).isCloseTo(energyIn, within(1e-9));
  }

  @Test
  void c0FollowsLevelAndTheShapeDoesNot() {
    float[] quiet = TestSignals.whiteNoise(0.05, 2, 9);
    float[] loud = quiet.clone();
    for (int i = 0; i < loud.length; i++) {
      loud[i] *= 2; // exact in float: +6.0206 dB in every band
    }
    double[][] a = SpectralFeatures.mfcc(Stft.magnitudes(quiet, RATE_HZ, 2048, 512));
    double[][] b = SpectralFeatures.mfcc(Stft.magnitudes(loud, RATE_HZ, 2048, 512));
    double shift = 20 * Math.log10(2) * Math.sqrt(40); // 38.08: √N × the per-band dB shift
    for (int f = 2; f < a.length - 2; f++) {
      assertThat(b[f][0] - a[f][0]).isCloseTo(shift, within(1e-3));
      for (int k = 1; k < 13; k++) {
        assertThat(b[f][k] - a[f][k]).isCloseTo(0, within(1e-3));
      }
    }
  }

  @Test
  void aToneAndNoiseHaveDifferentCepstra() {
    Spectrogram tone = Stft.magnitudes(TestSignals.sine(440, 0.3, 2), RATE_HZ, 2048, 512);
    Spectrogram noise = Stft.magnitudes(TestSignals.whiteNoise(0.1, 2, 4), RATE_HZ, 2048, 512);
    double[] t = SpectralFeatures.mfcc(tone)[40];
    double[] n = SpectralFeatures.mfcc(noise)[40];
    double d = 0;
    for (int k = 1; k < 13; k++) {
      d += (t[k] - n[k]) * (t[k] - n[k]);
    }
    assertThat(Math.sqrt(d)).isGreaterThan(20);
  }
}
