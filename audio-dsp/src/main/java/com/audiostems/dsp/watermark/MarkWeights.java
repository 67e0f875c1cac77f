package com.audiostems.dsp.watermark;

import java.util.Arrays;

/**
 * Per (loudness class, weighting band) statistics of the detector's contrasts: how much of the mark
 * survived where. White noise swamps the quiet bins of a band (between partials, in quiet frames)
 * and leaves the loud ones, codecs starve some bands, so each cell's evidence is weighted by its
 * own measured mark-to-noise ratio; a bin's class is its level's quartile ({@link
 * Format#levelClasses}).
 */
final class MarkWeights {

  private MarkWeights() {}

  /** Mean square of the contrasts per (loudness class, weighting band). */
  static double[][] classVariances(Format.Frames fr) {
    double[][] var = new double[Format.LEVELS][Format.WBANDS];
    long[][] n = new long[Format.LEVELS][Format.WBANDS];
    for (int f = 0; f < fr.length(); f++) {
      float[] row = fr.v()[f];
      byte[] cls = fr.level()[f];
      for (int k = 0; k < Format.BINS; k++) {
        int b = k / Format.WBAND;
        var[cls[k]][b] += (double) row[k] * row[k];
        n[cls[k]][b]++;
      }
    }
    for (int c = 0; c < Format.LEVELS; c++) {
      for (int b = 0; b < Format.WBANDS; b++) {
        var[c][b] = n[c][b] > 0 ? var[c][b] / n[c][b] + 1e-12 : 1;
      }
    }
    return var;
  }

  /**
   * Maximal-ratio weights per (loudness class, band): the mean mark contrast over its variance,
   * where the mean is measured on the sync bins, or on all bins when the (tentative) bit of every
   * slot is given ({@link MarkVersion#slotBits}). Cells with no positive evidence get weight 0;
   * all-zero falls back to equal weights.
   */
  static float[][] classWeights(
      Format.Frames fr, double[][] var, int pos0, Format.Layout lay, int[] slotBits) {
    double[][] sum = new double[Format.LEVELS][Format.WBANDS];
    double[][] n = new double[Format.LEVELS][Format.WBANDS];
    int p = pos0;
    for (int f = 0; f < fr.length(); f++) {
      addSyncEvidence(fr.v()[f], fr.level()[f], lay, p, sum, n);
      if (slotBits != null) {
        addDataEvidence(fr.v()[f], fr.level()[f], lay, p, slotBits, sum, n);
      }
      if (++p == Format.BLOCK) {
        p = 0;
      }
    }
    return weights(sum, n, var);
  }

  private static void addSyncEvidence(
      float[] row, byte[] cls, Format.Layout lay, int p, double[][] sum, double[][] n) {
    for (int j = 0; j < Format.SYNC; j++) {
      int b = lay.syncBand[p][j];
      int k = lay.syncBin[p][j];
      sum[cls[k]][b] += lay.syncSign[p][j] * row[k];
      n[cls[k]][b]++;
    }
  }

  private static void addDataEvidence(
      float[] row,
      byte[] cls,
      Format.Layout lay,
      int p,
      int[] slotBits,
      double[][] sum,
      double[][] n) {
    for (int g = 0; g < Format.GROUPS; g++) {
      int slot = p * Format.GROUPS + g;
      int bit = slotBits[slot] * 2 - 1;
      short[] bins = lay.dataBin[slot];
      byte[] sg = lay.dataSign[slot];
      for (int j = 0; j < Format.GROUP; j++) {
        int k = bins[j];
        int b = k / Format.WBAND;
        sum[cls[k]][b] += bit * sg[j] * row[k];
        n[cls[k]][b]++;
      }
    }
  }

  private static float[][] weights(double[][] sum, double[][] n, double[][] var) {
    float[][] w = new float[Format.LEVELS][Format.WBANDS];
    boolean any = false;
    for (int c = 0; c < Format.LEVELS; c++) {
      for (int b = 0; b < Format.WBANDS; b++) {
        double mean = n[c][b] > 0 ? sum[c][b] / n[c][b] : 0;
        w[c][b] = (float) Math.max(0, mean / var[c][b]);
        any |= w[c][b] > 0;
      }
    }
    if (!any) {
      for (float[] r : w) {
        Arrays.fill(r, 1f);
      }
    }
    return w;
  }

  /** Each bin's weight in a frame whose bins are in loudness classes {@code cls}. */
  static void binWeights(byte[] cls, float[][] w, float[] out) {
    for (int k = 0; k < Format.BINS; k++) {
      out[k] = w[cls[k]][k / Format.WBAND];
    }
  }
}
