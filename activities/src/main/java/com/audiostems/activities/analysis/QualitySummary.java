package com.audiostems.activities.analysis;

import com.audiostems.dsp.quality.Finding;
import com.audiostems.dsp.quality.QualityReport;
import com.audiostems.dsp.quality.Tier;
import com.audiostems.dsp.quality.TierResult;
import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.quality.TrackQuality;
import com.audiostems.workflows.storage.BlobKeys;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The manifest's {@code quality} section from the checks' report. */
final class QualitySummary {
  /** Codes whose finding, at warning or above, says the source went through a lossy codec. */
  private static final String LOSSY = "lossy-transcode";

  private QualitySummary() {}

  static TrackQuality of(QualityReport report, String trackId, int version) {
    return new TrackQuality(
        report.score(),
        report.highestTier().map(t -> QualityTier.valueOf(t.name())).orElse(null),
        report.tiers().stream().map(QualitySummary::verdict).toList(),
        new TrackQuality.EffectiveProperties(
            report.effectiveBandwidthHz(),
            report.effectiveBitDepth(),
            report.effectiveSampleRateHz(),
            report.has(LOSSY, com.audiostems.dsp.quality.Severity.WARNING),
            report.channelsAreMono()),
        mostSevereFirst(report.findings()).stream().map(QualitySummary::finding).toList(),
        BlobKeys.qualityKey(trackId, version, BlobKeys.QualityAsset.REPORT),
        BlobKeys.qualityKey(trackId, version, BlobKeys.QualityAsset.PAGE),
        BlobKeys.qualityKey(trackId, version, BlobKeys.QualityAsset.WAVEFORM),
        BlobKeys.qualityKey(trackId, version, BlobKeys.QualityAsset.SPECTROGRAM));
  }

  static List<Finding> mostSevereFirst(List<Finding> findings) {
    return findings.stream()
        .sorted(
            Comparator.comparing((Finding f) -> f.severity())
                .reversed()
                .thenComparingDouble(Finding::startSeconds))
        .toList();
  }

  private static TrackQuality.TierVerdict verdict(TierResult result) {
    Tier tier = result.tier();
    return new TrackQuality.TierVerdict(
        QualityTier.valueOf(tier.name()), result.pass(), result.reasons());
  }

  private static TrackQuality.QualityFinding finding(Finding f) {
    return new TrackQuality.QualityFinding(
        f.code(),
        f.severity().name().toLowerCase(Locale.ROOT),
        f.measured(),
        f.threshold(),
        f.unit(),
        f.startSeconds(),
        f.endSeconds(),
        f.message());
  }
}
