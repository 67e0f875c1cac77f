package com.audiostems.dsp.spectral;

import com.audiostems.dsp.signal.MonoSignal;
import com.audiostems.dsp.signal.Spectrogram;
import com.audiostems.dsp.signal.Stft;

/**
 * Timbre features of a track from the pipeline's shared spectrogram (analysis-rate mono, frame
 * 2048, hop 512), stored or computed frame by frame, and the same mono samples (for the
 * zero-crossing rate).
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
    FrameSweep sweep =
        new FrameSweep(
            spectrogram.frameCount(),
            spectrogram.binCount(),
            spectrogram.binWidthHz(),
            rolloffFraction);
    float[][] mags = spectrogram.magnitudes();
    for (int f = 0; f < mags.length; f++) {
      sweep.add(f, mags[f]);
    }
    return sweep.finish(
        analysisRateMono,
        spectrogram.frameSizeSamples(),
        spectrogram.hopSizeSamples(),
        spectrogram.frameRateHz());
  }

  /**
   * {@link #frames(Spectrogram, float[])} of the spectrogram of {@code mono} with frames of {@code
   * frameSizeSamples} every {@code hopSizeSamples}, computed frame by frame ({@link
   * Stft#forEachFrame}) so that the spectrogram itself is never held: the same values, without its
   * 53 MB for five minutes at 22.05 kHz.
   */
  public static SpectralFrames frames(MonoSignal mono, int frameSizeSamples, int hopSizeSamples) {
    float[] samples = mono.samples();
    FrameSweep sweep =
        new FrameSweep(
            Stft.frameCount(samples.length, Math.max(1, hopSizeSamples)),
            frameSizeSamples / 2 + 1,
            (double) mono.sampleRateHz() / frameSizeSamples,
            DEFAULT_ROLLOFF_FRACTION);
    Stft.forEachFrame(samples, frameSizeSamples, hopSizeSamples, sweep::add);
    return sweep.finish(
        samples, frameSizeSamples, hopSizeSamples, (double) mono.sampleRateHz() / hopSizeSamples);
  }

  /**
   * Every feature of each frame, computed in one sweep while the frame is in cache; the frames come
   * in order, from a stored spectrogram or straight from the transform.
   */
  private static final class FrameSweep {
    private final double binWidthHz;
    private final double rolloffFraction;
    private final SpectralContrast contrast;
    private final Mfcc mfcc;
    private final double[] centroid;
    private final double[] bandwidth;
    private final double[] rolloff;
    private final double[] flatness;
    private final double[][] contrastDb;
    private final double[][] cepstrum;
    private final float[][] logMel;
    private final double[] power;
    private final double[] logMelScratch;

    FrameSweep(int frames, int bins, double binWidthHz, double rolloffFraction) {
      this.binWidthHz = binWidthHz;
      this.rolloffFraction = rolloffFraction;
      this.contrast = SpectralContrast.defaults(bins, binWidthHz);
      this.mfcc = Mfcc.defaults(bins, binWidthHz);
      this.centroid = new double[frames];
      this.bandwidth = new double[frames];
      this.rolloff = new double[frames];
      this.flatness = new double[frames];
      this.contrastDb = new double[frames][contrast.bandCount()];
      this.cepstrum = new double[frames][mfcc.coefficientCount()];
      this.logMel = new float[frames][mfcc.bandCount()];
      this.power = new double[frames];
      this.logMelScratch = new double[mfcc.bandCount()];
    }

    void add(int f, float[] m) {
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

    SpectralFrames finish(
        float[] analysisRateMono, int frameSizeSamples, int hopSizeSamples, double frameRateHz) {
      int frames = power.length;
      double maxPower = 0;
      for (double p : power) {
        maxPower = Math.max(maxPower, p);
      }
      boolean[] audible = new boolean[frames];
      for (int f = 0; f < frames; f++) {
        audible[f] = power[f] > 0 && power[f] >= maxPower * AUDIBLE_POWER_RATIO;
      }
      double[] zcr =
          ZeroCrossingRate.perSample(analysisRateMono, frameSizeSamples, hopSizeSamples, frames);
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
          frameRateHz);
    }
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
