package com.audiostems.dsp.quality;

import java.util.List;

/**
 * Phase problems: the channels' broadband correlation is negative, so the mono fold-down is quieter
 * than uncorrelated channels would give (more than 3 dB down) and whole parts thin out or vanish in
 * mono (phase-rotated channel, out-of-phase stereo widener, misaligned microphones). Not reported
 * when {@link PolarityCheck} already explains it.
 */
final class PhaseCheck {
  static final String CODE = "phase";

  /**
   * Correlation below this is a phase problem: 0 is two unrelated channels (a very wide but
   * mono-safe image); below it the channels partly cancel each other.
   */
  static final double MIN_CORRELATION = 0.0;

  /** Below this correlation the loss in mono is severe (the fold-down 6 dB down or worse). */
  static final double ERROR_CORRELATION = -0.5;

  private PhaseCheck() {}

  static List<Finding> check(ChannelStats stats, boolean polarityInverted, double durationSeconds) {
    if (stats.channels() < 2 || polarityInverted) {
      return List.of();
    }
    double r = stats.correlation();
    if (!(r < MIN_CORRELATION)) {
      return List.of();
    }
    return List.of(
        new Finding(
            CODE,
            r < ERROR_CORRELATION ? Severity.ERROR : Severity.WARNING,
            r,
            MIN_CORRELATION,
            "",
            0,
            durationSeconds,
            "Left and right are partly out of phase (correlation "
                + Units.f2(r)
                + "): summed to mono the mix loses "
                + Units.f1(-stats.monoFoldDownDb())
                + " dB and parts of it thin out. Check stereo wideners and microphone alignment."));
  }
}
