package com.audiostems.gateway.support;

import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.analysis.AnalysisActivities;
import com.audiostems.workflows.analysis.AnalysisResult;
import com.audiostems.workflows.analysis.AnalyzeRequest;
import com.audiostems.workflows.analysis.TrackAnalysis;
import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.quality.TrackQuality;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.StoredObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The analysis pool as the gateway sees it (the gateway links no DSP code): a small {@code
 * analysis.json} in the store and a fixed summary.
 */
public final class FakeAnalysisActivities implements AnalysisActivities {
  private final LocalBlobStore store;

  public FakeAnalysisActivities(LocalBlobStore store) {
    this.store = store;
  }

  /** A standard-tier source with one warning, and its four report files in the store. */
  private TrackQuality quality(AnalyzeRequest request) {
    try {
      for (BlobKeys.QualityAsset asset : BlobKeys.QualityAsset.values()) {
        store.storeBytes(
            BlobKeys.qualityKey(request.trackId(), request.version(), asset),
            ("fake " + asset.fileName()).getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TrackQuality(
        90,
        QualityTier.STANDARD,
        List.of(
            new TrackQuality.TierVerdict(QualityTier.MINIMUM, true, List.of()),
            new TrackQuality.TierVerdict(QualityTier.STANDARD, true, List.of()),
            new TrackQuality.TierVerdict(
                QualityTier.HIGH, false, List.of("effective sample rate 44100 Hz < 88200 Hz")),
            new TrackQuality.TierVerdict(
                QualityTier.PROFESSIONAL,
                false,
                List.of("effective sample rate 44100 Hz < 176400 Hz"))),
        new TrackQuality.EffectiveProperties(20_000, 16, 44_100, false, false),
        List.of(
            new TrackQuality.QualityFinding(
                "dc-offset", "warning", -45, -50, "dBFS", 0, 2, "A small DC offset.")),
        BlobKeys.qualityKey(request.trackId(), request.version(), BlobKeys.QualityAsset.REPORT),
        BlobKeys.qualityKey(request.trackId(), request.version(), BlobKeys.QualityAsset.PAGE),
        BlobKeys.qualityKey(request.trackId(), request.version(), BlobKeys.QualityAsset.WAVEFORM),
        BlobKeys.qualityKey(
            request.trackId(), request.version(), BlobKeys.QualityAsset.SPECTROGRAM));
  }

  @Override
  public AnalysisResult analyze(AnalyzeRequest request) {
    StoredObject asset;
    try {
      asset =
          store.storeBytes(
              BlobKeys.analysisKey(request.trackId(), request.version()),
              "{\"engine\":\"fake\"}".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new AnalysisResult(
        new TrackAnalysis(
            asset.key(),
            asset.bytes(),
            asset.sha256(),
            request.probe().durationSeconds(),
            null,
            null,
            null,
            null,
            null,
            null,
            List.of()),
        quality(request));
  }
}
