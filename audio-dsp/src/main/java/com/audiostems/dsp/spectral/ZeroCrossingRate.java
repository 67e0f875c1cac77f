package com.audiostems.dsp.spectral;

/**
 * Zero-crossing rate in crossings per sample (librosa's unit; × sample rate gives crossings per
 * second), on frames aligned with the shared spectrogram: frame {@code i} is centred on sample
 * {@code i * hop} and spans {@code frameSize} samples, clipped to the signal.
 *
 * <p>A crossing is a change of sign bit between neighbouring samples, so +0 counts as positive
 * (librosa's {@code zero_pos=True}, which also reads the sign bit). A sine of f Hz reads 2f/fs.
 */
public final class ZeroCrossingRate {

  private ZeroCrossingRate() {}

  /** One rate per frame, {@code frameCount} frames; O(samples) via a running count. */
  public static double[] perSample(
      float[] mono, int frameSizeSamples, int hopSizeSamples, int frameCount) {
    // Frame f counts the sign changes between samples (j−1, j) for from < j < to. Both ends only
    // move forward with f, so one running count, read as it passes each end in order, serves
    // every frame (no per-sample table: 26 MB for five minutes).
    double[] rate = new double[frameCount];
    int[] startCount = new int[frameCount]; // the count before from + 1
    int half = frameSizeSamples / 2;
    CrossingCounter counter = new CrossingCounter(mono);
    int pending = 0; // the first frame whose start count is not read yet
    for (int f = 0; f < frameCount; f++) {
      int from = Math.max(0, f * hopSizeSamples - half);
      int to = Math.min(mono.length, f * hopSizeSamples - half + frameSizeSamples); // exclusive
      for (; pending < frameCount && startOf(pending, hopSizeSamples, half) <= to; pending++) {
        startCount[pending] = counter.before(startOf(pending, hopSizeSamples, half));
      }
      int pairs = to - from - 1;
      if (pairs > 0) {
        rate[f] = (double) (counter.before(to) - startCount[f]) / pairs;
      }
    }
    return rate;
  }

  /** The first sample j of frame f's pairs (j−1, j): its first sample + 1. */
  private static int startOf(int frame, int hopSizeSamples, int half) {
    return Math.max(0, frame * hopSizeSamples - half) + 1;
  }

  /**
   * The sign changes before sample n, for n that never decreases: a running count, so a whole
   * track's zero-crossing rates need no per-sample table (26 MB for five minutes).
   */
  private static final class CrossingCounter {
    private final float[] mono;
    private int n = 1; // crossings counts the pairs (j−1, j) for 1 ≤ j < n
    private int crossings;

    CrossingCounter(float[] mono) {
      this.mono = mono;
    }

    int before(int target) {
      // Sign bits compared without branches: noisy signals would mispredict half of them.
      int count = crossings;
      int j = n;
      for (; j < target; j++) {
        count += (Float.floatToRawIntBits(mono[j]) ^ Float.floatToRawIntBits(mono[j - 1])) >>> 31;
      }
      crossings = count;
      n = Math.max(n, j);
      return count;
    }
  }
}
