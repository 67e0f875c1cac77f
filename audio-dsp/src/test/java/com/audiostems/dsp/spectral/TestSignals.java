package com.audiostems.dsp.spectral;

import com.audiostems.dsp.signal.RealFft;
import java.util.Random;

/** Deterministic test signals with known spectra. */
public final class TestSignals {

  static final int RATE_HZ = 22_050;

  private TestSignals() {}

  static float[] sine(double hz, double amplitude, double seconds) {
    float[] x = new float[(int) Math.round(seconds * RATE_HZ)];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE_HZ));
    }
    return x;
  }

  static float[] whiteNoise(double rms, double seconds, long seed) {
    Random random = new Random(seed);
    float[] x = new float[(int) Math.round(seconds * RATE_HZ)];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (rms * random.nextGaussian());
    }
    return x;
  }

  /**
   * Gaussian noise with a flat spectrum from 0 Hz to {@code edgeHz} and nothing above: random
   * complex bins on one 2^16-sample period, inverse FFT (so the band edge is exact, no filter
   * skirt), scaled to {@code rms}.
   */
  static float[] bandLimitedNoise(double edgeHz, double rms, long seed) {
    int n = 1 << 16; // ≈ 3 s at 22.05 kHz
    Random random = new Random(seed);
    float[] packed = new float[n];
    int lastBin = (int) Math.floor(edgeHz * n / RATE_HZ);
    for (int k = 1; k <= lastBin && k < n / 2; k++) {
      packed[2 * k] = (float) random.nextGaussian();
      packed[2 * k + 1] = (float) random.nextGaussian();
    }
    new RealFft(n).inverse(packed);
    double sum = 0;
    for (float v : packed) {
      sum += v * v;
    }
    float scale = (float) (rms / Math.sqrt(sum / n));
    for (int i = 0; i < n; i++) {
      packed[i] *= scale;
    }
    return packed;
  }

  public static float[] concat(float[]... parts) {
    int n = 0;
    for (float[] p : parts) {
      n += p.length;
    }
    float[] out = new float[n];
    int at = 0;
    for (float[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  /** Mean of the values for frames [from, to). */
  static double mean(double[] v, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += v[i];
    }
    return s / (to - from);
  }
}
