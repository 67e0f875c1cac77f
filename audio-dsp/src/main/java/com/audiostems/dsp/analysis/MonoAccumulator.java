package com.audiostems.dsp.analysis;

import com.audiostems.dsp.signal.Downmix;
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
    Downmix.mixInto(block, frames, samples, length);
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
