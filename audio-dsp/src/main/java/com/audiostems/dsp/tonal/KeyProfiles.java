package com.audiostems.dsp.tonal;

/**
 * Key profiles: the expected weight of each scale degree (index 0 = tonic … 11 = major seventh)
 * in music of a major or minor key.
 *
 * <p>The analyser uses {@link #blend} of the two: Krumhansl–Kessler alone rates non-scale tones
 * fairly high (2.2–2.7 against a tonic of 6.3), so chromatic leakage and drums hardly count
 * against a key, and its flat top confuses a key with its subdominant; Temperley's corpus profile
 * almost zeroes non-scale tones but ranks the fifth nearly level with the tonic, so it leans to
 * the relative and dominant keys when the chroma's top is unclear. Their sum (each first centred
 * and scaled to unit norm) keeps the tonic-first hierarchy of one and the scale membership of the
 * other; on the accuracy suite it was the most stable choice across front-end settings, where each
 * alone swung by several pieces.
 */
enum KeyProfiles {
  /** Krumhansl & Kessler (1982): listeners' ratings of probe tones after a key context. */
  KRUMHANSL(
      new double[] {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88},
      new double[] {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17}),
  /** Temperley (2007): pitch-class frequencies in the Kostka–Payne textbook excerpts. */
  TEMPERLEY(
      new double[] {0.748, 0.060, 0.488, 0.082, 0.670, 0.460, 0.096, 0.715, 0.104, 0.366, 0.057, 0.400},
      new double[] {0.712, 0.084, 0.474, 0.618, 0.049, 0.460, 0.105, 0.747, 0.404, 0.067, 0.133, 0.330});

  /** Krumhansl–Kessler plus Temperley, each centred and at unit norm first. */
  static double[] blend(Mode mode) {
    double[] a = unit(KRUMHANSL.of(mode));
    double[] b = unit(TEMPERLEY.of(mode));
    double[] sum = new double[12];
    for (int i = 0; i < 12; i++) {
      sum[i] = a[i] + b[i];
    }
    return sum;
  }

  private static double[] unit(double[] v) {
    double mean = 0;
    for (double x : v) {
      mean += x / v.length;
    }
    double norm = 0;
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] - mean;
      norm += out[i] * out[i];
    }
    for (int i = 0; i < v.length; i++) {
      out[i] /= Math.sqrt(norm);
    }
    return out;
  }

  private final double[] major;
  private final double[] minor;

  KeyProfiles(double[] major, double[] minor) {
    this.major = major;
    this.minor = minor;
  }

  double[] of(Mode mode) {
    return (mode == Mode.MAJOR ? major : minor).clone();
  }
}
