package com.audiostems.gateway.support;

import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.analysis.AnalysisActivities;
import com.audiostems.workflows.analysis.AnalysisResult;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.analysis.AnalyzeRequest;
import com.audiostems.workflows.analysis.TrackAnalysis;
import com.audiostems.workflows.storage.StoredObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The analysis pool as the gateway sees it (the gateway links no DSP code): a small
 * {@code analysis.json} in the store and a fixed summary.
 */
public final class FakeAnalysisActivities implements AnalysisActivities {
  private final LocalBlobStore store;

  public FakeAnalysisActivities(LocalBlobStore store) {
    this.store = store;
  }

  @Override
  public AnalysisResult analyze(AnalyzeRequest request) {
    StoredObject asset;
    try {
      asset = store.storeBytes(
          BlobKeys.analysisKey(request.trackId(), request.version()), "{\"engine\":\"fake\"}".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new AnalysisResult(
        new TrackAnalysis(
            asset.key(), asset.bytes(), asset.sha256(), request.probe().durationSeconds(),
            null, null, null, null, null, null, List.of()),
        null);
  }
}
