package com.audiostems.dsp.spectral;

/**
 * Triangular mel filters on the Slaney (Auditory Toolbox) mel scale, each normalised to unit area
 * ("slaney" norm, 2 / band width in Hz), as librosa's {@code filters.mel(htk=False,
 * norm='slaney')}. Applied to power spectra: band power = Σ_k w_k |X_k|².
 *
 * <p>Stored sparsely (first bin and the non-zero weights of each band): a frame costs about two
 * multiply-adds per bin instead of bands × bins.
 */
public final class MelFilterbank {

  // Slaney's scale: linear (200/3 Hz per mel) below 1 kHz, logarithmic (6.4× per 27 mels) above.
  private static final double LINEAR_HZ_PER_MEL = 200.0 / 3;
  private static final double BREAK_HZ = 1000;
  private static final double BREAK_MEL = BREAK_HZ / LINEAR_HZ_PER_MEL; // 15
  private static final double LOG_STEP = Math.log(6.4) / 27;

  private final int[] firstBin;
  private final float[][] weights;

  /** {@code bands} filters spaced evenly in mel from {@code fminHz} to {@code fmaxHz}. */
  public MelFilterbank(int binCount, double binWidthHz, int bands, double fminHz, double fmaxHz) {
    if (bands < 1 || !(fmaxHz > fminHz) || fminHz < 0) {
      throw new IllegalArgumentException("need bands ≥ 1 and 0 ≤ fmin < fmax");
    }
    double melLo = hzToMel(fminHz);
    double melHi = hzToMel(fmaxHz);
    double[] edgeHz = new double[bands + 2];
    for (int i = 0; i < edgeHz.length; i++) {
      edgeHz[i] = melToHz(melLo + (melHi - melLo) * i / (bands + 1));
    }
    firstBin = new int[bands];
    weights = new float[bands][];
    for (int b = 0; b < bands; b++) {
      double lo = edgeHz[b];
      double centre = edgeHz[b + 1];
      double hi = edgeHz[b + 2];
      double areaNorm = 2 / (hi - lo);
      int from = Math.max(0, (int) Math.ceil(lo / binWidthHz));
      int to = Math.min(binCount - 1, (int) Math.floor(hi / binWidthHz));
      float[] w = new float[Math.max(0, to - from + 1)];
      for (int k = from; k <= to; k++) {
        double f = k * binWidthHz;
        double rising = (f - lo) / (centre - lo);
        double falling = (hi - f) / (hi - centre);
        w[k - from] = (float) (Math.max(0, Math.min(rising, falling)) * areaNorm);
      }
      firstBin[b] = from;
      weights[b] = w;
    }
  }

  public int bandCount() {
    return weights.length;
  }

  /** Writes each band's power (Σ w |X|², same power unit as the squared magnitudes). */
  public void bandPowers(float[] magnitudes, double[] bandPowersOut) {
    for (int b = 0; b < weights.length; b++) {
      float[] w = weights[b];
      int from = firstBin[b];
      // Two interleaved partial sums: shorter add chains (see SpectralShape.moments).
      double even = 0;
      double odd = 0;
      int i = 0;
      for (; i + 1 < w.length; i += 2) {
        double m0 = magnitudes[from + i];
        double m1 = magnitudes[from + i + 1];
        even += w[i] * (m0 * m0);
        odd += w[i + 1] * (m1 * m1);
      }
      if (i < w.length) {
        double m = magnitudes[from + i];
        even += w[i] * (m * m);
      }
      bandPowersOut[b] = even + odd;
    }
  }

  /** Slaney mel of a frequency in Hz. */
  public static double hzToMel(double hz) {
    return hz < BREAK_HZ ? hz / LINEAR_HZ_PER_MEL : BREAK_MEL + Math.log(hz / BREAK_HZ) / LOG_STEP;
  }

  /** Frequency in Hz of a Slaney mel. */
  public static double melToHz(double mel) {
    return mel < BREAK_MEL
        ? mel * LINEAR_HZ_PER_MEL
        : BREAK_HZ * Math.exp(LOG_STEP * (mel - BREAK_MEL));
  }
}
