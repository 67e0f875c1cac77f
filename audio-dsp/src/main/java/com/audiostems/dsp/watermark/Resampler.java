package com.audiostems.dsp.watermark;

/**
 * Band-limited resampling by a windowed-sinc (Blackman window, 16 zero crossings each side, table of
 * 512 fractional phases, linear interpolation between phases). Used to bring any input to the mark's
 * reference rate and to undo speed changes in the detector.
 */
public final class Resampler {

  private static final int ZEROS = 16;
  /** Zero crossings of the detector's cheap speed-correction kernel. */
  static final int SHORT_ZEROS = 8;
  /** Zero crossings (of the output rate) of the 2:1 decimator's kernel. */
  private static final int HALVE_ZEROS = 12;
  /** Taps of the 2:1 decimator at input offsets -2 * HALVE_ZEROS .. 2 * HALVE_ZEROS. */
  private static final float[] HALVE = new float[4 * HALVE_ZEROS + 1];

  static {
    for (int m = -2 * HALVE_ZEROS; m <= 2 * HALVE_ZEROS; m++) {
      double x = 0.5 * Math.abs(m); // in output samples
      double s = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      double w = 0.42 + 0.5 * Math.cos(Math.PI * x / HALVE_ZEROS) + 0.08 * Math.cos(2 * Math.PI * x / HALVE_ZEROS);
      HALVE[m + 2 * HALVE_ZEROS] = (float) (0.5 * s * w);
    }
  }
  private static final int PHASES = 512;
  private static final float[] TABLE = table(ZEROS);
  private static final float[] SHORT_TABLE = table(SHORT_ZEROS);

  private static float[] table(int zeros) {
    float[] t = new float[zeros * PHASES + 2];
    for (int i = 0; i < t.length; i++) {
      double x = (double) i / PHASES;
      double s = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      double w = x >= zeros ? 0 : 0.42 + 0.5 * Math.cos(Math.PI * x / zeros) + 0.08 * Math.cos(2 * Math.PI * x / zeros);
      t[i] = (float) (s * w);
    }
    return t;
  }

  private Resampler() {}

  /**
   * 2:1 decimation (44.1 -> 22.05 kHz) with a half-band windowed sinc: every other tap is zero, so
   * it costs a quarter of {@link #resample} at ratio 0.5.
   */
  static float[] halve(float[] x) {
    int n = x.length / 2;
    float[] y = new float[n];
    int r = 2 * HALVE_ZEROS;
    for (int i = 0; i < n; i++) {
      int c = 2 * i;
      double acc = HALVE[r] * x[c];
      for (int m = 1; m <= r; m += 2) {
        float a = c - m >= 0 ? x[c - m] : 0f;
        float b = c + m < x.length ? x[c + m] : 0f;
        acc += HALVE[r + m] * (a + b);
      }
      y[i] = (float) acc;
    }
    return y;
  }

  /**
   * Resamples {@code x} by {@code ratio} = output rate / input rate: output sample i is the input
   * at time i / ratio. A low-pass at the smaller Nyquist is included.
   */
  public static float[] resample(float[] x, double ratio) {
    return resample(x, ratio, ZEROS);
  }

  /**
   * As {@link #resample(float[], double)} with a kernel of {@code zeros} (16, or {@link
   * #SHORT_ZEROS}) zero crossings each side: the short kernel is half the work and only blurs the top
   * of the band, far above the mark.
   */
  static float[] resample(float[] x, double ratio, int zeros) {
    if (Math.abs(ratio - 1) < 1e-12) {
      return x.clone();
    }
    float[] table = zeros == SHORT_ZEROS ? SHORT_TABLE : TABLE;
    zeros = zeros == SHORT_ZEROS ? SHORT_ZEROS : ZEROS;
    int n = (int) Math.floor(x.length * ratio);
    float[] y = new float[n];
    double scale = Math.min(1.0, ratio); // cutoff relative to input Nyquist
    double half = zeros / scale;
    for (int i = 0; i < n; i++) {
      double t = i / ratio;
      int lo = (int) Math.ceil(t - half);
      int hi = (int) Math.floor(t + half);
      double acc = 0;
      int a = Math.max(lo, 0);
      int b = Math.min(hi, x.length - 1);
      for (int j = a; j <= b; j++) {
        double d = Math.abs(t - j) * scale * PHASES;
        int k = (int) d;
        double f = d - k;
        double h = table[k] + f * (table[k + 1] - table[k]);
        acc += h * x[j];
      }
      y[i] = (float) (acc * scale);
    }
    return y;
  }
}
