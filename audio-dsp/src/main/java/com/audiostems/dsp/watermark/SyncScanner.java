package com.audiostems.dsp.watermark;

import com.audiostems.dsp.signal.RealFft;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sync search over time and speed, per stretch of {@value #SEARCH_FRAMES} frames (40 s) of the
 * detector's 22.05 kHz signal: one log spectrum on a {@value #OFFSET_STEP}-sample grid ({@value
 * #OFFSETS} sub-frame offsets) serves every speed tried. A speed change only moves frames in time
 * and bins in frequency, so the speed-corrected frames are read off the grid (nearest grid frame,
 * bins interpolated at k · speed) instead of resampling the input and transforming it again; they
 * are made into frame-to-frame contrasts and scored by {@link SyncStatistic} at every block
 * position. Only positions above {@link #MIN_SYNC_STAT} become {@link Candidate}s, which keeps
 * unmarked audio cheap.
 */
final class SyncScanner {

  static final int SEARCH_FRAMES = 1720;
  static final int CANDIDATES = 3;

  /**
   * Sync statistic (sum over the 12 bands of squared positive band z-scores) a candidate needs to
   * be refined and decoded: the early rejection that keeps unmarked audio cheap. Measured
   * (SyncNullProbe): the best position of an unmarked stretch (1,440 tried per stretch and speed;
   * 462 stretches of 7 styles, 3 s to 40 s) has median 25, 99th percentile 36, maximum 42; marked
   * excerpts in the hardest cells (AAC 64k at 5 s, white noise 10 dB at 30 s and 20 dB at 5 s)
   * scored 34 to 294, and every one under 57 (5 s AAC 64k / noise 20 dB) failed to decode even with
   * the threshold at 30, so the threshold costs no recovery there. False candidates only cost time:
   * the CRC-32 and z >= {@link PayloadDecoder#MIN_Z} decide.
   */
  static final double MIN_SYNC_STAT = 40;

  /** Sub-frame offsets scanned per stretch (step DET_N / OFFSETS samples), then refined to 16. */
  static final int OFFSETS = 4;

  static final int OFFSET_STEP = Format.DET_N / OFFSETS;

  /**
   * A block position worth decoding: frame 0 of stretch {@code firstFrame} read through {@code
   * warp} and shifted by {@code offsetIndex} · OFFSET_STEP samples is block position {@code
   * blockPosition}; {@code frames} frames of the stretch can be read.
   */
  record Candidate(Warp warp, int firstFrame, int frames, int offsetIndex, int blockPosition) {}

  private final float[] x;
  private final SyncListener listener;
  private final RealFft fft;
  private final double minSpeed;
  private final double maxSpeed;

  /**
   * Bins below LO and above HI - 1 the grid holds, so that bins can be read at k · speed (+1 to
   * interpolate).
   */
  private final int lowMargin;

  private final int highMargin;

  /**
   * @param x the detector's signal, at {@link Format#DET_RATE_HZ}
   */
  SyncScanner(float[] x, double[] speeds, SyncListener listener, RealFft fft) {
    this.x = x;
    this.listener = listener;
    this.fft = fft;
    // the grid also serves every speed the ScaleEstimator may find
    this.minSpeed = Math.min(1 - ScaleSearch.MAX_SCALE, Arrays.stream(speeds).min().orElse(1));
    this.maxSpeed = Math.max(1 + ScaleSearch.MAX_SCALE, Arrays.stream(speeds).max().orElse(1));
    this.lowMargin =
        Math.min(Format.LO, (int) Math.ceil(Format.LO * Math.max(0, 1 - minSpeed)) + 1);
    this.highMargin =
        Math.min(
            Format.DET_N / 2 - Format.HI,
            (int) Math.ceil((Format.HI - 1) * Math.max(0, maxSpeed - 1)) + 2);
  }

  /**
   * The stretch starting at frame {@code firstFrame}, with its grid spectrum; null when the input
   * ends before it holds enough frames at any speed.
   */
  Stretch stretch(int firstFrame) {
    int firstHop =
        Math.max(
            0, (int) Math.floor((double) firstFrame * Format.DET_N / maxSpeed / OFFSET_STEP) - 1);
    int lastHop =
        (int)
                Math.ceil(
                    ((double) (firstFrame + SEARCH_FRAMES) * Format.DET_N + Format.DET_N)
                        / minSpeed
                        / OFFSET_STEP)
            + 1;
    lastHop = Math.min(lastHop, (x.length - Format.DET_N) / OFFSET_STEP + 1);
    if (lastHop - firstHop < 3 * OFFSETS) {
      return null;
    }
    if (framesAt(maxSpeed, firstFrame) == 0) {
      return null;
    }
    float[][] grid =
        Format.logBandsWide(
            x, firstHop * OFFSET_STEP, OFFSET_STEP, lastHop - firstHop, lowMargin, highMargin, fft);
    return new Stretch(firstFrame, firstHop, grid);
  }

  /**
   * Frames of the stretch at {@code firstFrame} that can be scanned at {@code speed}; 0 when too
   * few.
   */
  private int framesAt(double speed, int firstFrame) {
    int total = Format.detFrameCount((int) Math.floor(x.length * speed), Format.DET_N - 1);
    int frames = Math.min(SEARCH_FRAMES, total - firstFrame);
    return frames < 3 || (firstFrame > 0 && frames < Format.BLOCK / 2) ? 0 : frames;
  }

  /**
   * One stretch of the input and its log spectrum on the grid (rows every OFFSET_STEP samples from
   * {@code firstHop}).
   */
  final class Stretch {
    private final int firstFrame;
    private final int firstHop;
    private final float[][] grid;
    private float[][] contrasts;

    private Stretch(int firstFrame, int firstHop, float[][] grid) {
      this.firstFrame = firstFrame;
      this.firstHop = firstHop;
      this.grid = grid;
    }

    /** The warps under which the key's sync pattern lines up best ({@link ScaleSearch}). */
    List<ScaleSearch.Hypothesis> likelyWarps(Format.Layout lay) {
      if (contrasts == null) {
        contrasts = ScaleSearch.contrasts(grid);
      }
      return ScaleSearch.best(contrasts, lowMargin, lay);
    }

    /**
     * The stretch's contrasts read through {@code warp}, every offset; null when too few frames.
     */
    SpeedScan at(Warp warp) {
      double speed = warp.speed();
      int frames = framesAt(speed, firstFrame);
      if (frames == 0) {
        return null;
      }
      float[][][] v = new float[OFFSETS][][];
      double[][] var = new double[OFFSETS][];
      for (int o = 0; o < OFFSETS; o++) {
        v[o] =
            Format.contrast(
                readAtSpeed(
                    grid,
                    firstHop,
                    lowMargin,
                    warp,
                    firstFrame * Format.DET_N + o * OFFSET_STEP,
                    frames));
        var[o] = SyncStatistic.bandVariances(v[o]);
      }
      return new SpeedScan(warp, firstFrame, frames, v, var);
    }
  }

  /** A stretch's contrasts at one speed and every sub-frame offset, with their band variances. */
  final class SpeedScan {
    private final Warp warp;
    private final int firstFrame;
    private final int frames;
    private final float[][][] v;
    private final double[][] var;

    private SpeedScan(Warp warp, int firstFrame, int frames, float[][][] v, double[][] var) {
      this.warp = warp;
      this.firstFrame = firstFrame;
      this.frames = frames;
      this.v = v;
      this.var = var;
    }

    /**
     * Up to {@value #CANDIDATES} positions for the key's layout, best first, each over {@link
     * #MIN_SYNC_STAT}; the best statistic goes to the listener whether it passes or not.
     */
    List<Candidate> candidates(Format.Layout lay) {
      return candidates(lay, MIN_SYNC_STAT);
    }

    /** {@link #candidates(Format.Layout)} over {@code minStatistic} (probes use −∞). */
    List<Candidate> candidates(Format.Layout lay, double minStatistic) {
      double[][] score = new double[OFFSETS][];
      for (int o = 0; o < OFFSETS; o++) {
        score[o] = SyncStatistic.atEveryPosition(v[o], var[o], lay);
      }
      List<Candidate> found = new ArrayList<>();
      for (int t = 0; t < CANDIDATES; t++) {
        int[] best = argmax(score);
        double statistic = score[best[0]][best[1]];
        if (t == 0) {
          listener.bestSyncStatistic(statistic);
        }
        if (statistic < minStatistic) {
          break; // no sync peak worth decoding
        }
        score[best[0]][best[1]] = Double.NEGATIVE_INFINITY;
        found.add(
            new Candidate(warp, firstFrame, Math.min(frames, v[best[0]].length), best[0], best[1]));
      }
      return found;
    }
  }

  /** {offset, block position} of the largest score (the first of equals). */
  private static int[] argmax(double[][] score) {
    int bo = 0;
    int bc = 0;
    for (int o = 0; o < score.length; o++) {
      for (int cc = 0; cc < Format.BLOCK; cc++) {
        if (score[o][cc] > score[bo][bc]) {
          bo = o;
          bc = cc;
        }
      }
    }
    return new int[] {bo, bc};
  }

  /**
   * Log-magnitude frames of the input with {@code warp} undone: frame j starts at {@code start} + j
   * * DET_N of the unwarped signal, i.e. at (that) / speed of the input, taken from the nearest row
   * of {@code grid} (rows every OFFSET_STEP samples from {@code firstHop}, first column bin LO -
   * lowMargin); unwarped bin k is input bin k * binScale, interpolated (clamped to the grid for
   * scales beyond its margins). Stops early at the grid's end.
   */
  static float[][] readAtSpeed(
      float[][] grid, int firstHop, int lowMargin, Warp warp, int start, int frames) {
    double speed = warp.speed();
    float[][] out = new float[frames][];
    int n = 0;
    for (int j = 0; j < frames; j++) {
      double pos = (start + (double) j * Format.DET_N) / speed;
      int m = Math.max(0, (int) Math.round(pos / OFFSET_STEP) - firstHop);
      if (m >= grid.length) {
        break;
      }
      out[n++] = binsAtSpeed(grid[m], lowMargin, warp.binScale());
    }
    return n == frames ? out : Arrays.copyOf(out, n);
  }

  /**
   * Bins LO..HI-1 of a frame whose bins moved by {@code speed}, read off the grid row {@code src}.
   */
  private static float[] binsAtSpeed(float[] src, int lowMargin, double speed) {
    float[] row = new float[Format.BINS];
    if (speed == 1.0) {
      System.arraycopy(src, lowMargin, row, 0, Format.BINS);
      return row;
    }
    for (int k = 0; k < Format.BINS; k++) {
      double b = (k + Format.LO) * speed - (Format.LO - lowMargin);
      b = Math.max(0, Math.min(src.length - 1.001, b));
      int i = (int) b;
      float f = (float) (b - i);
      row[k] = src[i] + f * (src[i + 1] - src[i]);
    }
    return row;
  }
}
