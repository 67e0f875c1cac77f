package com.audiostems.dsp.watermark;

import java.util.Arrays;

/**
 * How strongly detector frames correlate with the key's sync pattern at a block position: per
 * weighting band, the correlation of the contrasts with the sync signs is turned into a z-score and
 * the squares of the positive ones are summed (a band's mark can only add positive correlation), so
 * bands where the mark did not survive add little instead of diluting the bands where it did.
 */
final class SyncStatistic {

  private SyncStatistic() {}

  /** Mean square of the contrasts per weighting band (the contrasts have mean ~0). */
  static double[] bandVariances(float[][] v) {
    double[] var = new double[Format.WBANDS];
    for (float[] row : v) {
      for (int k = 0; k < Format.BINS; k++) {
        var[k / Format.WBAND] += (double) row[k] * row[k];
      }
    }
    double n = Math.max(1, v.length) * (double) Format.WBAND;
    for (int b = 0; b < Format.WBANDS; b++) {
      var[b] = var[b] / n + 1e-12;
    }
    return var;
  }

  /**
   * The statistic for every block position of frame 0: frames are first folded modulo the block
   * (the sync pattern repeats every block, so frames a block apart add up before correlating).
   */
  static double[] atEveryPosition(float[][] v, double[] var, Format.Layout lay) {
    float[][] fold = foldIntoBlock(v);
    double[] sd = bandSd(v.length, var);
    double[] stat = new double[Format.BLOCK];
    float[] s = new float[Format.WBANDS];
    for (int cc = 0; cc < Format.BLOCK; cc++) {
      Arrays.fill(s, 0f);
      int p = cc;
      for (float[] row : fold) {
        addSyncCorrelation(row, lay, p, s);
        if (++p == Format.BLOCK) {
          p = 0;
        }
      }
      stat[cc] = combine(s, sd);
    }
    return stat;
  }

  /** {@link #atEveryPosition} for block position {@code cc} only. */
  static double atPosition(float[][] v, double[] var, int cc, Format.Layout lay) {
    float[] s = new float[Format.WBANDS];
    int p = cc;
    for (float[] row : v) {
      addSyncCorrelation(row, lay, p, s);
      if (++p == Format.BLOCK) {
        p = 0;
      }
    }
    return combine(s, bandSd(v.length, var));
  }

  /** The frames summed modulo the block: at most {@link Format#BLOCK} rows. */
  private static float[][] foldIntoBlock(float[][] v) {
    float[][] fold = new float[Math.min(v.length, Format.BLOCK)][Format.BINS];
    for (int f = 0; f < v.length; f++) {
      float[] dst = fold[f % Format.BLOCK];
      float[] src = v[f];
      for (int k = 0; k < Format.BINS; k++) {
        dst[k] += src[k];
      }
    }
    return fold;
  }

  /**
   * Adds one frame's correlation with the sync signs of block position {@code p} to its bands'
   * sums.
   */
  private static void addSyncCorrelation(float[] row, Format.Layout lay, int p, float[] bandSums) {
    short[] bins = lay.syncBin[p];
    byte[] sg = lay.syncSign[p];
    byte[] band = lay.syncBand[p];
    for (int j = 0; j < Format.SYNC; j++) {
      bandSums[band[j]] += sg[j] * row[bins[j]];
    }
  }

  /**
   * Standard deviation of a band's sync sum on unmarked audio: the layout puts on average SYNC /
   * WBANDS sync bins per band and frame.
   */
  private static double[] bandSd(int frames, double[] var) {
    double perBand = (double) frames * Format.SYNC / Format.WBANDS;
    double[] sd = new double[Format.WBANDS];
    for (int b = 0; b < Format.WBANDS; b++) {
      sd[b] = Math.sqrt(perBand * var[b]);
    }
    return sd;
  }

  private static double combine(float[] s, double[] sd) {
    double stat = 0;
    for (int b = 0; b < Format.WBANDS; b++) {
      if (s[b] > 0) {
        double z = s[b] / sd[b];
        stat += z * z;
      }
    }
    return stat;
  }
}
