package com.audiostems.dsp.loudness;

import java.util.Arrays;

/**
 * Loudness range (LRA) of EBU Tech 3342: the spread, in LU, between the 10th and the 95th
 * percentile of the short-term (3 s) loudness values that pass an absolute gate at -70 LUFS and a
 * relative gate 20 LU below the power mean of the values that passed the first.
 */
final class LoudnessRange {

  static final double ABSOLUTE_GATE_LUFS = -70.0;
  static final double RELATIVE_GATE_LU = -20.0;
  static final double LOW_PERCENTILE = 10;
  static final double HIGH_PERCENTILE = 95;

  private LoudnessRange() {}

  /**
   * LRA in LU of short-term windows given as weighted mean squares (Tech 3342 wants them at 10 Hz
   * or faster); 0 when no window is at or above -70 LUFS.
   */
  static double rangeLu(double[] shortTermMeanSquares) {
    double absoluteGate = LoudnessUnits.meanSquare(ABSOLUTE_GATE_LUFS);
    double sum = 0;
    int count = 0;
    for (double z : shortTermMeanSquares) {
      if (z >= absoluteGate) {
        sum += z;
        count++;
      }
    }
    if (count == 0) {
      return 0;
    }
    double relativeGate = (sum / count) * Math.pow(10, RELATIVE_GATE_LU / 10);
    double gate = Math.max(absoluteGate, relativeGate);
    double[] kept = new double[count];
    int n = 0;
    for (double z : shortTermMeanSquares) {
      if (z >= gate) {
        kept[n++] = z;
      }
    }
    // Percentiles commute with the monotonic mean-square-to-LUFS conversion, so sort the
    // mean squares and convert only the two that are picked.
    Arrays.sort(kept, 0, n);
    double low = LoudnessUnits.lufs(kept[percentileIndex(n, LOW_PERCENTILE)]);
    double high = LoudnessUnits.lufs(kept[percentileIndex(n, HIGH_PERCENTILE)]);
    return high - low;
  }

  /**
   * The 0-based index of a percentile among {@code n} sorted values, by Tech 3342's rule: the value
   * at position round((n - 1) p / 100) counting from 0 (nearest rank, no interpolation).
   */
  static int percentileIndex(int n, double percentile) {
    return (int) Math.round((n - 1) * percentile / 100);
  }
}
