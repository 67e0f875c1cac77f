package com.audiostems.dsp.spectral;

/**
 * Octave-band spectral contrast (Jiang et al. 2002, laid out as librosa's {@code
 * spectral_contrast}): per sub-band, the mean of the strongest {@code quantile} of bins (peak)
 * against the mean of the weakest (valley), in dB. High for tones over quiet gaps (harmonic, sparse
 * spectra), low for broadband noise.
 *
 * <p>Bands, as librosa: [0, fmin], [fmin, 2 fmin], …, and the last from fmin·2^(n−1) to Nyquist, n
 * + 1 bands in all (7 with the defaults 200 Hz and 6). Every band but the first also takes the bin
 * just below its lower edge, and every band but the last leaves out its top bin (librosa's layout,
 * kept so that values compare one to one). One difference from librosa: librosa passes magnitudes
 * to {@code power_to_db} (10·log10), so its values are half of ours; we use 20·log10 because the
 * input is magnitude, making a 1 dB contrast a 1 dB level difference.
 */
public final class SpectralContrast {

  public static final double DEFAULT_FMIN_HZ = 200;
  public static final int DEFAULT_OCTAVE_BANDS = 6;
  public static final double DEFAULT_QUANTILE = 0.02;

  /** Magnitude floor before the log (−200 dB): keeps silence finite. */
  private static final double MAGNITUDE_FLOOR = 1e-10;

  private final int[] bandStartBin;
  private final int[] bandEndBin; // exclusive
  private final int[] extremes; // bins averaged for peak and for valley, per band
  private final float[] peakScratch;
  private final float[] valleyScratch;

  /** Bands for a spectrum of {@code binCount} bins of {@code binWidthHz}. */
  public SpectralContrast(
      int binCount, double binWidthHz, double fminHz, int octaveBands, double quantile) {
    if (!(quantile > 0 && quantile < 0.5)) {
      throw new IllegalArgumentException("quantile must be in (0, 0.5), got " + quantile);
    }
    double nyquistHz = (binCount - 1) * binWidthHz;
    if (fminHz * Math.pow(2, octaveBands - 1) >= nyquistHz) {
      throw new IllegalArgumentException(
          "top octave band starts above Nyquist: lower fmin or bands");
    }
    int bands = octaveBands + 1;
    bandStartBin = new int[bands];
    bandEndBin = new int[bands];
    extremes = new int[bands];
    int maxExtremes = 1;
    for (int b = 0; b < bands; b++) {
      double lowHz = b == 0 ? 0 : fminHz * Math.pow(2, b - 1);
      double highHz = b == bands - 1 ? nyquistHz : fminHz * Math.pow(2, b);
      // Bins with lowHz <= f <= highHz, as librosa's mask; plus the one below for b > 0.
      int lo = (int) Math.ceil(lowHz / binWidthHz - 1e-9);
      int hi = Math.min(binCount - 1, (int) Math.floor(highHz / binWidthHz + 1e-9));
      if (b > 0) {
        lo = Math.max(0, lo - 1);
      }
      // As librosa: the quantile's bin count comes from the whole mask, but every band except
      // the last then drops its top bin (which the next band takes as its extra low bin).
      int maskWidth = hi + 1 - lo;
      bandStartBin[b] = lo;
      bandEndBin[b] = b == bands - 1 ? hi + 1 : hi;
      extremes[b] = Math.max(1, (int) Math.rint(quantile * maskWidth));
      maxExtremes = Math.max(maxExtremes, extremes[b]);
    }
    peakScratch = new float[maxExtremes];
    valleyScratch = new float[maxExtremes];
  }

  /** The librosa defaults: fmin 200 Hz, 6 octave bands (7 values), quantile 0.02. */
  public static SpectralContrast defaults(int binCount, double binWidthHz) {
    return new SpectralContrast(
        binCount, binWidthHz, DEFAULT_FMIN_HZ, DEFAULT_OCTAVE_BANDS, DEFAULT_QUANTILE);
  }

  public int bandCount() {
    return bandStartBin.length;
  }

  /**
   * Writes one contrast per band (dB, peak over valley) of the magnitude frame into {@code
   * contrastDbOut}. Not thread-safe: it reuses scratch arrays (one instance per thread).
   */
  public void contrastDb(float[] magnitudes, double[] contrastDbOut) {
    for (int b = 0; b < bandStartBin.length; b++) {
      int k = extremes[b];
      // Only the k largest and k smallest are needed: keep them in two tiny sorted buffers
      // instead of sorting the band (k ≤ ~10, so most bins are rejected by one comparison).
      int from = bandStartBin[b];
      int to = bandEndBin[b];
      int filled = Math.min(k, to - from);
      // Peaks scanning up, valleys scanning down: music spectra fall with frequency, so in those
      // directions a new bin rarely beats the kept ones and the buffers are seldom shifted.
      for (int i = from; i < from + filled; i++) {
        insertDescending(peakScratch, i - from, magnitudes[i]);
      }
      // The weakest kept peak and strongest kept valley live in locals: one compare per bin.
      float[] peaks = peakScratch;
      float[] valleys = valleyScratch;
      float peakCut = peaks[k - 1];
      for (int i = from + filled; i < to; i++) {
        float m = magnitudes[i];
        if (m > peakCut) {
          insertDescending(peaks, k - 1, m);
          peakCut = peaks[k - 1];
        }
      }
      for (int i = to - 1; i >= to - filled; i--) {
        insertAscending(valleys, to - 1 - i, magnitudes[i]);
      }
      float valleyCut = valleys[k - 1];
      for (int i = to - filled - 1; i >= from; i--) {
        float m = magnitudes[i];
        if (m < valleyCut) {
          insertAscending(valleys, k - 1, m);
          valleyCut = valleys[k - 1];
        }
      }
      double peak = 0;
      double valley = 0;
      for (int i = 0; i < filled; i++) {
        peak += peakScratch[i];
        valley += valleyScratch[i];
      }
      peak = Math.max(MAGNITUDE_FLOOR, peak / Math.max(1, filled));
      valley = Math.max(MAGNITUDE_FLOOR, valley / Math.max(1, filled));
      contrastDbOut[b] = 20 * Math.log10(peak / valley);
    }
  }

  /** Inserts v into buf[0..size) kept descending, dropping what falls off at index size. */
  private static void insertDescending(float[] buf, int size, float v) {
    int i = size;
    while (i > 0 && buf[i - 1] < v) {
      buf[i] = buf[i - 1];
      i--;
    }
    buf[i] = v;
  }

  private static void insertAscending(float[] buf, int size, float v) {
    int i = size;
    while (i > 0 && buf[i - 1] > v) {
      buf[i] = buf[i - 1];
      i--;
    }
    buf[i] = v;
  }
}
