package com.audiostems.dsp.rhythm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Local tempo over time, from the tracked beats.
 *
 * @param timesSeconds the times the curve is given at, every {@link #STEP_SECONDS} from the first
 *     beat to the last
 * @param bpm the local tempo at each time: 60 over the robust mean inter-beat interval of the beats
 *     within ±{@link #HALF_WINDOW_SECONDS} (intervals more than 20% from the window's median, a
 *     missed or extra beat, are left out)
 * @param variationPercent spread of the curve: (90th − 10th percentile) / median × 100
 * @param variable true when the variation exceeds {@link #VARIABLE_PERCENT} (a tempo change or a
 *     drift a listener would notice, beyond the jitter of a steady performance)
 */
public record TempoCurve(
    double[] timesSeconds, double[] bpm, double variationPercent, boolean variable) {

  public static final double STEP_SECONDS = 1;

  public static final double HALF_WINDOW_SECONDS = 4;

  public static final double VARIABLE_PERCENT = 6;

  static TempoCurve empty() {
    return new TempoCurve(new double[0], new double[0], 0, false);
  }

  /** The curve of {@code beatTimesSeconds} (ascending). */
  public static TempoCurve fromBeats(double[] beatTimesSeconds) {
    int n = beatTimesSeconds.length;
    if (n < 4) {
      return empty();
    }
    double first = beatTimesSeconds[0];
    double last = beatTimesSeconds[n - 1];
    int points = 1 + (int) Math.floor((last - first) / STEP_SECONDS);
    List<Double> times = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    double[] intervals = new double[n];
    for (int p = 0; p < points; p++) {
      double t = first + p * STEP_SECONDS;
      int m = 0;
      for (int k = 0; k + 1 < n; k++) {
        double mid = 0.5 * (beatTimesSeconds[k] + beatTimesSeconds[k + 1]);
        if (Math.abs(mid - t) <= HALF_WINDOW_SECONDS) {
          intervals[m++] = beatTimesSeconds[k + 1] - beatTimesSeconds[k];
        }
      }
      if (m < 2) {
        continue;
      }
      double[] sorted = Arrays.copyOf(intervals, m);
      Arrays.sort(sorted);
      double median = sorted[m / 2];
      double sum = 0;
      int kept = 0;
      for (int i = 0; i < m; i++) {
        if (Math.abs(intervals[i] / median - 1) <= 0.2) {
          sum += intervals[i];
          kept++;
        }
      }
      times.add(t);
      values.add(60 / (sum / kept));
    }
    double[] ts = times.stream().mapToDouble(Double::doubleValue).toArray();
    double[] bpm = values.stream().mapToDouble(Double::doubleValue).toArray();
    if (bpm.length == 0) {
      return empty();
    }
    double[] sorted = bpm.clone();
    Arrays.sort(sorted);
    double median = percentile(sorted, 0.5);
    double variation = 100 * (percentile(sorted, 0.9) - percentile(sorted, 0.1)) / median;
    return new TempoCurve(ts, bpm, variation, variation > VARIABLE_PERCENT);
  }

  /** The median of the curve, bpm (0 when empty). */
  public double medianBpm() {
    if (bpm.length == 0) {
      return 0;
    }
    double[] sorted = bpm.clone();
    Arrays.sort(sorted);
    return percentile(sorted, 0.5);
  }

  private static double percentile(double[] sorted, double q) {
    double at = q * (sorted.length - 1);
    int i = (int) Math.floor(at);
    int j = Math.min(sorted.length - 1, i + 1);
    return sorted[i] + (sorted[j] - sorted[i]) * (at - i);
  }
}
