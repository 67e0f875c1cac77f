package com.audiostems.dsp.tonal;

import com.audiostems.dsp.signal.Windows;

/**
 * Halves a signal's rate until it is below {@value #STOP_RATE_HZ} Hz, keeping only the band that
 * key analysis reads (up to {@value #PROTECTED_HZ} Hz) free of aliases.
 *
 * <p>Why not {@link com.audiostems.dsp.signal.Decimation#halve}: that filter keeps 80 % of each new
 * Nyquist band flat, which costs 12 multiplies per output. Here each half-band stage only has to
 * stop what would fold into 0..{@value #PROTECTED_HZ} Hz; the first stage (22.05 → 11.025 kHz) then
 * needs 4 multiplies per output and the second 9, and the whole decimation runs more than twice
 * as fast. Aliases may land above {@value #PROTECTED_HZ} Hz; nothing reads there.
 */
final class KeyDecimator {

  static final int STOP_RATE_HZ = 10_000;
  static final double PROTECTED_HZ = 2_100;

  /** Stopband attenuation of every stage. */
  static final double ATTENUATION_DB = 75;

  private KeyDecimator() {}

  /** The decimated samples; {@code rateOut[0]} receives the new rate. */
  static float[] decimate(float[] x, double rateHz, double[] rateOut) {
    double rate = rateHz;
    while (rate >= STOP_RATE_HZ) {
      x = halve(x, halfBand(rate));
      rate /= 2;
    }
    rateOut[0] = rate;
    return x;
  }

  /**
   * The taps [centre, h1, h3, …] of a Kaiser-windowed half-band low-pass for rate {@code rateHz}
   * (even offsets other than the centre are 0), as short as the transition from
   * {@link #PROTECTED_HZ} to {@code rateHz/2 − PROTECTED_HZ} allows.
   */
  static double[] halfBand(double rateHz) {
    double transition = (rateHz / 2 - 2 * PROTECTED_HZ) / rateHz; // cycles per sample
    // Kaiser's estimate of the order for this attenuation and transition width.
    double order = (ATTENUATION_DB - 8) / (2.285 * 2 * Math.PI * Math.max(transition, 0.02));
    int pairs = Math.max(2, (int) Math.ceil((order / 2 + 1) / 2)); // odd taps per side
    double beta = 0.1102 * (ATTENUATION_DB - 8.7);
    double[] taps = new double[pairs + 1];
    taps[0] = 0.5;
    double dc = 0.5;
    for (int i = 0; i < pairs; i++) {
      int m = 2 * i + 1;
      double sinc = Math.sin(Math.PI * m / 2) / (Math.PI * m);
      double r = (double) m / (2 * pairs);
      taps[i + 1] = sinc * Windows.besselI0(beta * Math.sqrt(1 - r * r)) / Windows.besselI0(beta);
      dc += 2 * taps[i + 1];
    }
    for (int i = 0; i <= pairs; i++) {
      taps[i] /= dc; // unit gain at DC
    }
    return taps;
  }

  /**
   * Filters with the half-band {@code taps} ([centre, h1, h3, …]) and keeps every other sample.
   * Works on the even and odd phases separately so that every inner loop is unit-stride.
   */
  static float[] halve(float[] x, double[] taps) {
    int n = (x.length + 1) / 2;
    int pairs = taps.length - 1;
    // odd[pairs + j] = x[2j + 1], zero-padded by `pairs` on both sides.
    float[] odd = new float[n + 2 * pairs];
    for (int j = 0; 2 * j + 1 < x.length; j++) {
      odd[pairs + j] = x[2 * j + 1];
    }
    float[] y = new float[n];
    float c = (float) taps[0];
    for (int o = 0; o < n; o++) {
      y[o] = c * x[2 * o];
    }
    for (int i = 0; i < pairs; i++) {
      // Tap at offset ±(2i + 1): x[2o − 2i − 1] = odd[pairs + o − i − 1], x[2o + 2i + 1] = odd[pairs + o + i].
      float h = (float) taps[i + 1];
      int before = pairs - i - 1;
      int after = pairs + i;
      for (int o = 0; o < n; o++) {
        y[o] += h * (odd[before + o] + odd[after + o]);
      }
    }
    return y;
  }

}
