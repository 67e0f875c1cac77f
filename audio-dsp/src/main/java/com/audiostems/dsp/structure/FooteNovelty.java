package com.audiostems.dsp.structure;

/**
 * Foote's audio novelty: a checkerboard kernel slid along the diagonal of the self-similarity
 * matrix (Foote 2000). Here the similarity is the negative Euclidean distance between block feature
 * vectors (dB), and the Gaussian-tapered kernel is normalised so that
 *
 * <pre>novelty(i) = weighted mean distance across i  −  weighted mean distance within each side
 * </pre>
 *
 * <p>in dB: how much more the music differs between the {@code halfWidth} blocks before and after
 * block i than it differs within them. Absolute units make a threshold meaningful across tracks (a
 * steady track stays near 0 however it is scaled). Near the ends, pairs outside the track are left
 * out of both means; with nothing before (or after) the novelty is 0.
 *
 * <p>Only the matrix band |i − j| < 2 × halfWidth is ever needed, so it is computed on the fly:
 * O(blocks × halfWidth² ) distance look-ups, no full matrix.
 */
public final class FooteNovelty {

  /** The kernel's Gaussian taper: standard deviation as a fraction of the half width. */
  private static final double TAPER_SIGMA = 0.5;

  private FooteNovelty() {}

  /** Novelty per block (dB), block i meaning the boundary at the start of block i. */
  public static double[] curve(double[][] blockFeatures, int halfWidth) {
    int n = blockFeatures.length;
    double[] novelty = new double[n];
    if (n < 2 || halfWidth < 1) {
      return novelty;
    }
    int band = 2 * halfWidth;
    // distance[i][d] = ||x_i − x_{i+d}|| for 0 < d < band (the upper band of the matrix).
    double[][] distance = new double[n][band];
    for (int i = 0; i < n; i++) {
      for (int d = 1; d < band && i + d < n; d++) {
        distance[i][d] = euclidean(blockFeatures[i], blockFeatures[i + d]);
      }
    }
    double[] taper = new double[band];
    for (int a = -halfWidth; a < halfWidth; a++) {
      double x = (a + 0.5) / (halfWidth * TAPER_SIGMA); // symmetric about the boundary
      taper[a + halfWidth] = Math.exp(-0.5 * x * x);
    }
    for (int i = 1; i < n; i++) {
      double cross = 0;
      double crossWeight = 0;
      double within = 0;
      double withinWeight = 0;
      for (int a = -halfWidth; a < halfWidth; a++) {
        int p = i + a;
        if (p < 0 || p >= n) {
          continue;
        }
        for (int b = a + 1; b < halfWidth; b++) {
          int q = i + b;
          if (q >= n) {
            break;
          }
          double w = taper[a + halfWidth] * taper[b + halfWidth];
          double dist = distance[p][q - p];
          if ((a < 0) != (b < 0)) {
            cross += w * dist;
            crossWeight += w;
          } else {
            within += w * dist;
            withinWeight += w;
          }
        }
      }
      if (crossWeight > 0 && withinWeight > 0) {
        novelty[i] = cross / crossWeight - within / withinWeight;
      }
    }
    return novelty;
  }

  static double euclidean(double[] x, double[] y) {
    double s = 0;
    for (int d = 0; d < x.length; d++) {
      double diff = x[d] - y[d];
      s += diff * diff;
    }
    return Math.sqrt(s);
  }
}
