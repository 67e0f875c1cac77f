package com.audiostems.dsp.tonal;

import java.util.Arrays;

/**
 * The local maxima of one magnitude spectrum: frequencies in Hz and linear magnitudes (the
 * spectrum's unit), both refined by parabolic interpolation of the log magnitude over the peak bin
 * and its neighbours. Peaks are in ascending frequency.
 */
record SpectralPeaks(float[] frequenciesHz, float[] magnitudes) {

  static final SpectralPeaks NONE = new SpectralPeaks(new float[0], new float[0]);

  int count() {
    return frequenciesHz.length;
  }

  /**
   * The peaks of {@code mags} between {@code minHz} and {@code maxHz} that stand above both
   * {@code floor} (absolute) and {@code relativeDb} below the strongest bin in that range.
   */
  static SpectralPeaks pick(float[] mags, double binHz, double minHz, double maxHz, double relativeDb, float floor) {
    int lo = Math.max(1, (int) Math.ceil(minHz / binHz));
    int hi = Math.min(mags.length - 2, (int) Math.floor(maxHz / binHz));
    float max = 0f;
    for (int k = lo; k <= hi; k++) {
      max = Math.max(max, mags[k]);
    }
    float threshold = Math.max(floor, (float) (max * Math.pow(10, -relativeDb / 20)));
    if (max <= threshold && max <= floor) {
      return NONE;
    }
    float[] freqs = new float[64];
    float[] amps = new float[64];
    int n = 0;
    for (int k = lo; k <= hi; k++) {
      float m = mags[k];
      if (m <= threshold || m <= mags[k - 1] || m < mags[k + 1]) {
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
    return new SpectralPeaks(Arrays.copyOf(freqs, n), Arrays.copyOf(amps, n));
  }
}
