package com.audiostems.dsp.quality;

import java.util.ArrayList;
import java.util.List;

/** The rules of each {@link Tier}, applied to the effective properties and the findings. */
public final class TierRules {
  /** MINIMUM: at least CD word length actually used. */
  public static final int MINIMUM_BITS = 16;

  /** MINIMUM: at least CD rate actually used. */
  public static final int MINIMUM_RATE_HZ = 44_100;

  /** MINIMUM: at least 15 kHz of audio bandwidth (a 128 kbps MP3 still has 16-17 kHz). */
  public static final double MINIMUM_BANDWIDTH_HZ = 15_000;

  /** HIGH: this many WARNING findings at most. */
  public static final int HIGH_MAX_WARNINGS = 2;

  /** PROFESSIONAL: 24-bit actually used. */
  public static final int PROFESSIONAL_BITS = 24;

  /** PROFESSIONAL: 48 kHz actually used. */
  public static final int PROFESSIONAL_RATE_HZ = 48_000;

  private TierRules() {}

  static List<TierResult> judge(
      double bandwidthHz, int effectiveBits, int effectiveRateHz, List<Finding> findings) {
    List<String> minimum = new ArrayList<>();
    if (effectiveBits < MINIMUM_BITS) {
      minimum.add("only " + effectiveBits + " bits are used (minimum " + MINIMUM_BITS + ")");
    }
    if (effectiveRateHz < MINIMUM_RATE_HZ) {
      minimum.add("effective sample rate " + Units.kHz(effectiveRateHz) + " (minimum 44.1 kHz)");
    }
    if (bandwidthHz < MINIMUM_BANDWIDTH_HZ) {
      minimum.add("audio stops at " + Units.kHz(bandwidthHz) + " (minimum 15 kHz)");
    }
    for (Finding f : findings) {
      if (f.severity() == Severity.ERROR && !f.code().equals(LossyTranscodeCheck.CODE)) {
        minimum.add("error: " + f.code());
      }
    }
    List<String> standard = new ArrayList<>(minimum);
    for (Finding f : findings) {
      if (f.severity() == Severity.ERROR && f.code().equals(LossyTranscodeCheck.CODE)) {
        standard.add("error: " + f.code());
      }
    }
    List<String> high = new ArrayList<>(standard);
    int warnings = 0;
    for (Finding f : findings) {
      if (f.severity() == Severity.WARNING) {
        warnings++;
        if (f.code().equals(LossyTranscodeCheck.CODE) || f.code().equals(ClippingCheck.CODE)) {
          high.add("warning: " + f.code());
        }
      }
    }
    if (warnings > HIGH_MAX_WARNINGS) {
      high.add(warnings + " warnings (at most " + HIGH_MAX_WARNINGS + ")");
    }
    List<String> pro = new ArrayList<>(high);
    if (effectiveBits < PROFESSIONAL_BITS) {
      pro.add(effectiveBits + "-bit effective (professional: 24-bit)");
    }
    if (effectiveRateHz < PROFESSIONAL_RATE_HZ) {
      pro.add(Units.kHz(effectiveRateHz) + " effective (professional: 48 kHz or more)");
    }
    for (Finding f : findings) {
      if (f.severity() == Severity.WARNING
          && !f.code().equals(LossyTranscodeCheck.CODE)
          && !f.code().equals(ClippingCheck.CODE)) {
        pro.add("warning: " + f.code());
      }
    }
    return List.of(
        new TierResult(Tier.MINIMUM, minimum.isEmpty(), minimum),
        new TierResult(Tier.STANDARD, standard.isEmpty(), standard),
        new TierResult(Tier.HIGH, high.isEmpty(), high),
        new TierResult(Tier.PROFESSIONAL, pro.isEmpty(), pro));
  }
}
