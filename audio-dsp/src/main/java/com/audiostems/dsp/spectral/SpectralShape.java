package com.audiostems.dsp.spectral;

/**
 * Moment-like descriptors of one magnitude frame (librosa's definitions, on magnitudes, not
 * power): where the spectrum's mass sits (centroid), how far it spreads (bandwidth) and below
 * which frequency most of it lies (rolloff). All in Hz.
 *
 * <p>Bin {@code k} stands for frequency {@code k * binWidthHz}. A silent frame (all zeros) has
 * no mass; these functions return 0 Hz for it, as librosa does.
 */
public final class SpectralShape {

  private SpectralShape() {}

  /** Magnitude-weighted mean frequency: Σ f_k |X_k| / Σ |X_k|, in Hz. */
  public static double centroidHz(float[] magnitudes, double binWidthHz) {
    double sum = 0;
    double weighted = 0;
    for (int k = 0; k < magnitudes.length; k++) {
      double m = magnitudes[k];
      sum += m;
      weighted += k * m;
    }
    return sum > 0 ? weighted / sum * binWidthHz : 0;
  }

  /**
   * Second-order spread around the centroid: sqrt(Σ |X_k| (f_k − centroid)² / Σ |X_k|), in Hz
   * (librosa's {@code spectral_bandwidth} with p = 2 and norm = True).
   */
  public static double bandwidthHz(float[] magnitudes, double binWidthHz) {
    double sum = 0;
    double first = 0;
    double second = 0;
    for (int k = 0; k < magnitudes.length; k++) {
      double m = magnitudes[k];
      sum += m;
      first += k * m;
      second += (double) k * k * m;
    }
    if (sum <= 0) {
      return 0;
    }
    double meanBin = first / sum;
    // Var = E[k²] − E[k]²; clamp the rounding error that can make it slightly negative.
    double variance = Math.max(0, second / sum - meanBin * meanBin);
    return Math.sqrt(variance) * binWidthHz;
  }

  /**
   * The lowest bin frequency at which the cumulative magnitude reaches {@code fraction} (0–1,
   * librosa's default 0.85) of the frame's total, in Hz.
   */
  public static double rolloffHz(float[] magnitudes, double binWidthHz, double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("rolloff fraction must be in (0, 1], got " + fraction);
    }
    double total = 0;
    for (float m : magnitudes) {
      total += m;
    }
    if (total <= 0) {
      return 0;
    }
    double threshold = fraction * total;
    double cumulative = 0;
    for (int k = 0; k < magnitudes.length; k++) {
      cumulative += magnitudes[k];
      if (cumulative >= threshold) {
        return k * binWidthHz;
      }
    }
    return (magnitudes.length - 1) * binWidthHz; // rounding left the last bin just short
  }
}
