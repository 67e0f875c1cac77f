package com.audiostems.dsp.spectral;

import static com.audiostems.dsp.spectral.TestSignals.RATE_HZ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.audiostems.dsp.signal.MonoSignal;
import com.audiostems.dsp.signal.Spectrogram;
import com.audiostems.dsp.signal.Stft;
import org.junit.jupiter.api.Test;

class SpectralAnalyzerTest {

  @Test
  void summaryOfAToneIgnoresTrailingSilence() {
    float[] x = TestSignals.concat(TestSignals.sine(1000, 0.5, 4), new float[RATE_HZ * 4]);
    Spectrogram s = Stft.magnitudes(x, RATE_HZ, 2048, 512);
    SpectralSummary summary = SpectralAnalyzer.summarize(s, x);
    assertThat(summary.framesAnalysed()).isEqualTo(s.frameCount());
    // About half the frames are digital silence and are not counted.
    assertThat(summary.framesCounted()).isBetween(s.frameCount() / 2 - 5, s.frameCount() / 2 + 5);
    assertThat(summary.centroidHz().median()).isCloseTo(1000, within(10.0));
    assertThat(summary.zeroCrossingRatePerSample().median())
        .isCloseTo(2000.0 / RATE_HZ, within(0.001));
    assertThat(summary.flatness().mean()).isLessThan(0.01);
    assertThat(summary.mfccMean()).hasSize(13);
    assertThat(summary.mfccStandardDeviation()).hasSize(13);
    assertThat(summary.contrastBandMeansDb()).hasSize(7);
  }

  @Test
  void oneSweepAgreesWithTheSingleFeatureFunctions() {
    float[] x = TestSignals.whiteNoise(0.1, 1, 11);
    Spectrogram s = Stft.magnitudes(x, RATE_HZ, 2048, 512);
    SpectralFrames fr = SpectralAnalyzer.frames(s, x);
    assertThat(fr.centroidHz()).containsExactly(SpectralFeatures.spectralCentroidHz(s));
    assertThat(fr.rolloffHz()).containsExactly(SpectralFeatures.spectralRolloffHz(s));
    assertThat(fr.flatness()).containsExactly(SpectralFeatures.spectralFlatness(s));
    assertThat(fr.mfcc()[7]).containsExactly(SpectralFeatures.mfcc(s)[7]);
    assertThat(fr.contrastDb()[7]).containsExactly(SpectralFeatures.spectralContrastDb(s)[7]);
  }

  @Test
  void anEmptySignalSummarisesToZeros() {
    Spectrogram s = Stft.magnitudes(new float[0], RATE_HZ, 2048, 512);
    SpectralSummary summary = SpectralAnalyzer.summarize(s, new float[0]);
    assertThat(summary.framesCounted()).isZero();
    assertThat(summary.centroidHz()).isEqualTo(FeatureStats.EMPTY);
  }

  @Test
  void framesStraightFromTheTransformAreThoseOfTheStoredSpectrogram() {
    float[] x =
        TestSignals.concat(TestSignals.sine(440, 0.4, 2), TestSignals.whiteNoise(0.1, 2, 3));
    SpectralFrames stored = SpectralAnalyzer.frames(Stft.magnitudes(x, RATE_HZ, 2048, 512), x);
    SpectralFrames streamed = SpectralAnalyzer.frames(new MonoSignal(x, RATE_HZ), 2048, 512);
    assertThat(streamed).usingRecursiveComparison().isEqualTo(stored);
  }
}
