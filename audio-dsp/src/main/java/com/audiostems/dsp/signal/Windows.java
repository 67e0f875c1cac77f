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

  /**
   * The modified Bessel function of the first kind, order 0, by its power series: the Kaiser
   * window's kernel, {@code I0(beta * sqrt(1 - r^2)) / I0(beta)} at {@code r} in [-1, 1].
   */
  public static double besselI0(double x) {
    double sum = 1;
    double term = 1;
    for (int k = 1; k < 60; k++) {
      term *= (x / (2 * k)) * (x / (2 * k));
      sum += term;
      if (term < 1e-14 * sum) {
        break;
      }
    }
    return sum;
  }
}
