package com.audiostems.dsp.rhythm;

/**
 * Dynamic-programming beat tracking after Ellis (2007): the beat sequence that maximises the onset
 * strength at its beats minus a penalty for every inter-beat interval that departs from the
 * expected period, {@code tightness * ln(interval / period)^2}.
 *
 * <p>The expected period may change along the track (a local-tempo curve), which is how slow drift
 * and tempo changes are followed without loosening the penalty for everyone.
 */
final class BeatTracker {

  /** Penalty weight on the squared log interval ratio (with the envelope scaled to unit RMS). */
  static final double TIGHTNESS = 100;

  /** Predecessors are searched this many periods back. */
  static final double SEARCH_FROM = 0.6;

  static final double SEARCH_TO = 1.6;

  private BeatTracker() {}

  /**
   * Beat positions in frames (ascending) in {@code envelope}, given the expected period in frames
   * at every frame ({@code periodFrames.length == envelope.length}).
   */
  static int[] track(float[] envelope, double[] periodFrames) {
    int n = envelope.length;
    if (n == 0) {
      return new int[0];
    }
    double rms = 0;
    for (float v : envelope) {
      rms += (double) v * v;
    }
    rms = Math.sqrt(rms / n);
    if (rms <= 0) {
      return new int[0];
    }
    double[] local = new double[n];
    for (int i = 0; i < n; i++) {
      local[i] = envelope[i] / rms;
    }
    double[] score = new double[n];
    int[] back = new int[n];
    // The penalty depends only on (interval, period), and the period changes slowly: one table
    // per period quantised to 1/QUANT frame saves a logarithm in the inner loop.
    PenaltyTables penalties = new PenaltyTables();
    for (int t = 0; t < n; t++) {
      PenaltyTables.Table table = penalties.forPeriod(periodFrames[t]);
      int from = table.from;
      double[] penalty = table.penalty;
      int best = -1;
      double bestValue = 0;
      int to = Math.min(from + penalty.length - 1, t);
      for (int d = from; d <= to; d++) {
        double v = score[t - d] - penalty[d - from];
        if (v > bestValue) {
          bestValue = v;
          best = t - d;
        }
      }
      score[t] = local[t] + bestValue;
      back[t] = best;
    }
    // End on the best score among the last couple of periods (the track may end mid-beat).
    int lastPeriod = (int) Math.round(2 * periodFrames[n - 1]);
    int end = n - 1;
    for (int t = Math.max(0, n - lastPeriod); t < n; t++) {
      if (score[t] > score[end]) {
        end = t;
      }
    }
    int count = 0;
    for (int t = end; t >= 0; t = back[t]) {
      count++;
    }
    int[] beats = new int[count];
    int i = count;
    for (int t = end; t >= 0; t = back[t]) {
      beats[--i] = t;
    }
    return beats;
  }

  /** Penalty tables by quantised period. */
  private static final class PenaltyTables {
    static final int QUANT = 20;

    record Table(int from, double[] penalty) {}

    private final java.util.HashMap<Integer, Table> tables = new java.util.HashMap<>();

    Table forPeriod(double periodFrames) {
      int key = (int) Math.round(periodFrames * QUANT);
      return tables.computeIfAbsent(key, k -> build((double) k / QUANT));
    }

    private static Table build(double period) {
      int from = Math.max(1, (int) Math.round(SEARCH_FROM * period));
      int to = Math.max(from, (int) Math.round(SEARCH_TO * period));
      double[] penalty = new double[to - from + 1];
      for (int d = from; d <= to; d++) {
        double ratio = Math.log(d / period);
        penalty[d - from] = TIGHTNESS * ratio * ratio;
      }
      return new Table(from, penalty);
    }
  }
}
