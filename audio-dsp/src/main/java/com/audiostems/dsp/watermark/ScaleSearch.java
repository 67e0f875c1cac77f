package com.audiostems.dsp.watermark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Coarse-to-fine search for how fast a copy plays, with the key's sync pattern: which {@link Warp}
 * (any resampled speed change or time-stretch within ±{@link #MAX_SCALE}) makes the copy's frames
 * line up with the pattern. A 15 s excerpt's frames drift by a quarter frame at its ends when the
 * speed is 0.08 % off, so the exact scan of one warp ({@link SyncScanner}, all block positions and
 * sub-frame offsets) would have to run for some 150 warps; this search does the work once per bin
 * scale and adds paths up instead (15 s excerpt, whole search: 0.16-0.32 s CPU).
 *
 * <p>Per bin scale β (the mark's bins move with a resampled speed change; a time-stretch keeps β =
 * 1), in steps of {@link #BIN_SCALE_STEP}: every grid row's contrasts (bins read at k · β) are
 * correlated with every block position's sync signs, C[row][position]. A warp is a path through C:
 * frame j of the original lies at row o + 4 j / speed. Frames are cut into segments of {@value
 * #SEGMENT} frames, inside which the path's drift from the bucket's own speed is a constant row
 * shift d, so each segment's sums S[d][position] are made once and every speed (steps of {@link
 * #SPEED_STEP}), sub-frame offset and block position adds up one entry per segment (a Hough
 * transform). The best few warps, as z-scores of the summed correlation, go to the exact scan.
 */
final class ScaleSearch {

  /** Largest speed change or time-stretch searched: ±3 %, plus a margin for the steps. */
  static final double MAX_SCALE = 0.031;

  /**
   * Bin scales for resampled speeds: 0.6 % apart, so a bin is read at most 0.3 % off (half a bin at
   * the top of the band, less below), which the coarse statistic tolerates.
   */
  static final double BIN_SCALE_STEP = 0.006;

  /**
   * Speeds 0.04 % apart: the path then drifts at most a tenth of a frame from the true one at the
   * ends of a 15 s excerpt.
   */
  static final double SPEED_STEP = 0.0004;

  /** Frames per segment (0.74 s): a speed step moves a segment's rows by under half a row. */
  static final int SEGMENT = 32;

  /** Warps handed on to the exact scan, best first. */
  static final int KEEP = 3;

  /**
   * The search reads every other grid row: 2 rows per frame (sub-frame offsets half a frame apart,
   * so a path is at most a quarter frame off the mark's frames), half the work of all 4; the exact
   * scan then aligns to an eighth of a frame.
   */
  private static final int ROWS_PER_FRAME = 2;

  private static final int GRID_ROWS_PER_ROW = SyncScanner.OFFSETS / ROWS_PER_FRAME;

  /**
   * At most this many frames (20 s) of a stretch are searched: enough to measure the speed to
   * within the exact scan's tolerance, and it bounds the cost on long inputs.
   */
  static final int MAX_FRAMES = 860;

  /**
   * Stretches shorter than this (7 s) are not searched: they try the fixed speeds {@link
   * WatermarkDetector#SHORT_SPEEDS} instead, as before this search existed (shorter excerpts hold
   * too little of the mark to find it after a warp anyway, and the search would cost more than the
   * scans).
   */
  static final int MIN_FRAMES = 300;

  private ScaleSearch() {}

  /** A warp and the z-score of its best path. */
  record Hypothesis(Warp warp, double z) {}

  /**
   * Contrasts of every other grid row of the first {@link #MAX_FRAMES} frames (each minus the mean
   * of the rows a frame before and after, clipped), each column scaled to unit mean square: the
   * key-independent part, made once per stretch.
   */
  static float[][] contrasts(float[][] g) {
    int total = Math.min(g.length, (MAX_FRAMES + 2) * SyncScanner.OFFSETS);
    int n = (total + GRID_ROWS_PER_ROW - 1) / GRID_ROWS_PER_ROW;
    int w = g[0].length;
    int step = SyncScanner.OFFSETS;
    float[][] c = new float[n][w];
    double[] ms = new double[w];
    for (int m = 0; m < n; m++) {
      int gm = m * GRID_ROWS_PER_ROW;
      float[] a = g[Math.max(0, gm - step)];
      float[] b = g[Math.min(total - 1, gm + step)];
      for (int k = 0; k < w; k++) {
        float v = g[gm][k] - 0.5f * (a[k] + b[k]);
        v = v > Format.CLIP ? Format.CLIP : (v < -Format.CLIP ? -Format.CLIP : v);
        c[m][k] = v;
        ms[k] += (double) v * v;
      }
    }
    for (int k = 0; k < w; k++) {
      float s = (float) (1 / Math.sqrt(ms[k] / n + 1e-12));
      for (float[] row : c) {
        row[k] *= s;
      }
    }
    return c;
  }

  /**
   * The {@value #KEEP} best warps for the key's layout, over the grid's contrasts {@code c} (rows
   * every 2 OFFSET_STEP samples, first column bin LO - {@code lowMargin}); empty when the grid
   * holds fewer than {@link #MIN_FRAMES}.
   */
  static List<Hypothesis> best(float[][] c, int lowMargin, Format.Layout lay) {
    if (framesAt(c.length, 1 - MAX_SCALE) < MIN_FRAMES) {
      return List.of();
    }
    List<Hypothesis> all = new ArrayList<>();
    int buckets = (int) Math.ceil(MAX_SCALE / BIN_SCALE_STEP - 0.5);
    for (int b = -buckets; b <= buckets; b++) {
      double beta = 1 + b * BIN_SCALE_STEP;
      float[][] corr = syncCorrelations(c, lowMargin, beta, lay);
      double lo = Math.max(1 - MAX_SCALE, beta - BIN_SCALE_STEP / 2);
      double hi = Math.min(1 + MAX_SCALE, beta + BIN_SCALE_STEP / 2);
      Hypothesis h = bestPath(corr, beta, lo, hi, false);
      if (h != null) {
        all.add(h);
      }
      if (b == 0) {
        // a time-stretch keeps the bins: every speed reads the unscaled correlations
        Hypothesis s = bestPath(corr, 1.0, 1 - MAX_SCALE, 1 + MAX_SCALE, true);
        if (s != null) {
          all.add(s);
        }
      }
    }
    all.sort((p, q) -> Double.compare(q.z(), p.z()));
    return all.subList(0, Math.min(KEEP, all.size()));
  }

  /** Frames whose rows stay inside a grid of {@code rows} rows at {@code speed}. */
  private static int framesAt(int rows, double speed) {
    return (int) Math.floor((rows - 2 * ROWS_PER_FRAME) * speed / ROWS_PER_FRAME);
  }

  /** C[row][position]: each row's contrasts, bins read at k · beta, against each sync pattern. */
  private static float[][] syncCorrelations(
      float[][] c, int lowMargin, double beta, Format.Layout lay) {
    int w = c[0].length;
    int[] idx = new int[Format.BINS];
    float[] frac = new float[Format.BINS];
    for (int k = 0; k < Format.BINS; k++) {
      double pos = (k + Format.LO) * beta - (Format.LO - lowMargin);
      pos = Math.max(0, Math.min(w - 1.001, pos));
      idx[k] = (int) pos;
      frac[k] = (float) (pos - idx[k]);
    }
    float[][] out = new float[c.length][Format.BLOCK];
    float[] row = new float[Format.BINS];
    for (int m = 0; m < c.length; m++) {
      float[] src = c[m];
      for (int k = 0; k < Format.BINS; k++) {
        float a = src[idx[k]];
        row[k] = a + frac[k] * (src[idx[k] + 1] - a);
      }
      float[] o = out[m];
      for (int p = 0; p < Format.BLOCK; p++) {
        short[] bins = lay.syncBin[p];
        byte[] sg = lay.syncSign[p];
        float s = 0;
        for (int j = 0; j < Format.SYNC; j++) {
          s += sg[j] * row[bins[j]];
        }
        o[p] = s;
      }
    }
    return out;
  }

  /**
   * The best path through {@code corr} over speeds lo..hi (steps of SPEED_STEP), the 4 sub-frame
   * offsets and every block position; null when fewer than two segments fit.
   */
  private static Hypothesis bestPath(
      float[][] corr, double beta, double lo, double hi, boolean pitchKept) {
    int rows = corr.length;
    int speeds = (int) Math.floor((hi - lo) / SPEED_STEP) + 1;
    int frames = framesAt(rows, lo);
    int segments = Math.min(frames, MAX_FRAMES) / SEGMENT;
    if (frames < MIN_FRAMES) {
      return null;
    }
    // the row shift d of each (speed, offset, segment), and its range
    int[][][] shift = new int[speeds][ROWS_PER_FRAME][segments];
    int dMin = Integer.MAX_VALUE;
    int dMax = Integer.MIN_VALUE;
    for (int s = 0; s < speeds; s++) {
      double speed = lo + s * SPEED_STEP;
      for (int o = 0; o < ROWS_PER_FRAME; o++) {
        for (int g = 0; g < segments; g++) {
          double jc = g * SEGMENT + (SEGMENT - 1) / 2.0;
          int d = (int) Math.round((o + ROWS_PER_FRAME * jc / speed) - ROWS_PER_FRAME * jc / beta);
          shift[s][o][g] = d;
          dMin = Math.min(dMin, d);
          dMax = Math.max(dMax, d);
        }
      }
    }
    int shifts = dMax - dMin + 1;
    // S[g][d][cc]: segment g's correlations along the bucket's own path shifted by d rows
    float[][][] seg = new float[segments][shifts][Format.BLOCK];
    for (int g = 0; g < segments; g++) {
      for (int j = g * SEGMENT; j < (g + 1) * SEGMENT; j++) {
        int r0 = (int) Math.round(ROWS_PER_FRAME * j / beta);
        int pj = j % Format.BLOCK;
        for (int d = dMin; d <= dMax; d++) {
          int r = r0 + d;
          if (r < 0 || r >= rows) {
            continue;
          }
          float[] cr = corr[r];
          float[] dst = seg[g][d - dMin];
          // dst[cc] += cr[(cc + j) % BLOCK]
          int split = Format.BLOCK - pj;
          for (int cc = 0; cc < split; cc++) {
            dst[cc] += cr[cc + pj];
          }
          for (int cc = split; cc < Format.BLOCK; cc++) {
            dst[cc] += cr[cc + pj - Format.BLOCK];
          }
        }
      }
    }
    double best = Double.NEGATIVE_INFINITY;
    double bestSpeed = 1;
    float[] total = new float[Format.BLOCK];
    for (int s = 0; s < speeds; s++) {
      for (int o = 0; o < ROWS_PER_FRAME; o++) {
        Arrays.fill(total, 0f);
        for (int g = 0; g < segments; g++) {
          float[] src = seg[g][shift[s][o][g] - dMin];
          for (int cc = 0; cc < Format.BLOCK; cc++) {
            total[cc] += src[cc];
          }
        }
        for (int cc = 0; cc < Format.BLOCK; cc++) {
          if (total[cc] > best) {
            best = total[cc];
            bestSpeed = lo + s * SPEED_STEP;
          }
        }
      }
    }
    double z = best / Math.sqrt((double) segments * SEGMENT * Format.SYNC);
    return new Hypothesis(new Warp(bestSpeed, pitchKept), z);
  }
}
