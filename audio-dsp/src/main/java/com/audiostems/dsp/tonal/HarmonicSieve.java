package com.audiostems.dsp.tonal;

/**
 * Takes out of a frame's spectral peaks the part that is only an overtone of a lower peak.
 *
 * <p>Why: the 3rd harmonic of C is G and the 5th is E, so raw spectral energy of a C note already
 * looks like a C major chord, which pulls key estimates towards the dominant and the relative key.
 * For every peak, each lower peak whose frequency divides it (ratio within {@value
 * #TOLERANCE_CENTS} cents of an integer 2..{@value #MAX_HARMONIC}) claims an expected overtone
 * amplitude of {@code residual(lower) · rolloff^(h-1)}; the largest claim is subtracted. A real
 * note on an overtone position (G4 over C3) keeps what exceeds the claim. Using the lower peak's
 * residual, not its raw amplitude, keeps an overtone of an overtone from being subtracted twice.
 */
final class HarmonicSieve {

  static final int MAX_HARMONIC = 8;
  static final double TOLERANCE_CENTS = 25;

  private final double[] claim;

  /** {@code rolloff}: the assumed amplitude ratio between successive harmonics (0 disables). */
  HarmonicSieve(double rolloff) {
    claim = new double[MAX_HARMONIC + 1];
    for (int h = 2; h <= MAX_HARMONIC; h++) {
      claim[h] = Math.pow(rolloff, h - 1);
    }
  }

  /** The residual amplitude of each peak (same order and unit as the peaks' magnitudes). */
  float[] residuals(SpectralPeaks peaks) {
    float[] f = peaks.frequenciesHz();
    float[] a = peaks.magnitudes();
    int n = f.length;
    float[] r = a.clone();
    double tol = Math.pow(2, TOLERANCE_CENTS / 1200) - 1;
    for (int i = 1; i < n; i++) {
      double largest = 0;
      // Downwards from the peak: once the ratio passes the last harmonic, lower peaks are further.
      for (int j = i - 1; j >= 0; j--) {
        double ratio = f[i] / f[j];
        if (ratio > MAX_HARMONIC + 0.5) {
          break;
        }
        if (r[j] <= 0) {
          continue;
        }
        long h = Math.round(ratio);
        if (h < 2 || Math.abs(ratio / h - 1) > tol) {
          continue;
        }
        largest = Math.max(largest, r[j] * claim[(int) h]);
      }
      r[i] = (float) Math.max(0, a[i] - largest);
    }
    return r;
  }
}
