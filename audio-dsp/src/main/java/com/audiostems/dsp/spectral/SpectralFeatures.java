package com.audiostems.dsp.spectral;

import com.audiostems.dsp.signal.Spectrogram;

/**
 * One feature at a time over a whole spectrogram, one value (or vector) per frame: the librosa-like
 * entry points. {@link SpectralAnalyzer} computes them all in one sweep instead, which is what the
 * pipeline should call.
 */
public final class SpectralFeatures {

  private SpectralFeatures() {}

  /** Spectral centroid per frame, Hz. */
  public static double[] spectralCentroidHz(Spectrogram s) {
    double[] out = new double[s.frameCount()];
    for (int f = 0; f < out.length; f++) {
      out[f] = SpectralShape.centroidHz(s.magnitudes()[f], s.binWidthHz());
    }
    return out;
  }

  /** Spectral bandwidth (p = 2) per frame, Hz. */
  public static double[] spectralBandwidthHz(Spectrogram s) {
    double[] out = new double[s.frameCount()];
    for (int f = 0; f < out.length; f++) {
      out[f] = SpectralShape.bandwidthHz(s.magnitudes()[f], s.binWidthHz());
    }
    return out;
  }

  /** Rolloff per frame at the given fraction of magnitude (librosa's default: 0.85), Hz. */
  public static double[] spectralRolloffHz(Spectrogram s, double fraction) {
    double[] out = new double[s.frameCount()];
    for (int f = 0; f < out.length; f++) {
      out[f] = SpectralShape.rolloffHz(s.magnitudes()[f], s.binWidthHz(), fraction);
    }
    return out;
  }

  /** Rolloff per frame at 85%, Hz. */
  public static double[] spectralRolloffHz(Spectrogram s) {
    return spectralRolloffHz(s, SpectralAnalyzer.DEFAULT_ROLLOFF_FRACTION);
  }

  /** Spectral flatness per frame, 0–1. */
  public static double[] spectralFlatness(Spectrogram s) {
    double[] out = new double[s.frameCount()];
    for (int f = 0; f < out.length; f++) {
      out[f] = SpectralFlatness.of(s.magnitudes()[f]);
    }
    return out;
  }

  /** Octave-band contrast {@code [frame][band]}, dB; librosa's default 7 bands. */
  public static double[][] spectralContrastDb(Spectrogram s) {
    SpectralContrast contrast = SpectralContrast.defaults(s.binCount(), s.binWidthHz());
    double[][] out = new double[s.frameCount()][contrast.bandCount()];
    for (int f = 0; f < out.length; f++) {
      contrast.contrastDb(s.magnitudes()[f], out[f]);
    }
    return out;
  }

  /** MFCC {@code [frame][coefficient]}: 40 Slaney mel bands, 13 coefficients (see {@link Mfcc}). */
  public static double[][] mfcc(Spectrogram s) {
    Mfcc mfcc = Mfcc.defaults(s.binCount(), s.binWidthHz());
    double[] logMel = new double[mfcc.bandCount()];
    double[][] out = new double[s.frameCount()][mfcc.coefficientCount()];
    for (int f = 0; f < out.length; f++) {
      mfcc.compute(s.magnitudes()[f], logMel, out[f]);
    }
    return out;
  }

  /** Zero-crossing rate per spectrogram frame, crossings per sample. */
  public static double[] zeroCrossingRatePerSample(float[] analysisRateMono, Spectrogram s) {
    return ZeroCrossingRate.perSample(
        analysisRateMono, s.frameSizeSamples(), s.hopSizeSamples(), s.frameCount());
  }
}
