package com.audiostems.dsp.signal;

/**
 * Sample-rate reduction by powers of two, for the analysers that look at music below 11–12 kHz
 * (tempo, key, timbre): they run 2–8 times faster on the reduced signal and lose nothing they use.
 */
public final class Decimation {

  /** The analysis rate is the source rate halved until it is below this: 22.05 or 24 kHz. */
  public static final int MAX_ANALYSIS_RATE_HZ = 24_000;

  /**
   * Half-band low-pass, Kaiser-windowed sinc (beta 8): passband flat to 0.4 fs/2 of the output,
   * about 80 dB down above its Nyquist. Odd length; every other tap but the centre is zero.
   */
  private static final float[] HALF_BAND = halfBand(47, 8.0);

  private Decimation() {}

  /**
   * {@code mono} at the largest rate ≤ {@link #MAX_ANALYSIS_RATE_HZ} reachable by halving
   * {@code sampleRateHz} (44.1 → 22.05 kHz, 48/96/192 → 24 kHz); unchanged when already there.
   */
  public static MonoSignal toAnalysisRate(float[] mono, int sampleRateHz) {
    float[] x = mono;
    int rate = sampleRateHz;
    while (rate > MAX_ANALYSIS_RATE_HZ && rate % 2 == 0) {
      x = halve(x);
      rate /= 2;
    }
    return new MonoSignal(x, rate);
  }

  /** Low-pass at a quarter of the rate, then every other sample: the signal at half the rate. */
  public static float[] halve(float[] x) {
    int centre = HALF_BAND.length / 2;
    int n = (x.length + 1) / 2;
    float[] y = new float[n];
    // The half-band's taps at even offsets from the centre are zero: only the odd ones are kept,
    // paired, since the filter is symmetric.
    int pairs = (centre + 1) / 2;
    float[] tap = new float[pairs];
    for (int j = 0; j < pairs; j++) {
      tap[j] = HALF_BAND[centre + 2 * j + 1];
    }
    float mid = HALF_BAND[centre];
    int reach = 2 * pairs - 1;
    for (int o = 0; o < n; o++) {
      int at = 2 * o;
      float acc = mid * x[at];
      if (at - reach >= 0 && at + reach < x.length) {
        for (int j = 0; j < pairs; j++) {
          int k = 2 * j + 1;
          acc += tap[j] * (x[at - k] + x[at + k]);
        }
      } else {
        for (int j = 0; j < pairs; j++) {
          int k = 2 * j + 1;
          float lo = at - k >= 0 ? x[at - k] : 0f;
          float hi = at + k < x.length ? x[at + k] : 0f;
          acc += tap[j] * (lo + hi);
        }
      }
      y[o] = acc;
    }
    return y;
  }

  private static float[] halfBand(int taps, double kaiserBeta) {
    float[] h = new float[taps];
    int centre = taps / 2;
    double sum = 0;
    for (int i = 0; i < taps; i++) {
      int m = i - centre;
      double sinc = m == 0 ? 0.5 : Math.sin(Math.PI * m / 2) / (Math.PI * m);
      double r = (double) m / centre;
      double w = Windows.besselI0(kaiserBeta * Math.sqrt(Math.max(0, 1 - r * r))) / Windows.besselI0(kaiserBeta);
      h[i] = (float) (sinc * w);
      sum += h[i];
    }
    for (int i = 0; i < taps; i++) {
      h[i] /= (float) sum; // unit gain at DC
    }
    // Even offsets (except the centre) are exactly zero in a half-band filter.
    for (int i = 0; i < taps; i++) {
      if ((i - centre) % 2 == 0 && i != centre) {
        h[i] = 0f;
      }
    }
    return h;
  }

}
