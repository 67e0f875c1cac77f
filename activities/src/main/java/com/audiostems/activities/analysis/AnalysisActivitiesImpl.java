package com.audiostems.activities.analysis;

import com.audiostems.activities.analysis.tempo.TempoDecision;
import com.audiostems.activities.analysis.tempo.TempoModel;
import com.audiostems.activities.media.ActivityProgress;
import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.activities.media.QualityTiers;
import com.audiostems.activities.quality.render.Png;
import com.audiostems.activities.quality.render.QualityPage;
import com.audiostems.activities.quality.render.SpectrogramImage;
import com.audiostems.activities.quality.render.WaveformImage;
import com.audiostems.activities.storage.StorageFailures;
import com.audiostems.dsp.analysis.TrackAnalysisReport;
import com.audiostems.dsp.analysis.TrackAnalyzer;
import com.audiostems.dsp.quality.Finding;
import com.audiostems.dsp.quality.summary.QualitySummaries;
import com.audiostems.dsp.waveform.AudiowaveformDat;
import com.audiostems.dsp.waveform.WaveformPeaks;
import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.analysis.AnalysisActivities;
import com.audiostems.workflows.analysis.AnalysisResult;
import com.audiostems.workflows.analysis.AnalyzeRequest;
import com.audiostems.workflows.quality.TrackQuality;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.StoredObject;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Analysis on the GPU pool's queue: fetches the source from the store (this host has no working
 * copy of it), decodes it once through {@link PcmDecoder} into {@link TrackAnalyzer}, stores the
 * full report as {@code analysis.json}, the quality checks' report with its images and page beside
 * it, and the waveform's peaks (audiowaveform's {@code .dat}, for players such as peaks.js) from
 * the same decode, and returns both summaries for the manifest.
 */
public final class AnalysisActivitiesImpl implements AnalysisActivities {
  static final ObjectMapper REPORT_JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final BlobStore store;
  private final PcmDecoder decoder;
  private final Path workDir;
  private final TempoModel tempoModel;

  /** With the tempo model on the CPU provider (one session shared by the process). */
  public AnalysisActivitiesImpl(BlobStore store, MediaProcessRunner runner) {
    this(store, runner, SharedCpuTempoModel.INSTANCE);
  }

  /**
   * @param tempoModel the metrical-level model (the GPU pool passes one on the CUDA provider)
   */
  public AnalysisActivitiesImpl(BlobStore store, MediaProcessRunner runner, TempoModel tempoModel) {
    this.store = store;
    this.decoder = new PcmDecoder(runner);
    this.workDir = runner.settings().workDir();
    this.tempoModel = tempoModel;
  }

  /** Loaded on first use: a process that never analyses never starts ONNX Runtime. */
  private static final class SharedCpuTempoModel {
    static final TempoModel INSTANCE = TempoModel.cpu();
  }

  @Override
  public AnalysisResult analyze(AnalyzeRequest request) {
    String trackId = BlobKeys.requireTrackId(request.trackId());
    StorageFailures.requireSafe(request.sourceKey());
    ActivityProgress progress = ActivityProgress.heartbeats();
    try {
      Files.createDirectories(workDir);
      TrackAnalyzer analyzer;
      WaveformPeaks peaks = peaksOf(request);
      try (BlobStore.LocalCopy source = store.localCopy(request.sourceKey(), workDir)) {
        analyzer = analyse(source.path(), request, peaks, progress);
      }
      TrackAnalysisReport report = analyzer.finish();
      TempoDecision tempo = tempoModel.decide(report.rhythm());
      progress.accept(1.0);
      ObjectNode json = REPORT_JSON.valueToTree(report);
      json.set("tempoDecision", REPORT_JSON.valueToTree(tempo));
      StoredObject asset =
          store.storeBytes(
              BlobKeys.analysisKey(trackId, request.version()),
              REPORT_JSON.writeValueAsBytes(json));
      TrackQuality quality = QualitySummary.of(report.quality(), trackId, request.version());
      storeQualityReport(report, analyzer.qualitySummaries(), quality, request);
      store.storeBytes(
          BlobKeys.qualityKey(trackId, request.version(), BlobKeys.QualityAsset.PEAKS),
          AudiowaveformDat.write(peaks.finish()));
      return new AnalysisResult(AnalysisSummary.of(report, asset, tempo), quality);
    } catch (NoSuchFileException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The source "
              + request.sourceKey()
              + " of track "
              + trackId
              + " is not in the store; upload it again.",
          TrackFailures.SOURCE_MISSING);
    } catch (IOException e) {
      throw Activity.wrap(e); // the store or the disk: worth a retry
    }
  }

  /**
   * {@code quality.json} (the checks' whole report), the two images and the page that shows them
   * inline, so that it reads the same from a folder or behind a signed link.
   */
  private void storeQualityReport(
      TrackAnalysisReport report,
      QualitySummaries summaries,
      TrackQuality quality,
      AnalyzeRequest request)
      throws IOException {
    String trackId = request.trackId();
    int version = request.version();
    List<Finding> findings = QualitySummary.mostSevereFirst(report.quality().findings());
    byte[] waveform = Png.bytes(WaveformImage.render(summaries.waveform(), findings));
    byte[] spectrogram = Png.bytes(SpectrogramImage.render(summaries.spectrogram(), findings));
    store.storeBytes(quality.reportKey(), REPORT_JSON.writeValueAsBytes(report.quality()));
    store.storeBytes(quality.waveformKey(), waveform);
    store.storeBytes(quality.spectrogramKey(), spectrogram);
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(
        "Declared",
        report.sampleRateHz()
            + " Hz, "
            + report.quality().declaredBitDepth()
            + "-bit, "
            + report.channels()
            + " ch");
    properties.put("Effective sample rate", quality.effective().sampleRateHz() + " Hz");
    properties.put("Effective bit depth", quality.effective().bitDepth() + " bits");
    properties.put(
        "Effective bandwidth",
        String.format(Locale.ROOT, "%.0f Hz", quality.effective().bandwidthHz()));
    properties.put(
        "Integrated loudness",
        String.format(Locale.ROOT, "%.1f LUFS", report.loudness().integratedLufs()));
    properties.put(
        "True peak", String.format(Locale.ROOT, "%.1f dBTP", report.loudness().truePeakDbtp()));
    properties.put(
        "Loudness range",
        String.format(Locale.ROOT, "%.1f LU", report.loudness().loudnessRangeLu()));
    Map<String, String> tiers = new LinkedHashMap<>();
    quality
        .tiers()
        .forEach(
            t ->
                tiers.put(
                    t.tier().name().toLowerCase(Locale.ROOT),
                    t.passed() ? "pass" : "fail: " + String.join("; ", t.reasons())));
    String page =
        QualityPage.html(
            new QualityPage.Content(
                "Quality of "
                    + request.sourceKey().substring(request.sourceKey().lastIndexOf('/') + 1),
                request.sourceKey(),
                report.durationSeconds(),
                (double) quality.score(),
                properties,
                tiers,
                findings,
                QualityPage.inlinePng(waveform),
                QualityPage.inlinePng(spectrogram)));
    store.storeBytes(quality.pageKey(), page.getBytes(StandardCharsets.UTF_8));
  }

  /** Decoding takes the first 90% of the reported progress; the analysers the rest. */
  private static WaveformPeaks peaksOf(AnalyzeRequest request) {
    return new WaveformPeaks(
        PcmDecoder.decodeRateHz(request.probe()),
        Math.max(1, request.probe().channels()),
        WaveformPeaks.DEFAULT_SAMPLES_PER_PIXEL);
  }

  private TrackAnalyzer analyse(
      Path file, AnalyzeRequest request, WaveformPeaks peaks, ActivityProgress progress)
      throws IOException {
    int channels = Math.max(1, request.probe().channels());
    int rate = PcmDecoder.decodeRateHz(request.probe());
    TrackAnalyzer analyzer =
        new TrackAnalyzer(
            rate,
            channels,
            request.probe().bitDepth(),
            Math.round(request.probe().durationSeconds() * rate),
            QualityTiers.nominal(request.probe()));
    long frames =
        decoder.decode(
            file,
            request.probe(),
            (block, n) -> {
              analyzer.accept(block, n);
              peaks.accept(block, n);
            },
            f -> progress.accept(0.9 * f));
    if (frames == 0) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The source of track "
              + request.trackId()
              + " decoded to no audio at all; nothing can be analysed.",
          TrackFailures.CORRUPT_AUDIO);
    }
    return analyzer;
  }
}
