package com.audiostems.dsp.rhythm;

/**
 * The period at which the harmony changes (usually the bar), from the band levels: a novelty curve
 * (distance between the mean spectrum of the half-second before and after each frame) and its
 * autocorrelation's strongest peak between {@link #SHORTEST_SECONDS} and {@link #LONGEST_SECONDS}.
 * Beats are then expected to divide it by 3 or 4.
 */
final class BarPeriod {

  static final double SHORTEST_SECONDS = 1.15;

  static final double LONGEST_SECONDS = 4.5;

  static final double HALF_WINDOW_SECONDS = 0.4;

  private BarPeriod() {}

  /** {period in frames, normalised autocorrelation there}; period 0 when none is found. */
  static double[] estimate(float[][] levels, double frameRateHz) {
    double[] r = noveltyAutocorrelation(levels, frameRateHz);
    if (r == null) {
      return new double[] {0, 0};
    }
    return pick(r, frameRateHz);
  }

  /** The normalised autocorrelation of the harmony novelty curve; null when the track is short. */
  static double[] noveltyAutocorrelation(float[][] levels, double frameRateHz) {
    int n = levels.length;
    int bands = Math.min(MetreDetector.HARMONY_BANDS, n == 0 ? 0 : levels[0].length);
    int w = Math.max(1, (int) Math.round(HALF_WINDOW_SECONDS * frameRateHz));
    int maxLag = (int) Math.ceil(LONGEST_SECONDS * frameRateHz) + 2;
    if (n < 2 * w + maxLag * 2) {
      return null;
    }
    // Prefix sums per band make each window mean O(1).
    double[][] prefix = new double[bands][n + 1];
    for (int b = 0; b < bands; b++) {
      double[] p = prefix[b];
      for (int t = 0; t < n; t++) {
        p[t + 1] = p[t] + levels[t][b];
      }
    }
    float[] novelty = new float[n];
    for (int t = w; t + w <= n; t++) {
      double sum = 0;
      for (int b = 0; b < bands; b++) {
        double before = prefix[b][t] - prefix[b][t - w];
        double after = prefix[b][t + w] - prefix[b][t];
        double d = (after - before) / w;
        sum += d * d;
      }
      novelty[t] = (float) Math.sqrt(sum);
    }
    return Autocorrelation.normalized(novelty, maxLag);
  }

  /** The strongest autocorrelation peak from {@link #SHORTEST_SECONDS} on. */
  static double[] pick(double[] r, double frameRateHz) {
    int lo = (int) Math.floor(SHORTEST_SECONDS * frameRateHz);
    int best = -1;
    for (int lag = Math.max(2, lo); lag + 1 < r.length; lag++) {
      if (r[lag] >= r[lag - 1] && r[lag] > r[lag + 1] && (best < 0 || r[lag] > r[best])) {
        best = lag;
      }
    }
    if (best < 0) {
      return new double[] {0, 0};
    }
    return new double[] {PeriodCandidates.refine(r, best), r[best]};
  }
}
