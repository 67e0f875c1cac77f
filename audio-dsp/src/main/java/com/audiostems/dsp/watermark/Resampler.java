package com.audiostems.dsp.watermark;

/**
 * Band-limited resampling by a windowed-sinc (Kaiser-like Blackman window, 16 zero crossings each
 * side, table of 512 fractional phases, linear interpolation between phases). Used to bring any
 * input to the mark's reference rate and to undo speed changes in the detector.
 */
public final class Resampler {

  private static final int ZEROS = 16;
  private static final int PHASES = 512;
  private static final float[] TABLE = new float[ZEROS * PHASES + 2];

  static {
    for (int i = 0; i < TABLE.length; i++) {
      double x = (double) i / PHASES;
      double s = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      double w = x >= ZEROS ? 0 : 0.42 + 0.5 * Math.cos(Math.PI * x / ZEROS) + 0.08 * Math.cos(2 * Math.PI * x / ZEROS);
      TABLE[i] = (float) (s * w);
    }
  }

  private Resampler() {}

  /**
   * Resamples {@code x} by {@code ratio} = output rate / input rate: output sample i is the input
   * at time i / ratio. A low-pass at the smaller Nyquist is included.
   */
  public static float[] resample(float[] x, double ratio) {
    if (Math.abs(ratio - 1) < 1e-12) {
      return x.clone();
    }
    int n = (int) Math.floor(x.length * ratio);
    float[] y = new float[n];
    double scale = Math.min(1.0, ratio); // cutoff relative to input Nyquist
    double half = ZEROS / scale;
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
        double h = TABLE[k] + f * (TABLE[k + 1] - TABLE[k]);
        acc += h * x[j];
      }
      y[i] = (float) (acc * scale);
    }
    return y;
  }
}
