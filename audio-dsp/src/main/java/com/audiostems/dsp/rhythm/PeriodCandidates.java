package com.audiostems.dsp.rhythm;

import java.util.ArrayList;
import java.util.List;

/**
 * The periods worth considering as the beat, from the envelope's autocorrelation: its strongest
 * peaks in the tempo range and their ×2, ×½, ×3 and ×⅓ relatives (the metrical levels a beat
 * tracker confuses), each refined against the peaks at its multiples.
 */
final class PeriodCandidates {

  static final double MIN_BPM = 40;

  static final double MAX_BPM = 250;

  /** How many autocorrelation peaks seed candidates. */
  static final int SEEDS = 3;

  /** Candidates closer than this ratio are one. */
  static final double SAME = 0.04;

  private PeriodCandidates() {}

  /** A candidate period in frames and its periodicity (mean autocorrelation at its multiples). */
  record Period(double frames, double periodicity) {}

  /** Lags the autocorrelation must cover for {@link #find}: a few of the slowest periods. */
  static int maxLagFrames(double frameRateHz) {
    return (int) Math.ceil(4 * 60 * frameRateHz / MIN_BPM);
  }

  /** Candidates, strongest periodicity first; empty when the autocorrelation has no peak. */
  static List<Period> find(double[] r, double frameRateHz) {
    double minLag = 60 * frameRateHz / MAX_BPM;
    double maxLag = 60 * frameRateHz / MIN_BPM;
    List<double[]> peaks = new ArrayList<>(); // {lag, value}
    for (int lag = Math.max(2, (int) Math.floor(minLag));
        lag <= Math.ceil(maxLag) && lag + 1 < r.length;
        lag++) {
      if (r[lag] > 0 && r[lag] >= r[lag - 1] && r[lag] > r[lag + 1]) {
        peaks.add(new double[] {lag, r[lag]});
      }
    }
    peaks.sort((a, b) -> Double.compare(b[1], a[1]));
    List<Double> lags = new ArrayList<>();
    for (int i = 0; i < Math.min(SEEDS, peaks.size()); i++) {
      if (peaks.get(i)[1] < 0.3 * peaks.get(0)[1]) {
        break;
      }
      double seed = peaks.get(i)[0];
      for (double ratio : new double[] {1, 2, 0.5, 3, 1.0 / 3}) {
        double lag = seed * ratio;
        if (lag >= minLag * (1 - SAME) && lag <= maxLag * (1 + SAME)) {
          addIfNew(lags, lag);
        }
      }
    }
    List<Period> out = new ArrayList<>();
    for (double lag : lags) {
      double refined = refine(r, lag);
      out.add(new Period(refined, periodicity(r, refined)));
    }
    out.sort((a, b) -> Double.compare(b.periodicity(), a.periodicity()));
    return out;
  }

  private static void addIfNew(List<Double> lags, double lag) {
    for (double l : lags) {
      if (Math.abs(l / lag - 1) < SAME) {
        return;
      }
    }
    lags.add(lag);
  }

  /**
   * The lag within ±3% of {@code lag} whose multiples line up best with the autocorrelation's
   * peaks: the k-th multiple pins the period k times more finely than the first alone.
   */
  static double refine(double[] r, double lag) {
    double best = lag;
    double bestValue = Double.NEGATIVE_INFINITY;
    double step = 0.01 * Math.max(1, lag / 50);
    for (double l = lag * 0.97; l <= lag * 1.03; l += step) {
      double v = periodicity(r, l);
      if (v > bestValue) {
        bestValue = v;
        best = l;
      }
    }
    return best;
  }

  /** Mean of the autocorrelation at up to 8 multiples of {@code lag} within its range. */
  static double periodicity(double[] r, double lag) {
    double sum = 0;
    int count = 0;
    for (int k = 1; k <= 8 && k * lag < r.length - 1; k++) {
      sum += Autocorrelation.at(r, k * lag);
      count++;
    }
    return count == 0 ? 0 : sum / count;
  }
}
