package com.audiostems.dsp.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The product's source tiers, lowest first: the one definition that validation (the manifest's
 * {@code source.tier}, on the header's nominal properties) and the quality report (on the
 * <em>effective</em> properties the samples show) both apply, through {@link #of}. The
 * specification's thresholds:
 *
 * <ul>
 *   <li>{@link #MINIMUM}: 44.1 kHz or more, and lossy at 128 kbps or more (or lossless at 16-bit or
 *       more).
 *   <li>{@link #STANDARD}: 44.1 kHz or more, and lossless at 16-bit or more, or lossy at 320 kbps
 *       or more. A 24-bit source at 44.1 or 48 kHz is STANDARD: HIGH needs the rate too.
 *   <li>{@link #HIGH}: lossless, 24-bit or more (32-bit float counts) at 96 kHz or more; 88.2 kHz,
 *       the 44.1 kHz family's double rate, counts as 96 kHz.
 *   <li>{@link #PROFESSIONAL}: lossless, 24-bit or more at 192 kHz or more (176.4 kHz, the 44.1 kHz
 *       family's, counts), or DSD.
 * </ul>
 *
 * A lossy rate is its nominal rate: one measured up to {@link #NOMINAL_RATE_TOLERANCE} below a
 * nominal rate is that rate. Below MINIMUM, a source is rejected.
 */
public enum Tier {
  MINIMUM,
  STANDARD,
  HIGH,
  PROFESSIONAL;

  /** Every tier: 44.1 kHz or more. */
  public static final int MINIMUM_RATE_HZ = 44_100;

  /** MINIMUM and STANDARD, lossless: 16-bit or more. */
  public static final int STANDARD_BITS = 16;

  /** MINIMUM, lossy: 128 kbps nominal. */
  public static final long MINIMUM_LOSSY_BPS = 128_000;

  /** STANDARD, lossy: 320 kbps nominal. */
  public static final long STANDARD_LOSSY_BPS = 320_000;

  /** HIGH and PROFESSIONAL: 24-bit or more, lossless. */
  public static final int HIGH_BITS = 24;

  /** HIGH: 96 kHz, of which 88.2 kHz (the 44.1 kHz family's) is the lowest accepted. */
  public static final int HIGH_RATE_HZ = 88_200;

  /** PROFESSIONAL: 192 kHz, of which 176.4 kHz (the 44.1 kHz family's) is the lowest accepted. */
  public static final int PROFESSIONAL_RATE_HZ = 176_400;

  /**
   * A lossy stream's rate as ffprobe measures it is its bytes over its duration, and a nominal 128k
   * encode measures a little off its nominal rate: LAME's 128k CBR in an MP4 reads 127,994 bps
   * (gapless trimming against whole frames), and real files 127.x kbps. Rates within 2 % below a
   * nominal rate are that rate, as their users mean it; 112k, the next MP3 rate down, is 12.5 %
   * below and stays below the minimum.
   */
  public static final double NOMINAL_RATE_TOLERANCE = 0.02;

  /**
   * The properties a tier is judged on: the header's (validation) or the effective ones (the
   * quality report).
   *
   * @param lossless whether the audio is (effectively) lossless
   * @param dsd whether the source is DSD (PROFESSIONAL whatever else)
   * @param sampleRateHz the sample rate
   * @param bitDepth bits per sample of lossless audio (32 for float); ignored for lossy audio
   * @param bitRateBps the lossy stream's measured rate; ignored for lossless audio
   */
  public record Properties(
      boolean lossless, boolean dsd, int sampleRateHz, int bitDepth, long bitRateBps) {}

  /** The highest tier {@code p} reaches, or empty when it is below {@link #MINIMUM}. */
  public static Optional<Tier> of(Properties p) {
    Tier best = null;
    for (Tier t : values()) {
      if (t.shortfalls(p).isEmpty()) {
        best = t;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Why {@code p} does not reach this tier: one sentence per unmet threshold; empty when it does.
   */
  public List<String> shortfalls(Properties p) {
    List<String> why = new ArrayList<>();
    if (p.dsd()) {
      return why;
    }
    if (p.sampleRateHz() < MINIMUM_RATE_HZ) {
      why.add("sample rate " + Units.kHz(p.sampleRateHz()) + " (every tier: 44.1 kHz or more)");
    }
    String name = name().toLowerCase(Locale.ROOT);
    if (!p.lossless()) {
      switch (this) {
        case MINIMUM, STANDARD -> {
          long needed = this == MINIMUM ? MINIMUM_LOSSY_BPS : STANDARD_LOSSY_BPS;
          if (p.bitRateBps() < needed * (1 - NOMINAL_RATE_TOLERANCE)) {
            why.add(
                "lossy at "
                    + p.bitRateBps() / 1000
                    + " kbps ("
                    + name
                    + ": "
                    + needed / 1000
                    + " kbps or more)");
          }
        }
        case HIGH, PROFESSIONAL -> why.add("lossy audio (" + name + ": lossless only)");
      }
      return why;
    }
    int bits = this.compareTo(HIGH) >= 0 ? HIGH_BITS : STANDARD_BITS;
    if (p.bitDepth() < bits) {
      why.add(p.bitDepth() + "-bit (" + name + ": " + bits + "-bit or more)");
    }
    int rate =
        switch (this) {
          case MINIMUM, STANDARD -> MINIMUM_RATE_HZ;
          case HIGH -> HIGH_RATE_HZ;
          case PROFESSIONAL -> PROFESSIONAL_RATE_HZ;
        };
    if (rate > MINIMUM_RATE_HZ && p.sampleRateHz() < rate) {
      why.add(
          Units.kHz(p.sampleRateHz())
              + " ("
              + name
              + ": "
              + (this == HIGH ? "96 kHz (or 88.2 kHz)" : "192 kHz (or 176.4 kHz)")
              + " or more)");
    }
    return why;
  }
}
