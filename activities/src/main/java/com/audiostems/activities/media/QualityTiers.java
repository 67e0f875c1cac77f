package com.audiostems.activities.media;

import com.audiostems.dsp.quality.Tier;
import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.media.SourceProbe;
import java.util.Optional;

/**
 * The product's tiers ({@link Tier}, the one definition, which the quality report applies too)
 * applied to what ffprobe found: the header's nominal properties, mapped to the contract's {@link
 * QualityTier}.
 */
public final class QualityTiers {
  /** See {@link Tier#NOMINAL_RATE_TOLERANCE}. */
  static final double NOMINAL_RATE_TOLERANCE = Tier.NOMINAL_RATE_TOLERANCE;

  private QualityTiers() {}

  /**
   * The highest tier the source qualifies for, or empty when it is below {@link
   * QualityTier#MINIMUM}. Lossy sources are judged by their nominal rate ({@link
   * #NOMINAL_RATE_TOLERANCE}); a 32-bit float source counts as 24-bit or more because its bit depth
   * is 32; companded PCM counts as 8-bit ({@link #nominal}).
   */
  public static Optional<QualityTier> classify(SourceProbe probe) {
    return Tier.of(nominal(probe)).map(QualityTiers::contract);
  }

  /**
   * The properties {@link Tier} judges, as the header gives them. Companded PCM (μ-law, A-law) is
   * judged as what it effectively is, PCM of 8-bit codes: its "bit rate" (352.8 kbps at 44.1 kHz)
   * is that of uncompressed 8-bit audio, not a lossy codec's rate, and its 16-bit decoded samples
   * take only 256 values.
   */
  public static Tier.Properties nominal(SourceProbe probe) {
    if (CodecFacts.isCompandedPcm(probe.codec())) {
      return new Tier.Properties(
          true, false, probe.sampleRateHz(), CodecFacts.COMPANDED_CODE_BITS, probe.bitRateBps());
    }
    return new Tier.Properties(
        probe.lossless(), probe.dsd(), probe.sampleRateHz(), probe.bitDepth(), probe.bitRateBps());
  }

  /** The contract's name for {@code tier}. */
  public static QualityTier contract(Tier tier) {
    return QualityTier.valueOf(tier.name());
  }
}
