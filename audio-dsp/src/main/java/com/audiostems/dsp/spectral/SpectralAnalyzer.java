package com.audiostems.dsp.spectral;

import com.audiostems.dsp.signal.Spectrogram;

/**
 * Timbre features of a track from the pipeline's shared spectrogram (analysis-rate mono, frame
 * 2048, hop 512) and the same mono samples (for the zero-crossing rate).
 *
 * <p>All frame features are computed in one sweep over the spectrogram, so each 4 KB frame is read
 * from memory once and then stays in cache for every feature.
 */
public final class SpectralAnalyzer {

  public static final double DEFAULT_ROLLOFF_FRACTION = 0.85;

  /**
   * Frames whose mel-band power is more than 60 dB below the loudest frame's are left out of the
   * summary (mel power: a by-product of the MFCC, so no extra pass over the bins).
   */
  static final double AUDIBLE_POWER_RATIO = 1e-6;

  private SpectralAnalyzer() {}

  /** Track-level summary of every feature; see {@link SpectralSummary} for units. */
  public static SpectralSummary summarize(Spectrogram spectrogram, float[] analysisRateMono) {
    return summarize(frames(spectrogram, analysisRateMono));
  }

  /** Every per-frame feature (rolloff at 85%); reuse it for the structure analysis. */
  public static SpectralFrames frames(Spectrogram spectrogram, float[] analysisRateMono) {
    return frames(spectrogram, analysisRateMono, DEFAULT_ROLLOFF_FRACTION);
  }

  public static SpectralFrames frames(
      Spectrogram spectrogram, float[] analysisRateMono, double rolloffFraction) {
    float[][] mags = spectrogram.magnitudes();
    int frames = mags.length;
    int bins = spectrogram.binCount();
    double binWidthHz = spectrogram.binWidthHz();
    SpectralContrast contrast = SpectralContrast.defaults(bins, binWidthHz);
    Mfcc mfcc = Mfcc.defaults(bins, binWidthHz);

    double[] centroid = new double[frames];
    double[] bandwidth = new double[frames];
    double[] rolloff = new double[frames];
    double[] flatness = new double[frames];
    double[][] contrastDb = new double[frames][contrast.bandCount()];
    double[][] cepstrum = new double[frames][mfcc.coefficientCount()];
    float[][] logMel = new float[frames][mfcc.bandCount()];
    double[] power = new double[frames];
    double[] logMelScratch = new double[mfcc.bandCount()];

    for (int f = 0; f < frames; f++) {
      float[] m = mags[f];
      double[] moments = SpectralShape.moments(m);
      centroid[f] = SpectralShape.centroidHz(moments, binWidthHz);
      bandwidth[f] = SpectralShape.bandwidthHz(moments, binWidthHz);
      rolloff[f] = SpectralShape.rolloffHz(m, binWidthHz, rolloffFraction, moments[0]);
      flatness[f] = SpectralFlatness.of(m);
      contrast.contrastDb(m, contrastDb[f]);
      power[f] = mfcc.compute(m, logMelScratch, cepstrum[f]);
      for (int b = 0; b < logMelScratch.length; b++) {
        logMel[f][b] = (float) logMelScratch[b];
      }
    }

    double maxPower = 0;
    for (double p : power) {
      maxPower = Math.max(maxPower, p);
    }
    boolean[] audible = new boolean[frames];
    for (int f = 0; f < frames; f++) {
      audible[f] = power[f] > 0 && power[f] >= maxPower * AUDIBLE_POWER_RATIO;
    }
    double[] zcr =
        ZeroCrossingRate.perSample(
            analysisRateMono, spectrogram.frameSizeSamples(), spectrogram.hopSizeSamples(), frames);
    return new SpectralFrames(
        centroid,
        bandwidth,
        rolloff,
        rolloffFraction,
        flatness,
        contrastDb,
        cepstrum,
        logMel,
        MelFlux.positiveDb(logMel),
        zcr,
        audible,
        spectrogram.frameRateHz());
  }

  /** Summary statistics of per-frame features over their audible frames. */
  public static SpectralSummary summarize(SpectralFrames fr) {
    boolean[] use = fr.audible();
    int frames = fr.frameCount();
    int bands = frames > 0 ? fr.contrastDb()[0].length : SpectralContrast.DEFAULT_OCTAVE_BANDS + 1;
    int coefficients = frames > 0 ? fr.mfcc()[0].length : Mfcc.DEFAULT_COEFFICIENTS;

    double[] meanContrast = new double[frames];
    for (int f = 0; f < frames; f++) {
      double s = 0;
      for (double v : fr.contrastDb()[f]) {
        s += v;
      }
      meanContrast[f] = s / bands;
    }
    double[] bandMeans = columnMeans(fr.contrastDb(), use, bands);
    double[] mfccMean = columnMeans(fr.mfcc(), use, coefficients);
    double[] mfccStd = new double[coefficients];
    int counted = 0;
    for (int f = 0; f < frames; f++) {
      if (use[f]) {
        counted++;
        for (int c = 0; c < coefficients; c++) {
          double d = fr.mfcc()[f][c] - mfccMean[c];
          mfccStd[c] += d * d;
        }
      }
    }
    for (int c = 0; c < coefficients; c++) {
      mfccStd[c] = counted > 0 ? Math.sqrt(mfccStd[c] / counted) : 0;
    }
    return new SpectralSummary(
        FeatureStats.of(fr.centroidHz(), use),
        FeatureStats.of(fr.bandwidthHz(), use),
        FeatureStats.of(fr.rolloffHz(), use),
        fr.rolloffFraction(),
        FeatureStats.of(fr.flatness(), use),
        FeatureStats.of(meanContrast, use),
        bandMeans,
        FeatureStats.of(fr.zeroCrossingRatePerSample(), use),
        mfccMean,
        mfccStd,
        frames,
        counted);
  }

  private static double[] columnMeans(double[][] rows, boolean[] use, int columns) {
    double[] mean = new double[columns];
    int n = 0;
    for (int f = 0; f < rows.length; f++) {
      if (use[f]) {
        n++;
        for (int c = 0; c < columns; c++) {
          mean[c] += rows[f][c];
        }
      }
    }
    for (int c = 0; c < columns; c++) {
      mean[c] = n > 0 ? mean[c] / n : 0;
    }
    return mean;
  }
}
