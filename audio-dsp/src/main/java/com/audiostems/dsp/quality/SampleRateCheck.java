package com.audiostems.dsp.quality;

import java.util.List;

/**
 * Effective sample rate: a file whose spectrum is empty above a steep cut-off at or below {@link
 * LossyTranscodeCheck#UPSAMPLED_FRACTION_OF_NYQUIST} of its Nyquist was upsampled from a lower rate
 * (a 96 kHz file with nothing above ~22 kHz came from 44.1 or 48 kHz). The effective rate is the
 * lowest standard rate whose Nyquist reaches the cut-off.
 */
final class SampleRateCheck {
  static final String CODE = "upsampled";

  /** Standard rates an upsampled file may have come from. */
  static final int[] STANDARD_RATES = {
    8000, 11_025, 16_000, 22_050, 24_000, 32_000, 44_100, 48_000, 88_200, 96_000, 176_400
  };

  /**
   * Slack under an original Nyquist, Hz: a resampler's 10 dB point lies a little below it, so a 48
   * kHz source upsampled by a steep resampler cuts at ~23.5 kHz, a 44.1 kHz one at ~21.5 kHz.
   */
  static final double NYQUIST_SLACK_HZ = 200;

  private SampleRateCheck() {}

  static boolean isUpsampled(SpectralCutoff cut, int sampleRateHz) {
    return cut.found()
        && cut.cutoffHz() <= LossyTranscodeCheck.UPSAMPLED_FRACTION_OF_NYQUIST * sampleRateHz / 2.0;
  }

  static int effectiveRate(SpectralCutoff cut, int sampleRateHz) {
    if (!isUpsampled(cut, sampleRateHz)) {
      return sampleRateHz;
    }
    for (int r : STANDARD_RATES) {
      if (r < sampleRateHz && r / 2.0 >= cut.cutoffHz() - NYQUIST_SLACK_HZ) {
        return r;
      }
    }
    return sampleRateHz;
  }

  static List<Finding> check(SpectralCutoff cut, int sampleRateHz, double durationSeconds) {
    int eff = effectiveRate(cut, sampleRateHz);
    if (eff >= sampleRateHz) {
      return List.of();
    }
    return List.of(
        new Finding(
            CODE,
            Severity.WARNING,
            eff,
            sampleRateHz,
            "Hz",
            0,
            durationSeconds,
            "The file is "
                + Units.kHz(sampleRateHz)
                + " but has no content above "
                + Units.kHz(cut.cutoffHz())
                + ": it was upsampled from about "
                + Units.kHz(eff)
                + ". Upsampling adds no quality; please deliver it at its original rate, or"
                + " from a genuine high-resolution master."));
  }
}
