package com.audiostems.dsp.watermark;

import java.util.ArrayList;
import java.util.List;

/**
 * A decoded payload checked against the input: the weighted z-score of every frame against the
 * re-encoded mark (sync and data bins), overall and per segment of {@value #SEGMENT_FRAMES} frames
 * (2 s) for the timeline.
 *
 * @param z the whole input's z-score
 * @param timeline the segments, in seconds of the input
 */
record MarkConfirmation(double z, List<Detection.Segment> timeline) {

  static final int SEGMENT_FRAMES = 86;

  /**
   * Frames {@code fr} from block position {@code pos0}, frame 0 at sample {@code s0} of the signal
   * resampled by {@code speed}, against the re-encoded mark (the bit of every slot, {@code
   * slotBits}) with the class weights {@code w} and variances {@code var}.
   */
  static MarkConfirmation of(
      Format.Frames fr,
      int pos0,
      int s0,
      Format.Layout lay,
      int[] slotBits,
      float[][] w,
      double[][] var,
      double speed) {
    List<Detection.Segment> timeline = new ArrayList<>();
    Sums all = new Sums();
    Sums segment = new Sums();
    int segStart = 0;
    int p = pos0;
    for (int f = 0; f < fr.length(); f++) {
      double data = dataCorrelation(fr.v()[f], fr.level()[f], p, lay, slotBits, w);
      double fv = frameVariance(fr.level()[f], w, var);
      all.add(syncCorrelation(fr.v()[f], fr.level()[f], p, lay, w) + data, fv);
      // a segment counts only the data bins: audio marked with the same key but another payload
      // carries the same sync pattern, and must still show up as foreign
      segment.add(data, fv * (Format.GROUPS * Format.GROUP) / Format.BINS);
      if (++p == Format.BLOCK) {
        p = 0;
      }
      boolean last = f == fr.length() - 1;
      if ((f - segStart + 1 == SEGMENT_FRAMES && fr.length() - f - 1 >= SEGMENT_FRAMES / 2)
          || last) {
        timeline.add(segment(segStart, f + 1, s0, speed, segment.z()));
        segment = new Sums();
        segStart = f + 1;
      }
    }
    return new MarkConfirmation(all.z(), List.copyOf(timeline));
  }

  /**
   * Frames [from, to) as seconds of the input: resampled by speed, sample i is input time i /
   * (speed * rate).
   */
  private static Detection.Segment segment(int from, int to, int s0, double speed, double z) {
    double t0 = (s0 + (double) from * Format.DET_N) / (Format.DET_RATE_HZ * speed);
    double t1 = (s0 + (double) to * Format.DET_N) / (Format.DET_RATE_HZ * speed);
    return new Detection.Segment(t0, t1, z, z >= 3);
  }

  /** A running weighted correlation and its variance under no mark. */
  private static final class Sums {
    private double sum;
    private double variance;

    void add(double correlation, double correlationVariance) {
      sum += correlation;
      variance += correlationVariance;
    }

    double z() {
      return sum / Math.sqrt(variance + 1e-30);
    }
  }

  /** Variance of one frame's weighted correlation over all bins, with no mark. */
  private static double frameVariance(byte[] cls, float[][] w, double[][] var) {
    double fv = 0;
    for (int k = 0; k < Format.BINS; k++) {
      int c = cls[k];
      int b = k / Format.WBAND;
      fv += (double) w[c][b] * w[c][b] * var[c][b];
    }
    return fv;
  }

  private static double syncCorrelation(
      float[] row, byte[] cls, int p, Format.Layout lay, float[][] w) {
    double a = 0;
    for (int j = 0; j < Format.SYNC; j++) {
      int k = lay.syncBin[p][j];
      a += lay.syncSign[p][j] * w[cls[k]][lay.syncBand[p][j]] * row[k];
    }
    return a;
  }

  private static double dataCorrelation(
      float[] row, byte[] cls, int p, Format.Layout lay, int[] slotBits, float[][] w) {
    double a = 0;
    for (int g = 0; g < Format.GROUPS; g++) {
      int slot = p * Format.GROUPS + g;
      int bit = slotBits[slot] * 2 - 1;
      for (int j = 0; j < Format.GROUP; j++) {
        int k = lay.dataBin[slot][j];
        int b = k / Format.WBAND;
        a += bit * lay.dataSign[slot][j] * w[cls[k]][b] * row[k];
      }
    }
    return a;
  }
}
