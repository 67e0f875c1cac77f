package com.audiostems.dsp.fingerprint;

import java.util.Arrays;

/** Counting distinct anchor frames inside a sliding window: the score's unit. */
final class FrameWindows {

  private FrameWindows() {}

  /**
   * Most distinct values of {@code frames[0..n)} inside any window of {@code windowFrames} frames
   * (sorts that prefix in place).
   */
  static int mostDistinctInWindow(int[] frames, int n, int windowFrames) {
    int distinct = distinctPrefix(frames, n);
    int best = 0;
    int lo = 0;
    for (int hi = 0; hi < distinct; hi++) {
      while (frames[hi] - frames[lo] >= windowFrames) {
        lo++;
      }
      best = Math.max(best, hi - lo + 1);
    }
    return best;
  }

  /** Sorts {@code values[0..n)} and moves its distinct values to the front; returns how many. */
  private static int distinctPrefix(int[] values, int n) {
    Arrays.sort(values, 0, n);
    int d = 0;
    for (int i = 0; i < n; i++) {
      if (d == 0 || values[i] != values[d - 1]) {
        values[d++] = values[i];
      }
    }
    return d;
  }
}
