package com.audiostems.dsp.spectral;

/**
 * Zero-crossing rate in crossings per sample (librosa's unit; × sample rate gives crossings per
 * second), on frames aligned with the shared spectrogram: frame {@code i} is centred on sample
 * {@code i * hop} and spans {@code frameSize} samples, clipped to the signal.
 *
 * <p>A crossing is a sign change between neighbouring samples, zero counting as positive (as
 * librosa's {@code zero_pos=True}). A sine of f Hz therefore reads 2f/fs.
 */
public final class ZeroCrossingRate {

  private ZeroCrossingRate() {}

  /** One rate per frame, {@code frameCount} frames; O(samples) via a running count. */
  public static double[] perSample(float[] mono, int frameSizeSamples, int hopSizeSamples, int frameCount) {
    // crossingsBefore[n] = number of sign changes between samples (j−1, j) for 1 ≤ j < n.
    int[] crossingsBefore = new int[mono.length + 1];
    for (int n = 1; n < mono.length; n++) {
      boolean change = (mono[n] >= 0) != (mono[n - 1] >= 0);
      crossingsBefore[n + 1] = crossingsBefore[n] + (change ? 1 : 0);
    }
    double[] rate = new double[frameCount];
    int half = frameSizeSamples / 2;
    for (int f = 0; f < frameCount; f++) {
      int from = Math.max(0, f * hopSizeSamples - half);
      int to = Math.min(mono.length, f * hopSizeSamples - half + frameSizeSamples); // exclusive
      int pairs = to - from - 1;
      if (pairs <= 0) {
        continue;
      }
      // Pairs (j−1, j) with from < j < to.
      int crossings = crossingsBefore[to] - crossingsBefore[from + 1];
      rate[f] = (double) crossings / pairs;
    }
    return rate;
  }
}
