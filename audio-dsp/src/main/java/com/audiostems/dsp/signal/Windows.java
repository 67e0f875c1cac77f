package com.audiostems.dsp.signal;

/** Analysis windows. */
public final class Windows {

  private Windows() {}

  /** Periodic Hann window (the STFT convention: overlap-adds to a constant at hop = size / 2). */
  public static float[] hann(int sizeSamples) {
    float[] w = new float[sizeSamples];
    for (int i = 0; i < sizeSamples; i++) {
      w[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / sizeSamples));
    }
    return w;
  }
}
