package com.audiostems.dsp.tonal;

import java.util.Arrays;

/**
 * The sinusoidal peaks of one magnitude spectrum: frequencies in Hz and linear magnitudes (the
 * spectrum's unit), both refined by parabolic interpolation of the log magnitude over the peak bin
 * and its neighbours. Peaks are in ascending frequency.
 */
record SpectralPeaks(float[] frequenciesHz, float[] magnitudes) {

  static final SpectralPeaks NONE = new SpectralPeaks(new float[0], new float[0]);

  int count() {
    return frequenciesHz.length;
  }

  /**
   * Picks peaks of {@code mags} between {@code minHz} and {@code maxHz}.
   *
   * @param relativeDb peaks more than this far below the strongest bin in range are dropped
   * @param floor absolute minimum magnitude (silence)
   * @param contrast a peak must exceed the mean magnitude of the bins within ±1/6 octave (at least
   *     ±{@value #MIN_HALF_WIDTH_BINS} bins) this many times: a sinusoid under a Hann window does
   *     so by far, while the maxima of noise (drums, breath, hiss) hardly do, and those would
   *     otherwise outnumber the notes' partials
   * @param maxPeaks at most this many peaks, the strongest, are kept
   */
  static SpectralPeaks pick(
      float[] mags,
      double binHz,
      double minHz,
      double maxHz,
      double relativeDb,
      float floor,
      double contrast,
      int maxPeaks) {
    int lo = Math.max(1, (int) Math.ceil(minHz / binHz));
    int hi = Math.min(mags.length - 2, (int) Math.floor(maxHz / binHz));
    if (hi <= lo) {
      return NONE;
    }
    float max = 0f;
    for (int k = lo; k <= hi; k++) {
      max = Math.max(max, mags[k]);
    }
    if (max <= floor) {
      return NONE;
    }
    float threshold = Math.max(floor, (float) (max * Math.pow(10, -relativeDb / 20)));
    double[] cumulative = new double[mags.length + 1];
    for (int k = 0; k < mags.length; k++) {
      cumulative[k + 1] = cumulative[k] + mags[k];
    }
    double halfWidth = Math.pow(2, 1.0 / 6) - 1;
    float[] freqs = new float[64];
    float[] amps = new float[64];
    int n = 0;
    for (int k = lo; k <= hi; k++) {
      float m = mags[k];
      if (m <= threshold || m <= mags[k - 1] || m < mags[k + 1]) {
        continue;
      }
      int w = Math.max(MIN_HALF_WIDTH_BINS, (int) (k * halfWidth));
      int a0 = Math.max(0, k - w);
      int a1 = Math.min(mags.length, k + w + 1);
      double localMean = (cumulative[a1] - cumulative[a0]) / (a1 - a0);
      if (m < contrast * localMean) {
        continue;
      }
      // Parabola through the log magnitudes: under a Hann window its vertex is within a few
      // hundredths of a bin of a sinusoid's frequency, i.e. a few cents even for bass notes.
      double a = Math.log(mags[k - 1] + 1e-12f);
      double b = Math.log(m);
      double c = Math.log(mags[k + 1] + 1e-12f);
      double denom = a - 2 * b + c;
      double p = denom < 0 ? 0.5 * (a - c) / denom : 0;
      if (n == freqs.length) {
        freqs = Arrays.copyOf(freqs, n * 2);
        amps = Arrays.copyOf(amps, n * 2);
      }
      freqs[n] = (float) ((k + p) * binHz);
      amps[n] = (float) Math.exp(b - 0.25 * (a - c) * p);
      n++;
    }
    if (n > maxPeaks) {
      return strongest(freqs, amps, n, maxPeaks);
    }
    return new SpectralPeaks(Arrays.copyOf(freqs, n), Arrays.copyOf(amps, n));
  }

  static final int MIN_HALF_WIDTH_BINS = 8;

  /** The {@code keep} strongest of the first {@code n} peaks, still in ascending frequency. */
  private static SpectralPeaks strongest(float[] freqs, float[] amps, int n, int keep) {
    float[] sorted = Arrays.copyOf(amps, n);
    Arrays.sort(sorted);
    float cut = sorted[n - keep];
    int above = 0;
    for (int i = 0; i < n; i++) {
      if (amps[i] > cut) {
        above++;
      }
    }
    int equalQuota = keep - above;
    float[] f = new float[keep];
    float[] a = new float[keep];
    int m = 0;
    for (int i = 0; i < n; i++) {
      boolean take = amps[i] > cut || (amps[i] == cut && equalQuota-- > 0);
      if (take) {
        f[m] = freqs[i];
        a[m] = amps[i];
        m++;
      }
    }
    return new SpectralPeaks(Arrays.copyOf(f, m), Arrays.copyOf(a, m));
  }
}
