package com.audiostems.dsp.quality;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The technical-quality verdict on one source.
 *
 * @param sampleRateHz the rate the samples came at (the header's)
 * @param channels the channel count
 * @param durationSeconds length of the source
 * @param declaredBitDepth the header's bit depth (0 if unknown, 32 for float)
 * @param effectiveBandwidthHz the cut-off of a steep low-pass found in the long-term spectrum, or
 *     the Nyquist when the spectrum runs on to it
 * @param effectiveBitDepth the finest quantisation step the samples use, in bits (32: finer than
 *     24-bit, i.e. float or a lossy decode; 0: digital silence)
 * @param effectiveSampleRateHz the rate the content was made at: lower than {@code sampleRateHz}
 *     when the file was upsampled
 * @param channelsAreMono whether a stereo file carries the same signal in both channels
 * @param findings every finding, in check order (INFO included)
 * @param tiers one result per {@link Tier}, in tier order
 * @param score 0-100, see {@link QualityScore}
 * @param measurements the raw measurements behind the findings (names like {@code "cutoff.dropDb"},
 *     {@code "stereo.correlation"}), for diagnostics and tuning
 */
public record QualityReport(
    int sampleRateHz,
    int channels,
    double durationSeconds,
    int declaredBitDepth,
    double effectiveBandwidthHz,
    int effectiveBitDepth,
    int effectiveSampleRateHz,
    boolean channelsAreMono,
    List<Finding> findings,
    List<TierResult> tiers,
    int score,
    Map<String, Double> measurements) {

  public QualityReport {
    findings = List.copyOf(findings);
    tiers = List.copyOf(tiers);
    measurements = Map.copyOf(measurements);
  }

  /** The result for one tier. */
  public TierResult tier(Tier tier) {
    return tiers.get(tier.ordinal());
  }

  /** The highest tier passed, if any (tiers are cumulative). */
  public Optional<Tier> highestTier() {
    Tier best = null;
    for (TierResult t : tiers) {
      if (!t.pass()) {
        break;
      }
      best = t.tier();
    }
    return Optional.ofNullable(best);
  }

  /** Findings with this code. */
  public List<Finding> findings(String code) {
    return findings.stream().filter(f -> f.code().equals(code)).toList();
  }

  /** Whether a finding with this code at this severity or worse exists. */
  public boolean has(String code, Severity atLeast) {
    return findings.stream()
        .anyMatch(f -> f.code().equals(code) && f.severity().compareTo(atLeast) >= 0);
  }

  /** Findings at this severity or worse. */
  public List<Finding> atLeast(Severity severity) {
    return findings.stream().filter(f -> f.severity().compareTo(severity) >= 0).toList();
  }
}
