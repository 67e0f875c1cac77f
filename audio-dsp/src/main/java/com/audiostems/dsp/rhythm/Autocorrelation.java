package com.audiostems.dsp.rhythm;

import com.audiostems.dsp.signal.RealFft;

/** Autocorrelation of an envelope, by FFT (the whole track costs one transform each way). */
final class Autocorrelation {

  private Autocorrelation() {}

  /**
   * r[lag] for lag = 0..maxLag of {@code x} with its mean removed, each lag divided by the number
   * of overlapping products (so long lags are not penalised for having fewer) and then by r[0]:
   * r[0] = 1, and a perfectly periodic envelope scores near 1 at its period.
   */
  static double[] normalized(float[] x, int maxLag) {
    int n = x.length;
    maxLag = Math.min(maxLag, n - 1);
    if (n < 2 || maxLag < 1) {
      return new double[] {1};
    }
    double mean = 0;
    for (float v : x) {
      mean += v;
    }
    mean /= n;
    int size = Integer.highestOneBit(Math.max(2, n + maxLag) * 2 - 1);
    if (size < n + maxLag) {
      size *= 2;
    }
    float[] buf = new float[size];
    for (int i = 0; i < n; i++) {
      buf[i] = (float) (x[i] - mean);
    }
    RealFft fft = new RealFft(size);
    fft.forward(buf);
    // Power spectrum in the same packing: DC and Nyquist are real, the rest re/im pairs.
    buf[0] = buf[0] * buf[0];
    buf[1] = buf[1] * buf[1];
    for (int k = 1; k < size / 2; k++) {
      float re = buf[2 * k];
      float im = buf[2 * k + 1];
      buf[2 * k] = re * re + im * im;
      buf[2 * k + 1] = 0;
    }
    fft.inverse(buf);
    double[] r = new double[maxLag + 1];
    double zero = buf[0] / n;
    if (zero <= 0) {
      return r;
    }
    for (int lag = 0; lag <= maxLag; lag++) {
      r[lag] = buf[lag] / (double) (n - lag) / zero;
    }
    return r;
  }

  /** {@code r} at a fractional lag, by linear interpolation (0 beyond its end). */
  static double at(double[] r, double lag) {
    int i = (int) Math.floor(lag);
    if (i < 0 || i + 1 >= r.length) {
      return 0;
    }
    double f = lag - i;
    return r[i] * (1 - f) + r[i + 1] * f;
  }
}
