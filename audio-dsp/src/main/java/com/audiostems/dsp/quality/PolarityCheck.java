package com.audiostems.dsp.quality;

import java.util.List;

/**
 * Polarity inversion of one channel: the correlation between the channels in the low band (40-250
 * Hz, {@link LongTermSpectrum#lowBandCorrelation()}) is strongly negative. Bass and kick sit in the
 * centre of practically every mix, so the low band of a healthy stereo file correlates at +0.5 to
 * +1; flipping one channel flips that sign.
 */
final class PolarityCheck {
  static final String CODE = "polarity-inverted";

  /**
   * Low-band correlation at or below this is an inverted channel: a flipped channel turns the
   * bass's +0.8...+1 into -0.8...-1. Between 0 and this, a phase rotation or a wide low end is more
   * likely, and {@link PhaseCheck} speaks.
   */
  static final double MAX_LOW_BAND_CORRELATION = -0.8;

  private PolarityCheck() {}

  static boolean isInverted(double lowBandCorrelation) {
    return lowBandCorrelation <= MAX_LOW_BAND_CORRELATION;
  }

  static List<Finding> check(double lowBandCorrelation, double durationSeconds) {
    if (!isInverted(lowBandCorrelation)) {
      return List.of();
    }
    return List.of(
        new Finding(
            CODE,
            Severity.ERROR,
            lowBandCorrelation,
            MAX_LOW_BAND_CORRELATION,
            "",
            0,
            durationSeconds,
            "One channel is polarity-inverted (bass correlation "
                + Units.f2(lowBandCorrelation)
                + "): in mono the bass and centre cancel out. Flip the polarity of one channel"
                + " (usually the right) and re-export."));
  }
}
