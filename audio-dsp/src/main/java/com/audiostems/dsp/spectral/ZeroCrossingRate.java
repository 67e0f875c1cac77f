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
    // crossingsBefore[n] = number of sign changes between samples (j−1, j) for 1 ≤ j < n.
    int[] crossingsBefore = new int[mono.length + 1];
    // Sign bits compared without branches: noisy signals would mispredict half of them.
    int previousSign = mono.length > 0 ? Float.floatToRawIntBits(mono[0]) >>> 31 : 0;
    for (int n = 1; n < mono.length; n++) {
      int sign = Float.floatToRawIntBits(mono[n]) >>> 31;
      crossingsBefore[n + 1] = crossingsBefore[n] + (sign ^ previousSign);
      previousSign = sign;
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
