package com.audiostems.dsp.loudness;

/** Conversions between weighted mean squares, amplitudes and their logarithmic units. */
final class LoudnessUnits {

  /**
   * BS.1770's offset: a 1 kHz sine at 0 dBFS in one front channel reads -3.01 LKFS, i.e. a stereo
   * one reads 0 LUFS, once the K-filter's +0.691 dB at 1 kHz is taken off.
   */
  static final double OFFSET_DB = -0.691;

  private LoudnessUnits() {}

  /**
   * Loudness in LUFS (= LKFS) of a channel-weighted mean square of K-weighted samples, BS.1770 eq.
   * (2); -Infinity for zero (silence), never NaN (tiny negative rounding residues count as 0).
   */
  static double lufs(double weightedMeanSquare) {
    if (!(weightedMeanSquare > 0)) {
      return Double.NEGATIVE_INFINITY;
    }
    return OFFSET_DB + 10 * Math.log10(weightedMeanSquare);
  }

  /** The weighted mean square whose loudness is {@code lufs} (inverse of {@link #lufs}). */
  static double meanSquare(double lufs) {
    return Math.pow(10, (lufs - OFFSET_DB) / 10);
  }

  /** An amplitude (full scale 1.0) in dB relative to full scale; -Infinity for 0. */
  static double amplitudeDb(double amplitude) {
    if (!(amplitude > 0)) {
      return Double.NEGATIVE_INFINITY;
    }
    return 20 * Math.log10(amplitude);
  }
}
