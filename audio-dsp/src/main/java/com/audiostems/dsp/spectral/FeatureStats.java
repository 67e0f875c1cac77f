package com.audiostems.dsp.spectral;

import java.util.Arrays;

/**
 * Mean, population standard deviation and median of one per-frame feature over the frames that were
 * counted ({@code frames}), in the feature's own unit. All zero when no frame counted.
 */
public record FeatureStats(double mean, double standardDeviation, double median, int frames) {

  public static final FeatureStats EMPTY = new FeatureStats(0, 0, 0, 0);

  /** Statistics of {@code values[i]} for each i with {@code include[i]}. */
  public static FeatureStats of(double[] values, boolean[] include) {
    double[] kept = new double[values.length];
    int n = 0;
    for (int i = 0; i < values.length; i++) {
      if (include[i]) {
        kept[n++] = values[i];
      }
    }
    if (n == 0) {
      return EMPTY;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += kept[i];
    }
    double mean = sum / n;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      double d = kept[i] - mean;
      squares += d * d;
    }
    Arrays.sort(kept, 0, n);
    double median = n % 2 == 1 ? kept[n / 2] : 0.5 * (kept[n / 2 - 1] + kept[n / 2]);
    return new FeatureStats(mean, Math.sqrt(squares / n), median, n);
  }
}
