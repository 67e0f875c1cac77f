package com.audiostems.dsp.rhythm;

import com.audiostems.dsp.signal.MonoSignal;
import com.audiostems.dsp.signal.Spectrogram;

/**
 * Onset strength by log-compressed mel-band spectral flux with a local-mean subtraction.
 *
 * <p>Why each step: mel bands so that a bass note and a hi-hat count about as much as the notes in
 * between (a linear-frequency sum is dominated by whatever has most bins); log compression ({@code
 * ln(1 + 1000 x / max)}) so that a soft note after silence counts as much as a loud one and the
 * result does not depend on the level; only increases count (an onset adds energy); and subtracting
 * the mean of the surrounding ±{@link #LOCAL_MEAN_SECONDS} removes the slow swell of crescendos and
 * sustained noise, leaving peaks at the onsets.
 */
public final class OnsetStrength {

  /** Number of mel bands. */
  static final int BANDS = 40;

  static final double LOWEST_HZ = 30;

  /** Bands centred below this are the "low band": kick drum and bass. */
  public static final double LOW_BAND_TOP_HZ = 160;

  /** Bands centred above this are the "high band": hi-hats, cymbals, the snare's rattle. */
  public static final double HIGH_BAND_BOTTOM_HZ = 2500;

  /** Weight of the high band in the accent envelope (the low and middle ones weigh 1). */
  static final float HIGH_BAND_WEIGHT = 0.5f;

  /** Half-width of the moving mean subtracted from the flux. */
  static final double LOCAL_MEAN_SECONDS = 0.1;

  /** Compression: ln(1 + GAIN * level / loudest level); about a 60 dB range. */
  static final double GAIN = 1000;

  private OnsetStrength() {}

  /**
   * Onset features of {@code mono} (best at the analysis rate) on an 11.6 ms frame grid, by the
   * fast front end ({@link RhythmFrontEnd}).
   */
  public static OnsetFeatures analyze(MonoSignal mono) {
    return RhythmFrontEnd.analyze(mono);
  }

  /** The broadband onset envelope of {@code spectrogram}, on its frame grid. */
  public static OnsetEnvelope envelope(Spectrogram spectrogram) {
    return analyze(spectrogram).broadband();
  }

  /** Broadband, low-band and accent envelopes and the band levels of {@code spectrogram}. */
  public static OnsetFeatures analyze(Spectrogram spectrogram) {
    MelBands bands = MelBands.of(spectrogram, BANDS, LOWEST_HZ);
    int frames = spectrogram.frameCount();
    float[][] levels = new float[frames][];
    float[] scratch = new float[spectrogram.binCount()];
    for (int f = 0; f < frames; f++) {
      levels[f] = bands.fromMagnitudes(spectrogram.magnitudes()[f], scratch);
    }
    return fromBandLevels(levels, bands, spectrogram.frameRateHz());
  }

  /**
   * The envelopes from band levels ({@code levels[frame][band]}, linear RMS magnitudes of {@code
   * bands}); the levels are log-compressed in place and kept in the result.
   */
  static OnsetFeatures fromBandLevels(float[][] levels, MelBands bands, double rate) {
    int frames = levels.length;
    float loudest = 1e-12f;
    for (float[] frame : levels) {
      for (float v : frame) {
        loudest = Math.max(loudest, v);
      }
    }
    float scale = (float) (GAIN / loudest);
    for (float[] frame : levels) {
      for (int b = 0; b < frame.length; b++) {
        // ln(1 + x): Math.log is an intrinsic and several times faster than log1p; x is never
        // small enough here for the difference to matter.
        frame[b] = (float) Math.log(1 + scale * frame[b]);
      }
    }
    int lowBands = bands.countBelow(LOW_BAND_TOP_HZ);
    int highFrom = bands.countBelow(HIGH_BAND_BOTTOM_HZ);
    float[] flux = new float[frames];
    float[] lowFlux = new float[frames];
    float[] highFlux = new float[frames];
    for (int f = 1; f < frames; f++) {
      float[] now = levels[f];
      float[] before = levels[f - 1];
      float sum = 0;
      float low = 0;
      float high = 0;
      for (int b = 0; b < now.length; b++) {
        float rise = now[b] - before[b];
        if (rise > 0) {
          sum += rise;
          if (b < lowBands) {
            low += rise;
          } else if (b >= highFrom) {
            high += rise;
          }
        }
      }
      flux[f] = sum;
      lowFlux[f] = low;
      highFlux[f] = high;
    }
    int half = Math.max(1, (int) Math.round(LOCAL_MEAN_SECONDS * rate));
    float[] broad = subtractLocalMean(flux, half);
    float[] lowEnv = subtractLocalMean(lowFlux, half);
    float[] midFlux = new float[frames];
    for (int f = 0; f < frames; f++) {
      midFlux[f] = flux[f] - lowFlux[f] - highFlux[f];
    }
    float[] midEnv = subtractLocalMean(midFlux, half);
    float[] highEnv = subtractLocalMean(highFlux, half);
    float[] accent = new float[frames];
    addNormalised(accent, lowEnv, 1f);
    addNormalised(accent, midEnv, 1f);
    addNormalised(accent, highEnv, HIGH_BAND_WEIGHT);
    return new OnsetFeatures(
        new OnsetEnvelope(broad, rate),
        new OnsetEnvelope(lowEnv, rate),
        new OnsetEnvelope(accent, rate),
        levels);
  }

  /** {@code sum += weight * x / mean(x)}; nothing when x is all zero. */
  private static void addNormalised(float[] sum, float[] x, float weight) {
    double mean = 0;
    for (float v : x) {
      mean += v;
    }
    mean /= Math.max(1, x.length);
    if (mean <= 0) {
      return;
    }
    float scale = (float) (weight / mean);
    for (int i = 0; i < x.length; i++) {
      sum[i] += scale * x[i];
    }
  }

  /** {@code max(0, x - mean of x over ±half)}, by a running sum. */
  static float[] subtractLocalMean(float[] x, int half) {
    int n = x.length;
    double[] prefix = new double[n + 1];
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i] + x[i];
    }
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      int lo = Math.max(0, i - half);
      int hi = Math.min(n, i + half + 1);
      double mean = (prefix[hi] - prefix[lo]) / (hi - lo);
      y[i] = (float) Math.max(0, x[i] - mean);
    }
    return y;
  }
}
