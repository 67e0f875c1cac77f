package com.audiostems.dsp.rhythm;

/**
 * Onsets per second, by peak-picking the onset envelope: a frame is an onset when it is the largest
 * within ±{@link #MIN_GAP_SECONDS} (two onsets closer than that are heard as one) and stands above
 * both the envelope's local mean over ±{@link #LOCAL_SECONDS} times {@link #LOCAL_FACTOR} and a
 * floor of {@link #FLOOR_FRACTION} of the track's strong onsets (so that the hiss of a quiet
 * passage does not count).
 */
final class OnsetRate {

  static final double MIN_GAP_SECONDS = 0.03;

  static final double LOCAL_SECONDS = 0.5;

  static final double LOCAL_FACTOR = 1.5;

  static final double FLOOR_FRACTION = 0.1;

  private OnsetRate() {}

  /** Frame indices of the onsets in {@code envelope}. */
  static int[] onsets(OnsetEnvelope envelope) {
    float[] e = envelope.strength();
    int n = e.length;
    double rate = envelope.frameRateHz();
    int gap = Math.max(1, (int) Math.round(MIN_GAP_SECONDS * rate));
    int local = Math.max(1, (int) Math.round(LOCAL_SECONDS * rate));
    double[] prefix = new double[n + 1];
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i] + e[i];
    }
    float[] sorted = e.clone();
    java.util.Arrays.sort(sorted);
    double strong = n == 0 ? 0 : sorted[(int) Math.floor(0.99 * (n - 1))];
    double floor = FLOOR_FRACTION * strong;
    int[] out = new int[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      double v = e[i];
      if (v <= floor) {
        continue;
      }
      int lo = Math.max(0, i - local);
      int hi = Math.min(n, i + local + 1);
      double mean = (prefix[hi] - prefix[lo]) / (hi - lo);
      if (v <= LOCAL_FACTOR * mean) {
        continue;
      }
      boolean peak = true;
      for (int j = Math.max(0, i - gap); j <= Math.min(n - 1, i + gap) && peak; j++) {
        // Ties go to the earlier frame.
        peak = j == i || (j < i ? e[j] < v : e[j] <= v);
      }
      if (peak) {
        out[count++] = i;
      }
    }
    return java.util.Arrays.copyOf(out, count);
  }

  /** Onsets per second over the whole envelope. */
  static double perSecond(OnsetEnvelope envelope) {
    double duration = envelope.durationSeconds();
    return duration > 0 ? onsets(envelope).length / duration : 0;
  }
}
