package com.audiostems.dsp.quality;

/**
 * Per-channel sums (mean, energy) and, for the first two channels, the cross product: the streaming
 * state behind the DC-offset, balance, mono-as-stereo, polarity and phase checks. Sums are kept in
 * four interleaved partial accumulators so that the loop does not wait on one chain of additions.
 */
final class ChannelStats {
  private final int channels;
  private final double[] sum;
  private final double[] energy;
  private double cross;
  private long frames;

  ChannelStats(int channels) {
    this.channels = channels;
    sum = new double[channels];
    energy = new double[channels];
  }

  void accept(float[][] block, int n) {
    for (int c = 0; c < channels; c++) {
      float[] x = block[c];
      double s0 = 0, s1 = 0, e0 = 0, e1 = 0;
      int i = 0;
      for (; i + 1 < n; i += 2) {
        double a = x[i];
        double b = x[i + 1];
        s0 += a;
        s1 += b;
        e0 += a * a;
        e1 += b * b;
      }
      if (i < n) {
        double a = x[i];
        s0 += a;
        e0 += a * a;
      }
      sum[c] += s0 + s1;
      energy[c] += e0 + e1;
    }
    if (channels >= 2) {
      float[] l = block[0];
      float[] r = block[1];
      double p0 = 0, p1 = 0, p2 = 0, p3 = 0;
      int i = 0;
      for (; i + 3 < n; i += 4) {
        p0 += (double) l[i] * r[i];
        p1 += (double) l[i + 1] * r[i + 1];
        p2 += (double) l[i + 2] * r[i + 2];
        p3 += (double) l[i + 3] * r[i + 3];
      }
      for (; i < n; i++) {
        p0 += (double) l[i] * r[i];
      }
      cross += p0 + p1 + p2 + p3;
    }
    frames += n;
  }

  int channels() {
    return channels;
  }

  long frames() {
    return frames;
  }

  double mean(int c) {
    return frames == 0 ? 0 : sum[c] / frames;
  }

  /** Mean square of channel c. */
  double meanSquare(int c) {
    return frames == 0 ? 0 : energy[c] / frames;
  }

  /** Mean square of channel c with its DC removed. */
  double acMeanSquare(int c) {
    double m = mean(c);
    return Math.max(0, meanSquare(c) - m * m);
  }

  /** Pearson correlation of channels 0 and 1 (DC removed); NaN if either is silent. */
  double correlation() {
    double l = acMeanSquare(0);
    double r = acMeanSquare(1);
    if (!(l > 0 && r > 0)) {
      return Double.NaN;
    }
    double c = cross / frames - mean(0) * mean(1);
    return c / Math.sqrt(l * r);
  }

  /** Side energy over mid energy of channels 0 and 1, dB (-Infinity for identical channels). */
  double sideToMidDb() {
    double ll = energy[0];
    double rr = energy[1];
    double side = Math.max(0, ll + rr - 2 * cross);
    double mid = ll + rr + 2 * cross;
    return Units.powerDb(side / Math.max(mid, 1e-300));
  }

  /**
   * Level of the mono fold-down relative to the stereo channels' mean level, dB: 0 for identical
   * channels, -3 for unrelated ones, -Infinity for one the inverse of the other.
   */
  double monoFoldDownDb() {
    double ll = energy[0];
    double rr = energy[1];
    double mid = (ll + rr + 2 * cross) / 4;
    return Units.powerDb(mid / Math.max((ll + rr) / 2, 1e-300));
  }
}
