package com.audiostems.dsp.spectral;

/**
 * Moment-like descriptors of one magnitude frame (librosa's definitions, on magnitudes, not power):
 * where the spectrum's mass sits (centroid), how far it spreads (bandwidth) and below which
 * frequency most of it lies (rolloff). All in Hz.
 *
 * <p>Bin {@code k} stands for frequency {@code k * binWidthHz}. A silent frame (all zeros) has no
 * mass; these functions return 0 Hz for it, as librosa does.
 */
public final class SpectralShape {

  private SpectralShape() {}

  /** Magnitude-weighted mean frequency: Σ f_k |X_k| / Σ |X_k|, in Hz. */
  public static double centroidHz(float[] magnitudes, double binWidthHz) {
    double[] m = moments(magnitudes);
    return centroidHz(m, binWidthHz);
  }

  /**
   * Second-order spread around the centroid: sqrt(Σ |X_k| (f_k − centroid)² / Σ |X_k|), in Hz
   * (librosa's {@code spectral_bandwidth} with p = 2 and norm = True).
   */
  public static double bandwidthHz(float[] magnitudes, double binWidthHz) {
    return bandwidthHz(moments(magnitudes), binWidthHz);
  }

  /**
   * {Σ |X_k|, Σ k |X_k|, Σ k² |X_k|}: centroid and bandwidth both come from these, so a caller
   * wanting both reads the frame once.
   */
  public static double[] moments(float[] magnitudes) {
    // Four interleaved partial sums per moment: independent add chains, about 3× faster than
    // one running sum (the JIT keeps the strict order of a single floating-point reduction).
    double a0 = 0, b0 = 0, c0 = 0, d0 = 0;
    double a1 = 0, b1 = 0, c1 = 0, d1 = 0;
    double a2 = 0, b2 = 0, c2 = 0, d2 = 0;
    int n = magnitudes.length;
    int k = 0;
    for (; k + 3 < n; k += 4) {
      double m0 = magnitudes[k],
          m1 = magnitudes[k + 1],
          m2 = magnitudes[k + 2],
          m3 = magnitudes[k + 3];
      double k0 = k, k1 = k + 1, k2 = k + 2, k3 = k + 3;
      a0 += m0;
      b0 += m1;
      c0 += m2;
      d0 += m3;
      double w0 = k0 * m0, w1 = k1 * m1, w2 = k2 * m2, w3 = k3 * m3;
      a1 += w0;
      b1 += w1;
      c1 += w2;
      d1 += w3;
      a2 += k0 * w0;
      b2 += k1 * w1;
      c2 += k2 * w2;
      d2 += k3 * w3;
    }
    for (; k < n; k++) {
      double m = magnitudes[k];
      a0 += m;
      a1 += k * m;
      a2 += (double) k * k * m;
    }
    return new double[] {a0 + b0 + c0 + d0, a1 + b1 + c1 + d1, a2 + b2 + c2 + d2};
  }

  /** Centroid (Hz) from {@link #moments}. */
  public static double centroidHz(double[] moments, double binWidthHz) {
    return moments[0] > 0 ? moments[1] / moments[0] * binWidthHz : 0;
  }

  /** Bandwidth (Hz) from {@link #moments}. */
  public static double bandwidthHz(double[] moments, double binWidthHz) {
    double sum = moments[0];
    if (sum <= 0) {
      return 0;
    }
    double meanBin = moments[1] / sum;
    // Var = E[k²] − E[k]²; clamp the rounding error that can make it slightly negative.
    double variance = Math.max(0, moments[2] / sum - meanBin * meanBin);
    return Math.sqrt(variance) * binWidthHz;
  }

  /**
   * The lowest bin frequency at which the cumulative magnitude reaches {@code fraction} (0–1,
   * librosa's default 0.85) of the frame's total, in Hz.
   */
  public static double rolloffHz(float[] magnitudes, double binWidthHz, double fraction) {
    return rolloffHz(magnitudes, binWidthHz, fraction, moments(magnitudes)[0]);
  }

  /** Rolloff (Hz) when the frame's magnitude sum Σ |X_k| is already known. */
  public static double rolloffHz(
      float[] magnitudes, double binWidthHz, double fraction, double total) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("rolloff fraction must be in (0, 1], got " + fraction);
    }
    if (total <= 0) {
      return 0;
    }
    double threshold = fraction * total;
    double cumulative = 0;
    int n = magnitudes.length;
    int k = 0;
    // Skip whole blocks of 8 whose sum (four short chains) leaves us below the threshold; scan
    // bin by bin only inside the block that crosses it. Same bin as a plain scan, about twice
    // as fast (the plain scan is one long chain of dependent additions).
    for (; k + 8 <= n; k += 8) {
      double block =
          ((double) magnitudes[k] + magnitudes[k + 1])
              + ((double) magnitudes[k + 2] + magnitudes[k + 3])
              + (((double) magnitudes[k + 4] + magnitudes[k + 5])
                  + ((double) magnitudes[k + 6] + magnitudes[k + 7]));
      if (cumulative + block >= threshold) {
        break;
      }
      cumulative += block;
    }
    for (; k < n; k++) {
      cumulative += magnitudes[k];
      if (cumulative >= threshold) {
        return k * binWidthHz;
      }
    }
    return (magnitudes.length - 1) * binWidthHz; // rounding left the last bin just short
  }
}
