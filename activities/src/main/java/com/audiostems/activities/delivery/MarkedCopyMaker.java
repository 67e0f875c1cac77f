package com.audiostems.activities.delivery;

import com.audiostems.activities.analysis.PcmDecoder;
import com.audiostems.activities.media.EncoderArguments;
import com.audiostems.activities.media.EncoderArguments.LaneOutput;
import com.audiostems.activities.media.FfmpegProgress;
import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.activities.media.MediaSettings;
import com.audiostems.activities.media.SampleConversion;
import com.audiostems.activities.media.SourceCopies;
import com.audiostems.activities.media.WorkDirectory;
import com.audiostems.activities.metadata.OutputTagger;
import com.audiostems.activities.watermark.HeartbeatingComputation;
import com.audiostems.activities.watermark.PcmBuffer;
import com.audiostems.activities.watermark.WatermarkKeyring;
import com.audiostems.activities.watermark.WatermarkRegistry;
import com.audiostems.dsp.watermark.Payload;
import com.audiostems.dsp.watermark.WatermarkEmbedder;
import com.audiostems.dsp.watermark.WatermarkKey;
import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.delivery.DeliveryKeys;
import com.audiostems.workflows.delivery.MarkedCopy;
import com.audiostems.workflows.delivery.MarkedCopyRequest;
import com.audiostems.workflows.licence.LicenceIds;
import com.audiostems.workflows.licence.LicencePayloads;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.OutputPlanner;
import com.audiostems.workflows.media.OutputSpec;
import com.audiostems.workflows.metadata.AnalysisTagsRequest;
import com.audiostems.workflows.metadata.TrackMetadata;
import com.audiostems.workflows.storage.StoredObject;
import com.audiostems.workflows.storage.TrackManifest;
import com.audiostems.workflows.watermark.WatermarkRegistration;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Makes a licensee's marked copy of one published output:
 *
 * <ol>
 *   <li>the master is the track's stored source ({@code manifest.source.key}), the file every
 *       published output was encoded from: decoding it through the same resampling ({@link
 *       SampleConversion#resampling}) and downmix gives the samples the published output was made
 *       of, one generation from the master, where a published lossless output may already be
 *       dithered down to 16 bits;
 *   <li>the licence's payload ({@link LicencePayloads#forLicence}) is embedded with the current
 *       key;
 *   <li>the copy is encoded with the published output's encoder settings ({@link EncoderArguments})
 *       at its measured rate, depth and channel count; a lossless copy from integers quantised here
 *       (triangular dither), so it holds exactly the marked samples;
 *   <li>the track's tags are written again ({@link OutputTagger}), the comment naming the licence;
 *   <li>the copy is stored, then the registry object (payload → licence, licensee, track), then the
 *       record with its SHA-256, last: a copy whose record exists is returned, never made twice.
 * </ol>
 *
 * The master is only read.
 */
final class MarkedCopyMaker {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(MarkedCopyMaker.class);
  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Shares of the reported progress at the end of decoding, marking and encoding. */
  private static final double DECODED = 0.3;

  private static final double MARKED = 0.55;
  private static final double ENCODED = 0.95;

  private final MediaProcessRunner runner;
  private final BlobStore store;
  private final OutputTagger tagger;
  private final WatermarkKeyring keys;
  private final PcmDecoder decoder;
  private final WatermarkRegistry registry;
  private final WatermarkEmbedder embedder = new WatermarkEmbedder();

  MarkedCopyMaker(
      MediaProcessRunner runner, BlobStore store, OutputTagger tagger, WatermarkKeyring keys) {
    this.runner = runner;
    this.store = store;
    this.tagger = tagger;
    this.keys = keys;
    this.decoder = new PcmDecoder(runner);
    this.registry = new WatermarkRegistry(store);
  }

  MarkedCopy make(MarkedCopyRequest request, DoubleConsumer progress) {
    requireValid(request);
    String copyKey = DeliveryKeys.copyKey(request.licenceId(), request.format());
    try {
      DeliveredCopyRecord existing = existing(request);
      if (existing != null) {
        progress.accept(1.0);
        return copyOf(existing, true);
      }
      requireSameTrack(request);
      TrackManifest manifest = PublishedTracks.manifest(store, request.trackId());
      EncodedOutput published = PublishedTracks.output(manifest, request.format());
      OutputSpec spec = specOf(manifest, published, copyKey);
      DeliveredCopyRecord made = encodeAndStore(request, manifest, spec, progress);
      progress.accept(1.0);
      return copyOf(made, false);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Making the "
              + request.format()
              + " copy of track "
              + request.trackId()
              + " for licence "
              + request.licenceId()
              + " failed: "
              + e.getMessage(),
          e);
    }
  }

  private static void requireValid(MarkedCopyRequest request) {
    if (request == null
        || !LicenceIds.isLicenceId(request.licenceId())
        || request.format() == null
        || request.licensee() == null
        || request.licensee().isBlank()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "A marked copy needs a licence id (30 hex digits), a licensee and a format; got "
              + request
              + ".",
          TrackFailures.INVALID_REQUEST);
    }
    com.audiostems.workflows.storage.BlobKeys.requireTrackId(request.trackId());
  }

  /**
   * A licence covers one track, and its payload names the licence alone: copies of another track
   * under the same licence would make the registry say the wrong track.
   */
  private void requireSameTrack(MarkedCopyRequest request) throws IOException {
    String payloadId = LicencePayloads.forLicence(request.licenceId());
    registry
        .lookUp(payloadId)
        .filter(r -> r.trackId() != null && !r.trackId().equals(request.trackId()))
        .ifPresent(
            r -> {
              throw ApplicationFailure.newNonRetryableFailure(
                  "Licence "
                      + request.licenceId()
                      + " covers track "
                      + r.trackId()
                      + ", not "
                      + request.trackId()
                      + "; grant a licence for that track.",
                  TrackFailures.INVALID_REQUEST);
            });
  }

  /** The record of a copy already made, when both it and the copy are stored. */
  private DeliveredCopyRecord existing(MarkedCopyRequest request) throws IOException {
    String recordKey = DeliveryKeys.recordKey(request.licenceId(), request.format());
    if (!store.exists(recordKey)
        || !store.exists(DeliveryKeys.copyKey(request.licenceId(), request.format()))) {
      return null;
    }
    try (InputStream in = store.open(recordKey)) {
      return JSON.readValue(in, DeliveredCopyRecord.class);
    }
  }

  /**
   * The published output's settings: its measured rate, depth and channels, the planner's bit rate
   * for its format; the copy's key in place of the output's.
   */
  private static OutputSpec specOf(TrackManifest manifest, EncodedOutput published, String key) {
    OutputSpec planned =
        OutputPlanner.plan(
                manifest.trackId(), manifest.source().probe(), EnumSet.of(published.format()))
            .outputs()
            .get(0);
    return new OutputSpec(
        published.format(),
        key,
        published.sampleRateHz(),
        published.format().lossless() ? published.bitDepth() : 0,
        published.channels(),
        planned.bitRateKbps());
  }

  private DeliveredCopyRecord encodeAndStore(
      MarkedCopyRequest request, TrackManifest manifest, OutputSpec spec, DoubleConsumer progress)
      throws IOException {
    MediaSettings media = runner.settings();
    String payloadId = LicencePayloads.forLicence(request.licenceId());
    WatermarkKey key = keys.current();
    try (WorkDirectory work =
            WorkDirectory.create(media.workDir(), "delivery-" + request.trackId() + "-");
        BlobStore.LocalCopy master =
            SourceCopies.open(store, manifest.source().key(), work.path())) {
      long started = System.nanoTime();
      float[][] original = decode(master.path(), manifest, spec, progress);
      long decoded = System.nanoTime();
      float[][] marked =
          HeartbeatingComputation.run(
              "licence-mark-" + request.licenceId(),
              () -> embedder.embed(original, spec.sampleRateHz(), Payload.ofHex(payloadId), key),
              DECODED,
              MARKED,
              progress);
      progress.accept(MARKED);
      long markedAt = System.nanoTime();

      Path file = work.path().resolve(spec.format().fileName());
      String markedPcmSha256 = encode(marked, new LaneOutput(spec, file), payloadId, progress);
      long encoded = System.nanoTime();
      tag(file, spec.format(), manifest, request.licenceId(), work.path());
      long tagged = System.nanoTime();

      StoredObject stored = store.store(spec.key(), file);
      try {
        registry.register(
            new WatermarkRegistration(
                WatermarkRegistration.SCHEMA,
                payloadId,
                manifest.trackId(),
                WatermarkRegistration.KIND_LICENCE,
                manifest.version(),
                key.id(),
                DeliveryKeys.licencePrefix(request.licenceId()),
                0,
                request.licenceId(),
                request.licensee()));
        DeliveredCopyRecord record =
            new DeliveredCopyRecord(
                DeliveredCopyRecord.SCHEMA,
                request.licenceId(),
                request.licensee(),
                manifest.trackId(),
                manifest.version(),
                spec.format(),
                stored.key(),
                stored.sha256(),
                stored.bytes(),
                payloadId,
                key.id(),
                manifest.source().key(),
                "marked",
                markedPcmSha256,
                Instant.now().toString());
        store.storeBytes(
            DeliveryKeys.recordKey(request.licenceId(), spec.format()),
            JSON.writeValueAsBytes(record));
        log.info(
            "Marked {} copy of track {} for licence {}: decode {} s, mark {} s, encode {} s, tag {}"
                + " s, store {} s",
            spec.format(),
            manifest.trackId(),
            request.licenceId(),
            seconds(started, decoded),
            seconds(decoded, markedAt),
            seconds(markedAt, encoded),
            seconds(encoded, tagged),
            seconds(tagged, System.nanoTime()));
        return record;
      } catch (IOException | RuntimeException e) {
        // A copy without its record is never handed out; do not leave it for a reader to find.
        store.delete(spec.key());
        throw e;
      }
    }
  }

  /** The master as the published output's encoder was fed it: resampled, downmixed. */
  private float[][] decode(
      Path master, TrackManifest manifest, OutputSpec spec, DoubleConsumer progress)
      throws IOException {
    MediaSettings media = runner.settings();
    double seconds = manifest.source().probe().durationSeconds();
    PcmBuffer pcm =
        new PcmBuffer(
            spec.channels(),
            spec.sampleRateHz(),
            (long) (seconds * spec.sampleRateHz()),
            (long) (media.maxDurationSeconds() * spec.sampleRateHz()) + spec.sampleRateHz());
    decoder.decodeThrough(
        master,
        SampleConversion.resampling(manifest.source().probe().sampleRateHz(), spec).orElse(null),
        spec.channels(),
        seconds * spec.sampleRateHz(),
        "for a licensed copy",
        pcm,
        f -> progress.accept(DECODED * f));
    progress.accept(DECODED);
    return pcm.channels();
  }

  /**
   * @return for a lossless copy, the SHA-256 of the quantised samples it holds; null for a lossy
   *     one
   */
  private String encode(
      float[][] marked, LaneOutput output, String payloadId, DoubleConsumer progress)
      throws IOException {
    MediaSettings media = runner.settings();
    OutputSpec spec = output.spec();
    PcmPipe.Quantiser quantiser =
        spec.format().lossless()
            ? new PcmPipe.Quantiser(
                spec.bitDepth(), HexFormat.fromHexDigitsToLong(payloadId.substring(16)))
            : null;
    List<String> command = runner.ffmpegCommand();
    command.addAll(
        quantiser == null
            ? EncoderArguments.fromPcmPipe(output, media.maxOutputBytes())
            : EncoderArguments.fromIntegerPcmPipe(output, media.maxOutputBytes()));
    double seconds = Math.max(1e-9, (double) marked[0].length / spec.sampleRateHz());
    MediaProcessRunner.Result result =
        runner.run(
            command,
            media.ffmpegTimeout(),
            stdin -> {
              if (quantiser == null) {
                PcmPipe.writeFloats(marked, stdin);
              } else {
                quantiser.write(marked, stdin);
              }
            },
            stdout ->
                FfmpegProgress.read(
                    stdout,
                    micros ->
                        progress.accept(
                            MARKED
                                + (ENCODED - MARKED)
                                    * Math.max(0, Math.min(1, micros / 1e6 / seconds)))));
    if (!result.succeeded()) {
      throw new IOException(
          "ffmpeg could not encode the marked copy (exit "
              + result.exitCode()
              + "): "
              + result.stderrTail());
    }
    Path file = output.file();
    if (!Files.isRegularFile(file)) {
      throw new IOException("ffmpeg wrote no " + spec.format() + " copy");
    }
    if (Files.size(file) >= media.maxOutputBytes()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The marked "
              + spec.format()
              + " copy reached the output size limit of "
              + media.maxOutputBytes()
              + " bytes and was cut off; raise the limit (maxOutputBytes) to deliver it.",
          TrackFailures.MEDIA_TOOL_LIMIT);
    }
    progress.accept(ENCODED);
    return quantiser == null ? null : quantiser.samplesSha256();
  }

  /** The published tags again, BPM and key included, with the licence in the comment. */
  private void tag(
      Path file, OutputFormat format, TrackManifest manifest, String licenceId, Path workDir)
      throws IOException {
    TrackMetadata published =
        manifest.metadata() == null ? TrackMetadata.empty() : manifest.metadata();
    TrackMetadata metadata = withLicenceComment(published, licenceId);
    try (BlobStore.LocalCopy artwork =
        metadata.artwork() == null ? null : store.localCopy(metadata.artwork().key(), workDir)) {
      tagger.tag(file, format, metadata, artwork == null ? null : artwork.path());
    }
    tagger.tagAnalysis(
        file,
        format,
        AnalysisTagsRequest.bpmOf(manifest.analysis()),
        AnalysisTagsRequest.initialKeyOf(manifest.analysis()));
  }

  /**
   * The comment of a delivered copy: the licence it was delivered under, after any of the track's.
   */
  static TrackMetadata withLicenceComment(TrackMetadata m, String licenceId) {
    String licence = "AudioStems licence " + licenceId;
    String comment =
        m.comment() == null || m.comment().isBlank() ? licence : m.comment() + " | " + licence;
    return new TrackMetadata(
        m.title(),
        m.artist(),
        m.album(),
        m.isrc(),
        m.composer(),
        m.publisher(),
        m.genre(),
        m.year(),
        comment,
        m.artwork(),
        m.bext(),
        m.ixml());
  }

  private static String seconds(long fromNanos, long toNanos) {
    return String.format(java.util.Locale.ROOT, "%.2f", (toNanos - fromNanos) / 1e9);
  }

  private static MarkedCopy copyOf(DeliveredCopyRecord record, boolean reused) {
    return new MarkedCopy(
        record.licenceId(),
        record.format(),
        record.key(),
        record.sha256(),
        record.bytes(),
        record.payloadId(),
        record.keyId(),
        reused);
  }
}
