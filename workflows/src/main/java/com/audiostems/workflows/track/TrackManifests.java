package com.audiostems.workflows.track;

import com.audiostems.workflows.analysis.AnalysisResult;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.HlsLadder;
import com.audiostems.workflows.media.HlsLadderPlan;
import com.audiostems.workflows.media.OutputCheck;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.OutputPlan;
import com.audiostems.workflows.media.OutputPlanner;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.media.ValidatedSource;
import com.audiostems.workflows.media.VerificationReport;
import com.audiostems.workflows.metadata.TrackMetadata;
import com.audiostems.workflows.quality.TrackQuality;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.TrackManifest;
import com.audiostems.workflows.watermark.PreviewMark;
import com.audiostems.workflows.watermark.PreviewPayloads;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The manifests a track publishes and the keys they own: pure functions of what the stages made.
 */
public final class TrackManifests {
  private TrackManifests() {}

  /** What the encode lanes stored and how each output verified. */
  record EncodedAndVerified(List<EncodedOutput> outputs, VerificationReport verification) {}

  /** The first version: everything the journey found out about the source, and every output. */
  static TrackManifest firstVersion(
      String trackId,
      Publication publication,
      TrackManifest.Source source,
      TrackMetadata tags,
      OutputPlan plan,
      EncodedAndVerified done,
      AnalysisResult analysed,
      PreviewMark previewMark,
      HlsLadder previewLadder,
      TrackManifest.Identification identification,
      Map<String, Long> stageMillis) {
    return new TrackManifest(
        TrackManifest.SCHEMA_VERSION,
        trackId,
        1,
        publication.workflowId(),
        publication.runId(),
        publication.publishedAt(),
        source,
        tags,
        done.outputs(),
        plan.absent(),
        done.verification(),
        analysed.analysis(),
        analysed.quality(),
        previewOf(previewMark),
        identification,
        new LinkedHashMap<>(stageMillis),
        previewLadder);
  }

  /**
   * The next version after a re-process: the re-made outputs and their checks replace those of
   * {@code redone} formats; everything else is carried over from {@code published}.
   */
  static TrackManifest nextVersion(
      TrackManifest published,
      int version,
      Publication publication,
      Set<OutputFormat> redone,
      EncodedAndVerified done,
      PreviewMark previewMark,
      HlsLadder previewLadder,
      Map<String, Long> stageMillis) {
    List<EncodedOutput> outputs = new ArrayList<>(done.outputs());
    published.outputs().stream().filter(o -> !redone.contains(o.format())).forEach(outputs::add);
    List<OutputCheck> checks = new ArrayList<>(done.verification().checks());
    published.verification().checks().stream()
        .filter(c -> !redone.contains(c.format()))
        .forEach(checks::add);
    outputs.sort(Comparator.comparing(EncodedOutput::format));
    checks.sort(Comparator.comparing(OutputCheck::format));
    return new TrackManifest(
        TrackManifest.SCHEMA_VERSION,
        published.trackId(),
        version,
        publication.workflowId(),
        publication.runId(),
        publication.publishedAt(),
        published.source(),
        published.metadata(),
        List.copyOf(outputs),
        published.absentOutputs(),
        new VerificationReport(List.copyOf(checks)),
        published.analysis(),
        published.quality(),
        redone.contains(OutputFormat.PREVIEW_MP3_128)
            ? previewOf(previewMark)
            : published.preview(),
        published.identification(),
        new LinkedHashMap<>(stageMillis),
        redone.contains(OutputFormat.PREVIEW_MP3_128) ? previewLadder : published.hls());
  }

  /** The source as received, as probed, and as validation decoded it. */
  static TrackManifest.Source sourceOf(
      TrackIngestRequest request, SourceProbe probe, ValidatedSource source) {
    return new TrackManifest.Source(
        request.sourceKey(),
        request.originalFileName(),
        probe,
        source.tier(),
        source.decodedDurationSeconds(),
        source.decodedFrames(),
        source.pcmDigest());
  }

  /**
   * What a version's analysis may write: its quality report with its pictures, and analysis.json.
   */
  static List<String> analysisKeys(String trackId, int version) {
    List<String> keys = new ArrayList<>(BlobKeys.qualityKeys(trackId, version));
    keys.add(BlobKeys.analysisKey(trackId, version));
    return keys;
  }

  /**
   * The files of {@code published} that a re-process of {@code redone} replaces: a re-made preview
   * replaces its HLS ladder too.
   */
  static List<String> replacedKeys(TrackManifest published, Set<OutputFormat> redone) {
    List<String> keys =
        new ArrayList<>(
            published.outputs().stream()
                .filter(o -> redone.contains(o.format()))
                .map(EncodedOutput::key)
                .toList());
    if (published.hls() != null && redone.contains(OutputFormat.PREVIEW_MP3_128)) {
      keys.addAll(published.hls().keys());
    }
    return List.copyOf(keys);
  }

  /** The source as validated, from its manifest entry: a re-process does not validate again. */
  static ValidatedSource validatedSource(TrackManifest.Source source) {
    return new ValidatedSource(
        source.probe(),
        source.tier(),
        source.decodedDurationSeconds(),
        source.decodedFrames(),
        source.pcmDigest());
  }

  /**
   * The version of the change that made deleting a track delete its waveform peaks ({@code
   * quality/waveform.dat}, which the manifest does not list): runs deleted before it deleted the
   * rest only.
   */
  static final String PEAKS_ON_DELETE = "waveform-peaks-deleted-with-track";

  /** The published quality report's waveform peaks; none when the track has no quality report. */
  public static List<String> peaksKeys(TrackManifest published) {
    TrackQuality quality = published.quality();
    return quality == null || quality.reportKey() == null
        ? List.of()
        : List.of(BlobKeys.qualitySibling(quality.reportKey(), BlobKeys.QualityAsset.PEAKS));
  }

  /**
   * Every object a published track owns, its manifest included: what deleting the track deletes.
   */
  public static List<String> ownedKeys(TrackManifest published) {
    List<String> keys = new ArrayList<>();
    published.outputs().forEach(o -> keys.add(o.key()));
    if (published.metadata() != null && published.metadata().artwork() != null) {
      keys.add(published.metadata().artwork().key());
    }
    if (published.analysis() != null) {
      keys.add(published.analysis().assetKey());
    }
    TrackQuality quality = published.quality();
    if (quality != null) {
      Stream.of(
              quality.reportKey(),
              quality.pageKey(),
              quality.waveformKey(),
              quality.spectrogramKey())
          .filter(Objects::nonNull)
          .forEach(keys::add);
    }
    if (published.preview() != null && published.preview().watermarked()) {
      keys.add(BlobKeys.watermarkRegistryKey(published.preview().payloadId()));
    }
    if (published.hls() != null) {
      keys.addAll(published.hls().keys());
    }
    keys.add(BlobKeys.manifestKey(published.trackId()));
    if (published.identification() != null) {
      keys.add(published.identification().fingerprintKey());
    }
    return keys;
  }

  /**
   * The keys a plan's lanes may write: its outputs and, with a preview, the registry object of the
   * preview's mark (one deletion, so that histories compensated before marks existed still replay).
   */
  static List<String> writableKeys(String trackId, OutputPlan plan, HlsLadderPlan previewLadder) {
    List<String> keys = new ArrayList<>(plan.outputs().stream().map(o -> o.key()).toList());
    if (plan.outputs().stream().anyMatch(o -> o.format() == OutputFormat.PREVIEW_MP3_128)) {
      keys.add(BlobKeys.watermarkRegistryKey(PreviewPayloads.forTrack(trackId)));
      if (previewLadder != null) {
        keys.addAll(previewLadder.keys());
      }
    }
    return List.copyOf(keys);
  }

  /** The manifest's preview section: the mark the preview's lane reported, if it reported one. */
  static TrackManifest.Preview previewOf(PreviewMark mark) {
    return mark == null
        ? new TrackManifest.Preview(false, null)
        : new TrackManifest.Preview(true, mark.payloadId());
  }

  /** "Title — Artist" from a source's tags; null when it has no title. */
  static String titleOf(TrackMetadata tags) {
    if (tags == null || tags.title() == null) {
      return null;
    }
    return tags.artist() == null ? tags.title() : tags.title() + " — " + tags.artist();
  }

  /**
   * Checks a re-process request against the published track before it reaches the history: it names
   * outputs, and each can be made from this source.
   */
  static void requirePlannable(TrackManifest published, ReprocessRequest request) {
    if (request == null || request.formats() == null || request.formats().isEmpty()) {
      throw new IllegalArgumentException("Name the outputs to re-process, e.g. [\"FLAC\"].");
    }
    for (OutputFormat format : request.formats()) {
      if (format == null) {
        throw new IllegalArgumentException("Unknown output format in " + request.formats());
      }
      boolean planned =
          OutputPlanner.plan(
                  published.trackId(),
                  published.version() + 1,
                  published.source().probe(),
                  EnumSet.of(format))
              .absent()
              .isEmpty();
      if (!planned) {
        throw new IllegalArgumentException(
            format + " cannot be made from this source: " + published.absentOutputs());
      }
    }
  }

  /** The outputs a request names; none named means every output. */
  static Set<OutputFormat> formatsOf(List<OutputFormat> formats) {
    return formats == null || formats.isEmpty()
        ? EnumSet.allOf(OutputFormat.class)
        : EnumSet.copyOf(formats);
  }
}
