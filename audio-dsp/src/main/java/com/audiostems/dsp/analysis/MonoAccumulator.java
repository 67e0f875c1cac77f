package com.audiostems.dsp.analysis;

import java.util.Arrays;

/** Collects the mono mix of a stream of multichannel blocks, growing as it goes. */
final class MonoAccumulator {
  private float[] samples = new float[1 << 20];
  private int length;

  /** Appends the mean of the channels of the first {@code frames} frames of {@code block}. */
  void accept(float[][] block, int frames) {
    if (length + frames > samples.length) {
      samples = Arrays.copyOf(samples, Math.max(samples.length * 2, length + frames));
    }
    float scale = 1f / block.length;
    for (int i = 0; i < frames; i++) {
      float sum = 0;
      for (float[] channel : block) {
        sum += channel[i];
      }
      samples[length + i] = sum * scale;
    }
    length += frames;
  }

  int length() {
    return length;
  }

  /** The mono signal so far, trimmed to its length. */
  float[] samples() {
    return Arrays.copyOf(samples, length);
  }
}
