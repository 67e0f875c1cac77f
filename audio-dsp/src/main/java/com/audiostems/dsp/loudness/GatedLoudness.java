package com.audiostems.dsp.loudness;

/**
 * Integrated (programme) loudness of ITU-R BS.1770-4 §2.8 / EBU R128: the mean of the 400 ms gating
 * blocks (75 % overlap) that pass two gates, an absolute one at -70 LUFS and a relative one 10 LU
 * below the loudness of the blocks that passed the first.
 */
final class GatedLoudness {

  /** Blocks at or below this loudness are ignored outright (BS.1770: l_j > -70). */
  static final double ABSOLUTE_GATE_LUFS = -70.0;

  /** The second gate sits this far below the loudness of the absolute-gated blocks. */
  static final double RELATIVE_GATE_LU = -10.0;

  private GatedLoudness() {}

  /**
   * Integrated loudness in LUFS of the gating blocks given as weighted mean squares; -Infinity when
   * no block is louder than -70 LUFS (silence, or input shorter than one 400 ms block).
   */
  static double integratedLufs(double[] blockMeanSquares) {
    double absoluteGate = LoudnessUnits.meanSquare(ABSOLUTE_GATE_LUFS);
    double sum = 0;
    int count = 0;
    for (double z : blockMeanSquares) {
      if (z > absoluteGate) {
        sum += z;
        count++;
      }
    }
    if (count == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    // Comparing mean squares against the gates' mean squares is the same as comparing loudness
    // values against the gates (the conversion is monotonic) and needs no logarithm per block.
    double relativeGate = (sum / count) * Math.pow(10, RELATIVE_GATE_LU / 10);
    double gate = Math.max(absoluteGate, relativeGate);
    double gatedSum = 0;
    int gatedCount = 0;
    for (double z : blockMeanSquares) {
      if (z > gate) {
        gatedSum += z;
        gatedCount++;
      }
    }
    return LoudnessUnits.lufs(gatedSum / gatedCount);
  }
}
