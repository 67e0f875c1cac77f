package com.audiostems.dsp.signal;

/**
 * A symmetric half-band low-pass for 2:1 decimation ({@link Resampler#halve(float[],
 * HalfBandFilter)}): cut-off at a quarter of the input rate, every tap at an even offset from the
 * centre zero. Only the centre and the odd taps are stored: {@code taps[0]} is the centre, {@code
 * taps[i]} the tap at offsets ±(2i − 1).
 *
 * <p>Three designs, from the most transparent to the cheapest; each caller takes the cheapest that
 * keeps the band it reads free of aliases.
 */
public final class HalfBandFilter {

  /**
   * Kaiser-windowed sinc, 47 taps, beta 8 (12 multiplies per output). Measured on sines: flat
   * within 0.01 dB to {@value #TRANSPARENT_PASSBAND} of the output rate (0.8 of its Nyquist), −0.9
   * dB at 0.45, at least 56 dB down from 0.6 (what would fold below 0.4). For analysis,
   * fingerprints and the watermark detector.
   */
  public static final HalfBandFilter TRANSPARENT = kaiser(47, 8.0);

  /** The passband edge of {@link #TRANSPARENT}, as a fraction of the output rate. */
  public static final double TRANSPARENT_PASSBAND = 0.4;

  /**
   * The 7-tap (−1, 0, 9, 16, 9, 0, −1) / 32 (3 multiplies per output): flat to about a tenth of the
   * input rate, aliases only where hiss folds onto hiss. For the onset bands of rhythm analysis.
   */
  public static final HalfBandFilter SHORT =
      new HalfBandFilter(new float[] {0.5f, 9f / 32, -1f / 32});

  private final float[] taps;

  private HalfBandFilter(float[] taps) {
    this.taps = taps;
  }

  /**
   * The shortest Kaiser-windowed half-band for input rate {@code sampleRateHz} that keeps 0 ..
   * {@code protectedHz} of the output free of aliases down to {@code attenuationDb} (Kaiser's order
   * estimate over the transition from {@code protectedHz} to {@code sampleRateHz / 2 −
   * protectedHz}). Aliases may land above {@code protectedHz}: for a caller that reads nothing
   * there.
   */
  public static HalfBandFilter protecting(
      double sampleRateHz, double protectedHz, double attenuationDb) {
    double transition = (sampleRateHz / 2 - 2 * protectedHz) / sampleRateHz; // cycles per sample
    double order = (attenuationDb - 8) / (2.285 * 2 * Math.PI * Math.max(transition, 0.02));
    int pairs = Math.max(2, (int) Math.ceil((order / 2 + 1) / 2)); // odd taps per side
    double beta = 0.1102 * (attenuationDb - 8.7);
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
    float[] normalised = new float[pairs + 1];
    for (int i = 0; i <= pairs; i++) {
      normalised[i] = (float) (taps[i] / dc); // unit gain at DC
    }
    return new HalfBandFilter(normalised);
  }

  private static HalfBandFilter kaiser(int length, double beta) {
    float[] h = new float[length];
    int centre = length / 2;
    double sum = 0;
    for (int i = 0; i < length; i++) {
      int m = i - centre;
      double sinc = m == 0 ? 0.5 : Math.sin(Math.PI * m / 2) / (Math.PI * m);
      double r = (double) m / centre;
      double w =
          Windows.besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / Windows.besselI0(beta);
      h[i] = (float) (sinc * w);
      sum += h[i];
    }
    float[] taps = new float[(centre + 1) / 2 + 1];
    taps[0] = h[centre] / (float) sum; // unit gain at DC
    for (int i = 1; i < taps.length; i++) {
      taps[i] = h[centre + 2 * i - 1] / (float) sum;
    }
    return new HalfBandFilter(taps);
  }

  /** The centre tap. */
  float centre() {
    return taps[0];
  }

  /** Number of non-zero taps on each side of the centre. */
  int pairs() {
    return taps.length - 1;
  }

  /** The tap at offsets ±(2i + 1) from the centre, {@code i} in [0, {@link #pairs()}). */
  float oddTap(int i) {
    return taps[i + 1];
  }
}
