package com.audiostems.dsp.quality;

import java.util.List;

/**
 * Effective bandwidth and the lossy-transcode signature: a steep cut-off ({@link SpectralCutoff})
 * well below the Nyquist at the frequencies where MP3/AAC encoders put their low-pass (LAME: ~17
 * kHz at 128 kbps, ~19 kHz at 192, ~20 kHz at 320; AAC encoders 14-20 kHz).
 */
final class LossyTranscodeCheck {
  static final String CODE = "lossy-transcode";

  /**
   * Highest cut-off read as a lossy signature, Hz. LAME's 320 kbps low-pass is ~20 kHz; a lossless
   * 44.1/48 kHz master's anti-alias filter starts at 20-22 kHz but is gentle over its first kHz, so
   * the 10 dB point lies above this.
   */
  static final double MAX_LOSSY_CUTOFF_HZ = 20_900;

  /**
   * Only cut-offs below this fraction of the Nyquist count: a converter's own anti-alias filter
   * sits at 0.9-0.95 x Nyquist, and cutting there is not a codec signature.
   */
  static final double MAX_FRACTION_OF_NYQUIST = 0.94;

  /**
   * In files at 88.2 kHz and above, a cut-off between here and 24 kHz is an upsampled 44.1/48 kHz
   * source ({@link SampleRateCheck}) rather than a codec; below it, a codec.
   */
  static final double MAX_LOSSY_CUTOFF_HIGH_RATE_HZ = 19_500;

  /**
   * Below this the signature is an ERROR: the 128 kbps class and lower (cut-off ≤ 17 kHz, swirly
   * highs, audible on good monitors); above it a WARNING (192/256/320 kbps class).
   */
  static final double ERROR_BELOW_HZ = 17_500;

  /** Cut-offs at or below this fraction of the Nyquist are left to {@link SampleRateCheck}. */
  static final double UPSAMPLED_FRACTION_OF_NYQUIST = 0.55;

  private LossyTranscodeCheck() {}

  static boolean isLossySignature(SpectralCutoff cut, int sampleRateHz) {
    if (!cut.found()) {
      return false;
    }
    double nyquist = sampleRateHz / 2.0;
    double max =
        sampleRateHz > 50_000
            ? MAX_LOSSY_CUTOFF_HIGH_RATE_HZ
            : Math.min(MAX_LOSSY_CUTOFF_HZ, MAX_FRACTION_OF_NYQUIST * nyquist);
    return cut.cutoffHz() <= max && cut.cutoffHz() > lowestLossyCutoffHz(sampleRateHz);
  }

  /** Cut-offs at or below this are not read as a codec's (see {@link #isLossySignature}). */
  static double lowestLossyCutoffHz(int sampleRateHz) {
    return sampleRateHz > 50_000 ? 0 : UPSAMPLED_FRACTION_OF_NYQUIST * sampleRateHz / 2.0;
  }

  /**
   * @param framesShowLowPass whether the source's frames bear out an encoder's low-pass at or above
   *     the cut-off: a cut that music passes in some frames, with no common ceiling above, is a
   *     synthesiser's or a sample's band limit ({@link CutoffFrames#showLowPass})
   */
  static List<Finding> check(
      SpectralCutoff cut, boolean framesShowLowPass, int sampleRateHz, double durationSeconds) {
    if (!isLossySignature(cut, sampleRateHz) || !framesShowLowPass) {
      return List.of();
    }
    double fc = cut.cutoffHz();
    Severity severity = fc < ERROR_BELOW_HZ ? Severity.ERROR : Severity.WARNING;
    String bitrate =
        fc < ERROR_BELOW_HZ
            ? "128 kbps or lower"
            : fc < 19_500 ? "about 192 kbps" : "about 256-320 kbps";
    return List.of(
        new Finding(
            CODE,
            severity,
            fc,
            sampleRateHz > 50_000
                ? MAX_LOSSY_CUTOFF_HIGH_RATE_HZ
                : Math.min(MAX_LOSSY_CUTOFF_HZ, MAX_FRACTION_OF_NYQUIST * sampleRateHz / 2),
            "Hz",
            0,
            durationSeconds,
            "Everything above "
                + Units.kHz(fc)
                + " is cut off as sharply ("
                + Units.f1(cut.dropDb())
                + " dB) as an MP3/AAC encoder does ("
                + bitrate
                + "): this file looks like it was made from a lossy copy. Please deliver it"
                + " from the original lossless mix or master."));
  }
}
