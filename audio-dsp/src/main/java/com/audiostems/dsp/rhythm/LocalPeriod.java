package com.audiostems.dsp.rhythm;

import java.util.Arrays;

/**
 * The beat period along the track, for the beat tracker: the global period refined window by
 * window, so that a drifting or changing tempo is followed.
 *
 * <p>In each {@link #WINDOW_SECONDS} window the envelope's autocorrelation is searched within
 * {@link #RANGE} of the global period (at the lag and at twice the lag, which sharpens the peak);
 * windows without a clear peak (breaks, silence) keep the global period. The window estimates are
 * median-smoothed and interpolated to every frame.
 */
final class LocalPeriod {

  static final double WINDOW_SECONDS = 8;

  static final double HOP_SECONDS = 2;

  /** Local periods are searched between period / RANGE and period * RANGE. */
  static final double RANGE = 1.2;

  /**
   * A window's peak (mean normalised autocorrelation at the lag and twice the lag) must reach this
   * to be trusted. With vague onsets (pads, slow attacks) an 8 s window has only weak peaks, at
   * lags scattered over the ±20% searched; following them bent the period curve away from the
   * global period and the tracker with it (a drumless 66 BPM piece came out at 71 BPM). Windows of
   * music with a pulse peak far above this; the ones below keep the global period.
   */
  static final double MIN_PEAK = 0.2;

  private LocalPeriod() {}

  /** The period in frames at every frame of {@code envelope}, near {@code globalPeriodFrames}. */
  static double[] curve(float[] envelope, double frameRateHz, double globalPeriodFrames) {
    int n = envelope.length;
    double[] out = new double[n];
    int window = (int) Math.round(WINDOW_SECONDS * frameRateHz);
    int hop = (int) Math.round(HOP_SECONDS * frameRateHz);
    if (n < window || globalPeriodFrames <= 0) {
      Arrays.fill(out, globalPeriodFrames);
      return out;
    }
    int minLag = (int) Math.floor(globalPeriodFrames / RANGE);
    int maxLag = (int) Math.ceil(globalPeriodFrames * RANGE);
    int windows = 1 + (n - window) / hop;
    double[] local = new double[windows];
    double[] centre = new double[windows];
    double[] r = new double[2 * maxLag + 2];
    for (int w = 0; w < windows; w++) {
      int start = w * hop;
      centre[w] = start + window / 2.0;
      double energy = 0;
      double mean = 0;
      for (int i = start; i < start + window; i++) {
        mean += envelope[i];
      }
      mean /= window;
      for (int i = start; i < start + window; i++) {
        double v = envelope[i] - mean;
        energy += v * v;
      }
      if (energy <= 0) {
        local[w] = Double.NaN;
        continue;
      }
      energy /= window;
      // Only the lags near the period and near twice the period are needed.
      Arrays.fill(r, 0);
      for (int lag = minLag; lag <= 2 * maxLag + 1 && lag < window; lag++) {
        if (lag > maxLag + 1 && lag < 2 * minLag - 1) {
          continue;
        }
        double acc = 0;
        for (int i = start; i + lag < start + window; i++) {
          acc += (envelope[i] - mean) * (envelope[i + lag] - mean);
        }
        r[lag] = acc / (window - lag) / energy;
      }
      double best = Double.NEGATIVE_INFINITY;
      double bestLag = Double.NaN;
      for (int lag = minLag + 1; lag < maxLag; lag++) {
        double v = r[lag] + Autocorrelation.at(r, 2.0 * lag);
        double before = r[lag - 1] + Autocorrelation.at(r, 2.0 * lag - 2);
        double after = r[lag + 1] + Autocorrelation.at(r, 2.0 * lag + 2);
        if (v >= before && v >= after && v > best) {
          best = v;
          double denom = before - 2 * v + after;
          double shift = denom < 0 ? 0.5 * (before - after) / denom : 0;
          bestLag = lag + Math.max(-0.5, Math.min(0.5, shift));
        }
      }
      local[w] = best >= 2 * MIN_PEAK ? bestLag : Double.NaN;
    }
    double[] smooth = medianOf3(local, globalPeriodFrames);
    // Linear interpolation between window centres; constant beyond the first and last.
    int w = 0;
    for (int t = 0; t < n; t++) {
      while (w + 1 < windows && centre[w + 1] <= t) {
        w++;
      }
      if (t <= centre[0]) {
        out[t] = smooth[0];
      } else if (w + 1 >= windows) {
        out[t] = smooth[windows - 1];
      } else {
        double f = (t - centre[w]) / (centre[w + 1] - centre[w]);
        out[t] = smooth[w] * (1 - f) + smooth[w + 1] * f;
      }
    }
    return out;
  }

  /** Median of each value and its neighbours, ignoring NaN (no estimate); all NaN: fallback. */
  private static double[] medianOf3(double[] x, double fallback) {
    int n = x.length;
    double[] y = new double[n];
    double[] buf = new double[3];
    double last = fallback;
    for (int i = 0; i < n; i++) {
      int k = 0;
      for (int j = Math.max(0, i - 1); j <= Math.min(n - 1, i + 1); j++) {
        if (!Double.isNaN(x[j])) {
          buf[k++] = x[j];
        }
      }
      if (k == 0) {
        y[i] = last;
      } else {
        Arrays.sort(buf, 0, k);
        y[i] = k == 2 ? 0.5 * (buf[0] + buf[1]) : buf[k / 2];
      }
      last = y[i];
    }
    return y;
  }
}
