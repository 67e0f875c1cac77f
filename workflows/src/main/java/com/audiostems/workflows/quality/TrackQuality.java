package com.audiostems.workflows.quality;

import com.audiostems.workflows.media.QualityTier;
import java.util.List;

/**
 * The manifest's {@code quality} section: what the technical checks found in the source, judged on
 * its effective properties (what the samples show), not its header's.
 *
 * @param score 0–100, from the findings (formula in the checks' documentation)
 * @param effectiveTier the highest tier the source passes; null when it passes none
 * @param tiers every tier's verdict with its reasons
 * @param effective what the samples really carry
 * @param findings every finding, most severe first
 * @param reportKey {@code quality.json}: the full report
 * @param pageKey {@code quality.html}: the page for people, beside its two images
 * @param waveformKey {@code waveform.png}
 * @param spectrogramKey {@code spectrogram.png}
 */
public record TrackQuality(
    int score,
    QualityTier effectiveTier,
    List<TierVerdict> tiers,
    EffectiveProperties effective,
    List<QualityFinding> findings,
    String reportKey,
    String pageKey,
    String waveformKey,
    String spectrogramKey) {

  /** Whether the source passes {@code tier}. */
  public boolean passes(QualityTier tier) {
    return tiers.stream().anyMatch(v -> v.tier() == tier && v.passed());
  }

  /** The verdict on {@code tier}, or null when the checks gave none. */
  public TierVerdict verdict(QualityTier tier) {
    return tiers.stream().filter(v -> v.tier() == tier).findFirst().orElse(null);
  }

  /**
   * @param reasons why it failed, in words; empty when it passed
   */
  public record TierVerdict(QualityTier tier, boolean passed, List<String> reasons) {}

  /**
   * @param bandwidthHz the highest frequency with real content
   * @param bitDepth the bits the samples really use
   * @param sampleRateHz the rate the content really needs (an upsampled file's original rate)
   * @param lossySignature whether the spectrum shows a lossy codec's cut-off or band holes
   * @param monoAsStereo whether both channels carry the same signal
   */
  public record EffectiveProperties(
      double bandwidthHz,
      int bitDepth,
      int sampleRateHz,
      boolean lossySignature,
      boolean monoAsStereo) {}

  /**
   * @param severity "info", "warning" or "error"
   * @param unit of {@code measured} and {@code threshold}
   * @param message a sentence a composer understands
   */
  public record QualityFinding(
      String code,
      String severity,
      double measured,
      double threshold,
      String unit,
      double startSeconds,
      double endSeconds,
      String message) {}
}
