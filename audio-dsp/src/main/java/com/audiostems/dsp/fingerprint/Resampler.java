package com.audiostems.dsp.fingerprint;

import com.audiostems.dsp.signal.Windows;

/**
 * Arbitrary-ratio band-limited resampling (Kaiser-windowed sinc, table-driven), used to bring any
 * input to the fingerprint rate of {@link Fingerprinter#RATE_HZ}.
 *
 * <p>The low-pass sits at 0.95 of the lower of the two Nyquist frequencies; the kernel reaches 10
 * zero crossings each side. Each output sample is normalised by the sum of its weights, so DC is
 * passed exactly and the edges are not darkened.
 */
final class Resampler {

  private static final int ZERO_CROSSINGS = 10;
  private static final int TABLE_STEPS = 256;
  private static final double CUTOFF = 0.95;
  private static final float[] KERNEL = kernel();

  private Resampler() {}

  /** {@code x} sampled at {@code inRateHz}, resampled to {@code outRateHz}. */
  static float[] resample(float[] x, double inRateHz, double outRateHz) {
    if (inRateHz == outRateHz) {
      return x.clone();
    }
    double step = inRateHz / outRateHz; // input samples per output sample
    double scale = Math.max(1.0, step); // kernel stretch in input samples
    int n = (int) Math.floor((x.length - 1) / step) + 1;
    float[] y = new float[Math.max(0, n)];
    double reach = ZERO_CROSSINGS * scale;
    double tablePerInput = TABLE_STEPS / scale;
    for (int o = 0; o < y.length; o++) {
      double c = o * step;
      int lo = Math.max(0, (int) Math.ceil(c - reach));
      int hi = Math.min(x.length - 1, (int) Math.floor(c + reach));
      double acc = 0;
      double wsum = 0;
      for (int i = lo; i <= hi; i++) {
        double pos = Math.abs(i - c) * tablePerInput;
        int k = (int) pos;
        if (k >= KERNEL.length - 1) {
          continue;
        }
        double frac = pos - k;
        double w = KERNEL[k] + frac * (KERNEL[k + 1] - KERNEL[k]);
        acc += w * x[i];
        wsum += w;
      }
      y[o] = wsum != 0 ? (float) (acc / wsum) : 0f;
    }
    return y;
  }

  private static float[] kernel() {
    int len = ZERO_CROSSINGS * TABLE_STEPS + 2;
    float[] k = new float[len];
    double beta = 8.0;
    double i0b = Windows.besselI0(beta);
    for (int j = 0; j < len; j++) {
      double d = (double) j / TABLE_STEPS;
      if (d >= ZERO_CROSSINGS) {
        k[j] = 0f;
        continue;
      }
      double arg = Math.PI * CUTOFF * d;
      double sinc = d == 0 ? 1.0 : Math.sin(arg) / arg;
      double r = d / ZERO_CROSSINGS;
      double w = Windows.besselI0(beta * Math.sqrt(1 - r * r)) / i0b;
      k[j] = (float) (sinc * w);
    }
    return k;
  }

}
