package com.audiostems.dsp.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link Tier}'s thresholds applied to the <em>effective</em> properties: the rate and bit depth
 * the samples really use, and lossless only when the source is lossless and shows no
 * lossy-transcode signature of ERROR severity (a lossless file made from a 128 kbps-class lossy
 * copy is judged as that copy: at most {@link Tier#MINIMUM}). Other findings do not change the
 * tier: they are in the report and its score.
 */
public final class TierRules {
  private TierRules() {}

  /**
   * Every tier's verdict on the effective properties of a source.
   *
   * @param nominal what the header says (lossless, DSD, lossy bit rate)
   * @param effectiveBits the bits the samples really use
   * @param effectiveRateHz the rate the samples really use
   */
  static List<TierResult> judge(
      Tier.Properties nominal, int effectiveBits, int effectiveRateHz, List<Finding> findings) {
    boolean transcode =
        nominal.lossless()
            && findings.stream()
                .anyMatch(
                    f ->
                        f.severity() == Severity.ERROR
                            && f.code().equals(LossyTranscodeCheck.CODE));
    long bitRate = nominal.lossless() ? Tier.MINIMUM_LOSSY_BPS : nominal.bitRateBps();
    Tier.Properties effective =
        new Tier.Properties(
            nominal.lossless() && !transcode,
            nominal.dsd(),
            effectiveRateHz,
            effectiveBits,
            bitRate);
    List<TierResult> results = new ArrayList<>();
    for (Tier t : Tier.values()) {
      List<String> reasons = new ArrayList<>(t.shortfalls(effective));
      if (transcode && !reasons.isEmpty()) {
        reasons.add(0, "error: " + LossyTranscodeCheck.CODE + " (judged as a lossy copy)");
      }
      results.add(new TierResult(t, reasons.isEmpty(), reasons));
    }
    return results;
  }
}
