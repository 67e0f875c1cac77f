package com.audiostems.activities.media;

import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.media.SourceProbe;
import java.util.Optional;

/** The product's tier rules (see {@link QualityTier}) applied to what ffprobe found. */
public final class QualityTiers {
  private static final int CD_RATE_HZ = 44_100;
  private static final int HIGH_RATE_HZ = 88_200;
  private static final int PROFESSIONAL_RATE_HZ = 176_400;
  private static final int STANDARD_BITS = 16;
  private static final int HIGH_BITS = 24;
  private static final long MINIMUM_LOSSY_BPS = 128_000;

  /**
   * A lossy stream's rate as ffprobe measures it is its bytes over its duration, and a nominal 128k
   * encode measures a little off its nominal rate: LAME's 128k CBR in an MP4 reads 127,994 bps
   * (gapless trimming against whole frames), and real files 127.x kbps. Rates within 2 % below a
   * nominal rate are that rate, as their users mean it; 112k, the next MP3 rate down, is 12.5 %
   * below and stays below the minimum.
   */
  static final double NOMINAL_RATE_TOLERANCE = 0.02;

  private QualityTiers() {}

  /**
   * The highest tier the source qualifies for, or empty when it is below {@link
   * QualityTier#MINIMUM}. Lossy sources are judged by their nominal rate ({@link
   * #NOMINAL_RATE_TOLERANCE}); a 32-bit float source counts as 24-bit or more because its bit depth
   * is 32.
   */
  public static Optional<QualityTier> classify(SourceProbe probe) {
    if (probe.dsd()) {
      return Optional.of(QualityTier.PROFESSIONAL);
    }
    int rate = probe.sampleRateHz();
    if (probe.lossless()) {
      int bits = probe.bitDepth();
      if (bits >= HIGH_BITS && rate >= PROFESSIONAL_RATE_HZ) {
        return Optional.of(QualityTier.PROFESSIONAL);
      }
      if (bits >= HIGH_BITS && rate >= HIGH_RATE_HZ) {
        return Optional.of(QualityTier.HIGH);
      }
      if (bits >= STANDARD_BITS && rate >= CD_RATE_HZ) {
        return Optional.of(QualityTier.STANDARD);
      }
      return Optional.empty();
    }
    if (probe.bitRateBps() >= MINIMUM_LOSSY_BPS * (1 - NOMINAL_RATE_TOLERANCE)
        && rate >= CD_RATE_HZ) {
      return Optional.of(QualityTier.MINIMUM);
    }
    return Optional.empty();
  }
}
