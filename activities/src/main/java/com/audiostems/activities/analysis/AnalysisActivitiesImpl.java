package com.audiostems.activities.analysis;

import com.audiostems.activities.media.ActivityProgress;
import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.dsp.analysis.TrackAnalysisReport;
import com.audiostems.dsp.analysis.TrackAnalyzer;
import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.analysis.AnalysisActivities;
import com.audiostems.workflows.analysis.AnalysisResult;
import com.audiostems.workflows.analysis.AnalyzeRequest;
import com.audiostems.workflows.analysis.TrackAnalysis;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.StoredObject;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Analysis on the GPU pool's queue: fetches the source from the store (this host has no working
 * copy of it), decodes it once through {@link PcmDecoder} into {@link TrackAnalyzer}, stores the
 * full report as {@code analysis.json} and returns its summary for the manifest.
 */
public final class AnalysisActivitiesImpl implements AnalysisActivities {
  static final ObjectMapper REPORT_JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final BlobStore store;
  private final PcmDecoder decoder;
  private final Path workDir;

  public AnalysisActivitiesImpl(BlobStore store, MediaProcessRunner runner) {
    this.store = store;
    this.decoder = new PcmDecoder(runner);
    this.workDir = runner.settings().workDir();
  }

  @Override
  public AnalysisResult analyze(AnalyzeRequest request) {
    String trackId = BlobKeys.requireTrackId(request.trackId());
    ActivityProgress progress = ActivityProgress.heartbeats();
    try {
      Files.createDirectories(workDir);
      TrackAnalysisReport report;
      try (BlobStore.LocalCopy source = store.localCopy(request.sourceKey(), workDir)) {
        report = analyse(source.path(), request, progress);
      }
      StoredObject asset =
          store.storeBytes(BlobKeys.analysisKey(trackId, request.version()), REPORT_JSON.writeValueAsBytes(report));
      return new AnalysisResult(AnalysisSummary.of(report, asset), null);
    } catch (NoSuchFileException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The source " + request.sourceKey() + " of track " + trackId + " is not in the store; upload it again.",
          TrackFailures.SOURCE_MISSING);
    } catch (IOException e) {
      throw Activity.wrap(e); // the store or the disk: worth a retry
    }
  }

  /** Decoding takes the first 90% of the reported progress; the analysers the rest. */
  private TrackAnalysisReport analyse(Path file, AnalyzeRequest request, ActivityProgress progress) throws IOException {
    int channels = Math.max(1, request.probe().channels());
    TrackAnalyzer analyzer = new TrackAnalyzer(PcmDecoder.decodeRateHz(request.probe()), channels);
    long frames = decoder.decode(file, request.probe(), analyzer::accept, f -> progress.accept(0.9 * f));
    if (frames == 0) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The source of track " + request.trackId() + " decoded to no audio at all; nothing can be analysed.",
          TrackFailures.CORRUPT_AUDIO);
    }
    TrackAnalysisReport report = analyzer.finish();
    progress.accept(1.0);
    return report;
  }
}
