package com.audiostems.activities.media;

import com.audiostems.activities.media.EncoderArguments.LaneOutput;
import com.audiostems.activities.metadata.OutputTagger;
import com.audiostems.activities.storage.StorageFailures;
import com.audiostems.activities.watermark.PreviewWatermarker;
import com.audiostems.activities.watermark.WatermarkRegistry;
import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.media.EncodeLaneRequest;
import com.audiostems.workflows.media.EncodeLaneResult;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.HlsLadder;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.OutputSpec;
import com.audiostems.workflows.metadata.TrackMetadata;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.StoredObject;
import com.audiostems.workflows.watermark.PreviewMark;
import com.audiostems.workflows.watermark.WatermarkRegistration;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Encodes one lane: a single ffmpeg process decodes the source once and writes every output of the
 * lane; each output is then tagged, measured with ffprobe and stored.
 *
 * <p>Nothing is stored until every output of the lane is encoded, tagged and measured, so a lane
 * that fails or is cancelled on the way leaves nothing in the store; its scratch directory is
 * always removed. A failure while storing can leave the outputs stored before it: they are not
 * deleted here, where that could race a retry of the lane writing the same keys, but by the
 * workflow's compensation.
 *
 * <p>With a {@link PreviewWatermarker}, the preview leaves the lane's ffmpeg process: it is decoded
 * to PCM, tagged and marked in Java and encoded from a pipe, and a registry object for its mark is
 * stored after it. The lane's other outputs stay in the one ffmpeg process.
 */
public final class OutputEncoder {
  /**
   * Share of the reported progress that ffmpeg's run accounts for; tagging and probing get the
   * rest.
   */
  private static final double FFMPEG_SHARE = 0.95;

  private final MediaProcessRunner runner;
  private final BlobStore store;
  private final OutputTagger tagger;
  private final AudioFileProbe probe;

  /** Null: previews are encoded like any other output, unmarked. */
  private final PreviewWatermarker watermarker;

  private final WatermarkRegistry registry;

  /** An encoder whose previews carry no watermark (the manifest then says so). */
  public OutputEncoder(MediaProcessRunner runner, BlobStore store, OutputTagger tagger) {
    this(runner, store, tagger, null);
  }

  public OutputEncoder(
      MediaProcessRunner runner,
      BlobStore store,
      OutputTagger tagger,
      PreviewWatermarker watermarker) {
    this.runner = runner;
    this.store = store;
    this.tagger = tagger;
    this.probe = new AudioFileProbe(runner);
    this.watermarker = watermarker;
    this.registry = new WatermarkRegistry(store);
  }

  /**
   * @param progressFraction receives 0..1, monotonic, a few times a second at most; if it throws
   *     (the activity was cancelled), ffmpeg is killed, the scratch files are removed and the
   *     exception propagates
   * @return the stored outputs, as measured, in the request's order
   */
  public EncodeLaneResult encodeLane(EncodeLaneRequest request, DoubleConsumer progressFraction) {
    try {
      return encode(request, new ProgressThrottle(progressFraction));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Encoding "
              + formats(request.outputs())
              + " of track "
              + request.trackId()
              + " failed: "
              + e.getMessage(),
          e);
    }
  }

  private EncodeLaneResult encode(EncodeLaneRequest request, DoubleConsumer progress)
      throws IOException {
    MediaSettings settings = runner.settings();
    String trackId = BlobKeys.requireTrackId(request.trackId());
    TrackMetadata metadata =
        request.metadata() == null ? TrackMetadata.empty() : request.metadata();
    if (request.outputs().isEmpty()) {
      return new EncodeLaneResult(List.of(), 0);
    }
    // Checked before the work rather than when storing after it.
    request.outputs().forEach(spec -> StorageFailures.requireSafe(spec.key()));
    if (request.previewLadder() != null) {
      requireLadderPlan(request);
    }
    if (request.outputs().stream().map(OutputSpec::format).distinct().count()
        < request.outputs().size()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The lane asks for the same format twice: " + formats(request.outputs()),
          TrackFailures.INVALID_REQUEST);
    }
    try (WorkDirectory work = WorkDirectory.create(settings.workDir(), "encode-" + trackId + "-");
        BlobStore.LocalCopy source = SourceCopies.open(store, request.sourceKey(), work.path())) {
      List<LaneOutput> files =
          request.outputs().stream()
              .map(s -> new LaneOutput(s, work.path().resolve(s.format().fileName())))
              .toList();
      List<LaneOutput> marked = files.stream().filter(f -> isMarked(f.spec())).toList();
      List<LaneOutput> piped = files.stream().filter(f -> !isMarked(f.spec())).toList();

      // The encoders' share of progress, split by how many outputs each path makes.
      double pipedShare = (double) piped.size() / files.size();
      double ffmpegSeconds =
          piped.isEmpty()
              ? 0
              : runFfmpeg(request, source.path(), piped, f -> progress.accept(pipedShare * f));
      PreviewWatermarker.MarkedPreview mark = null;
      if (!marked.isEmpty()) {
        mark =
            watermarker.encode(
                source.path(),
                request.source().durationSeconds(),
                marked.get(0),
                trackId,
                request.previewLadder(),
                work.path().resolve("hls"),
                f -> progress.accept(FFMPEG_SHARE * (pipedShare + (1 - pipedShare) * f)));
        ffmpegSeconds += mark.ffmpegSeconds();
      }
      for (LaneOutput file : files) {
        requireBelowSizeLimit(trackId, file, settings.maxOutputBytes());
      }
      List<MeasuredAudio> measured = tagAndMeasure(files, metadata, work.path(), progress);
      List<EncodedOutput> outputs = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        outputs.add(storeOutput(files.get(i), measured.get(i)));
      }
      PreviewMark previewMark = mark == null ? null : register(trackId, marked.get(0).spec(), mark);
      HlsLadder ladder = mark == null ? null : storeLadder(mark.ladder());
      return new EncodeLaneResult(List.copyOf(outputs), ffmpegSeconds, previewMark, ladder);
    }
  }

  /**
   * A ladder comes from the marked preview's samples: a request for one needs the preview in the
   * lane and a watermarker to mark it, and its keys must be safe.
   */
  private void requireLadderPlan(EncodeLaneRequest request) {
    boolean markedPreview = request.outputs().stream().anyMatch(this::isMarked);
    if (!markedPreview) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The lane asks for an HLS ladder of the preview, but "
              + (watermarker == null
                  ? "this worker has no watermark keys configured, so it makes no marked preview."
                  : "it has no preview to make it from: " + formats(request.outputs())),
          TrackFailures.INVALID_REQUEST);
    }
    request.previewLadder().keys().forEach(StorageFailures::requireSafe);
  }

  /**
   * The ladder's files, the master playlist last: a reader who finds the master finds every file it
   * leads to.
   */
  private HlsLadder storeLadder(HlsLadderEncoder.Ladder ladder) throws IOException {
    if (ladder == null) {
      return null;
    }
    for (HlsLadderEncoder.LadderFile file : ladder.files()) {
      store.store(file.key(), file.file());
    }
    return ladder.ladder();
  }

  private boolean isMarked(OutputSpec spec) {
    return watermarker != null && spec.format() == OutputFormat.PREVIEW_MP3_128;
  }

  /**
   * The registry object of the stored preview's mark: what a detection of its payload leads back
   * to.
   */
  private PreviewMark register(
      String trackId, OutputSpec preview, PreviewWatermarker.MarkedPreview mark)
      throws IOException {
    String key =
        registry.register(
            new WatermarkRegistration(
                WatermarkRegistration.SCHEMA,
                mark.payloadId(),
                trackId,
                "preview",
                BlobKeys.versionOfOutputKey(preview.key()),
                mark.keyId(),
                preview.key(),
                mark.markedIntegratedLufs()));
    return new PreviewMark(mark.payloadId(), mark.keyId(), key);
  }

  /**
   * @return how long ffmpeg ran, in seconds
   */
  private double runFfmpeg(
      EncodeLaneRequest request, Path sourceFile, List<LaneOutput> files, DoubleConsumer progress)
      throws IOException {
    MediaSettings settings = runner.settings();
    List<String> command = runner.ffmpegCommand();
    command.addAll(
        EncoderArguments.lane(sourceFile, request.source(), files, settings.maxOutputBytes()));
    long started = System.nanoTime();
    MediaProcessRunner.Result result =
        runner.run(
            command,
            settings.ffmpegTimeout(),
            stdout -> reportProgress(stdout, request.source().durationSeconds(), progress));
    double seconds = (System.nanoTime() - started) / 1e9;
    if (!result.succeeded()) {
      throw new IOException("ffmpeg exited with " + result.exitCode() + ": " + result.stderrTail());
    }
    return seconds;
  }

  /**
   * The lane's position as a share of the source's duration: ffmpeg's out_time is that of the
   * furthest output, which can start below zero (encoder priming) or run past the end (MP3
   * padding), hence the clamp.
   */
  private static void reportProgress(
      InputStream stdout, double sourceSeconds, DoubleConsumer progress) throws IOException {
    FfmpegProgress.read(
        stdout,
        micros -> {
          if (sourceSeconds > 0) {
            progress.accept(FFMPEG_SHARE * Math.max(0, Math.min(1, micros / 1e6 / sourceSeconds)));
          }
        });
    progress.accept(FFMPEG_SHARE);
  }

  private List<MeasuredAudio> tagAndMeasure(
      List<LaneOutput> files, TrackMetadata metadata, Path workDir, DoubleConsumer progress)
      throws IOException {
    List<MeasuredAudio> measured = new ArrayList<>();
    try (BlobStore.LocalCopy artwork =
        metadata.artwork() == null ? null : store.localCopy(metadata.artwork().key(), workDir)) {
      for (LaneOutput file : files) {
        tagger.tag(
            file.file(), file.spec().format(), metadata, artwork == null ? null : artwork.path());
        measured.add(probe.measure(file.file()));
        progress.accept(FFMPEG_SHARE + (1 - FFMPEG_SHARE) * measured.size() / files.size());
      }
    }
    return measured;
  }

  private EncodedOutput storeOutput(LaneOutput file, MeasuredAudio audio) throws IOException {
    OutputSpec spec = file.spec();
    StoredObject stored = store.store(spec.key(), file.file());
    return new EncodedOutput(
        spec.format(),
        spec.key(),
        audio.codec(),
        audio.bitRateBps(),
        audio.sampleRateHz(),
        spec.format().lossless() ? audio.bitsPerSample() : 0,
        audio.channels(),
        audio.durationSeconds(),
        stored.bytes(),
        stored.sha256());
  }

  /**
   * ffmpeg's -fs ends an output quietly once it reaches the limit, so a file that got there is
   * taken as cut short.
   */
  private static void requireBelowSizeLimit(String trackId, LaneOutput file, long maxOutputBytes)
      throws IOException {
    if (!Files.isRegularFile(file.file())) {
      throw new IOException("ffmpeg wrote no " + file.spec().format() + " output");
    }
    long size = Files.size(file.file());
    if (size >= maxOutputBytes) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The "
              + file.spec().format()
              + " output of track "
              + trackId
              + " reached the output size limit of "
              + maxOutputBytes
              + " bytes and was cut off; the source may be far longer than it claims, or the limit"
              + " (maxOutputBytes) too low for it.",
          TrackFailures.MEDIA_TOOL_LIMIT);
    }
  }

  private static String formats(List<OutputSpec> outputs) {
    return outputs.stream().map(o -> o.format().name()).toList().toString();
  }
}
