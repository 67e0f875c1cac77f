package com.audiostems.activities.media;

import com.audiostems.activities.analysis.PcmDecoder;
import com.audiostems.activities.watermark.WatermarkRegistry;
import com.audiostems.dsp.loudness.LoudnessMeasurement;
import com.audiostems.dsp.loudness.LoudnessMeter;
import com.audiostems.storage.BlobStore;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.analysis.TrackAnalysis;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.OutputCheck;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.media.ValidatedSource;
import com.audiostems.workflows.media.VerificationReport;
import com.audiostems.workflows.media.VerifyRequest;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.watermark.PreviewPayloads;
import com.audiostems.workflows.watermark.WatermarkRegistration;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import java.util.stream.Collectors;

/**
 * Decodes every stored output in full and checks it against the source.
 *
 * <p>Each output must first be the very object the encoder stored (same size and SHA-256), so that
 * what is verified is what the manifest describes. Then, by {@link BitExactRule}: outputs that must
 * carry the source's samples are compared by the digest of their decoded PCM with the digest
 * validation took of the source ({@value #BIT_EXACT}); the others must decode without errors to
 * within {@link DurationTolerance} of the source's decoded length ({@value #DURATION}). The source
 * itself is not read again.
 *
 * <p>A watermarked preview is not meant to sound like the source alone: its audible tag can move a
 * quiet track's loudness by more than the encoder may. Its loudness is held to that of the PCM that
 * went into its encoder (tag and mark included), which the encode lane recorded in the mark's
 * registry object; the clipping rule stays the source's. Likewise an output with fewer channels
 * than the source is held to the loudness of the downmix its encoder was given ({@link
 * DownmixLoudness}), not to the multichannel source's.
 */
public final class OutputVerifier {
  static final String BIT_EXACT = "pcm-bit-exact";
  static final String DURATION = "duration";
  static final String LOUDNESS = "loudness";

  /**
   * A lossy or resampled output may move the programme loudness by this much at most (issue: QC).
   */
  static final double MAX_LOUDNESS_CHANGE_LU = 0.5;

  /**
   * The peak, as a share of full scale, above which an encoder is not given the source's level:
   * ffmpeg's AAC encoder scales down every window whose input peaks above 0.95 (its clip avoidance,
   * CLIP_AVOIDANCE_FACTOR in aacenc), and the fixed-point encoders (LAME is fed s32, the lossless
   * ones s16/s32) flatten samples beyond full scale. A source peaking at p above it can therefore
   * come out quieter by up to 20·log10(p / 0.95) dB, and no louder: a −2 LUFS source clipped at
   * +0.7 dBFS measured 1.4 LU quieter in AAC and 0.8 LU in the 128k preview.
   */
  static final double ENCODER_HEADROOM_PEAK = 0.95;

  /**
   * Consecutive samples at or beyond full scale that make a clip: a fixed-point playback chain
   * flattens them. Single overs are the codec's ringing and are rounded off by a player's headroom.
   */
  static final int CLIP_RUN_SAMPLES = 3;

  private final MediaProcessRunner runner;
  private final BlobStore store;
  private final FullDecode decoder;
  private final PcmDecoder pcm;
  private final WatermarkRegistry registry;
  private final DownmixLoudness downmix;

  public OutputVerifier(MediaProcessRunner runner, BlobStore store) {
    this.runner = runner;
    this.store = store;
    this.decoder = new FullDecode(runner);
    this.pcm = new PcmDecoder(runner);
    this.registry = new WatermarkRegistry(store);
    this.downmix = new DownmixLoudness(pcm);
  }

  /**
   * @param progressFraction receives 0..1, monotonic, a few times a second at most; what it throws
   *     propagates
   * @return a passed check per output, in the request's order
   * @throws ApplicationFailure non-retryable {@link TrackFailures#OUTPUT_VERIFICATION_FAILED}
   *     naming every output that failed, with what was expected and what was measured
   */
  public VerificationReport verify(VerifyRequest request, DoubleConsumer progressFraction) {
    try {
      return verify(request, new ProgressThrottle(progressFraction));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Verifying the outputs of track " + request.trackId() + " failed: " + e.getMessage(), e);
    }
  }

  private VerificationReport verify(VerifyRequest request, ProgressThrottle progress)
      throws IOException {
    String trackId = BlobKeys.requireTrackId(request.trackId());
    List<EncodedOutput> outputs = request.outputs();
    ValidatedSource validated = request.source();
    SourcePcm source =
        new SourcePcm(
            validated.pcmDigest(), validated.decodedFrames(), validated.probe().sampleRateHz());
    try (WorkDirectory work =
        WorkDirectory.create(runner.settings().workDir(), "verify-" + trackId + "-")) {
      List<OutputCheck> checks = new ArrayList<>();
      for (int i = 0; i < outputs.size(); i++) {
        int step = i;
        checks.addAll(
            check(
                trackId,
                validated.probe(),
                source,
                request.sourceLoudness(),
                request.sourceKey(),
                outputs.get(i),
                work.path(),
                f -> progress.accept((step + f) / outputs.size())));
      }
      List<String> failures =
          checks.stream()
              .filter(c -> !c.passed())
              .map(
                  c ->
                      c.format()
                          + " ("
                          + keyOf(outputs, c)
                          + ") failed "
                          + c.method()
                          + ": "
                          + c.detail())
              .toList();
      if (!failures.isEmpty()) {
        throw ApplicationFailure.newNonRetryableFailure(
            "Verification of track "
                + trackId
                + "'s outputs failed: "
                + String.join("; ", failures),
            TrackFailures.OUTPUT_VERIFICATION_FAILED);
      }
      progress.accept(1.0);
      return new VerificationReport(List.copyOf(checks));
    }
  }

  /**
   * The source as validation decoded it: the digest of its s32le PCM, and its length in frames at
   * its decoded rate.
   */
  private record SourcePcm(String digest, long frames, int sampleRateHz) {
    double seconds() {
      return (double) frames / sampleRateHz;
    }
  }

  private List<OutputCheck> check(
      String trackId,
      SourceProbe sourceProbe,
      SourcePcm source,
      TrackAnalysis.Loudness sourceLoudness,
      String sourceKey,
      EncodedOutput output,
      Path workDir,
      DoubleConsumer fraction)
      throws IOException {
    String method =
        BitExactRule.applies(sourceProbe, output.format(), output.sampleRateHz(), output.bitDepth())
            ? BIT_EXACT
            : DURATION;
    BlobStore.LocalCopy stored;
    try {
      stored = store.localCopy(output.key(), workDir);
    } catch (NoSuchFileException e) {
      return List.of(
          new OutputCheck(
              output.format(), method, false, "the stored object " + output.key() + " is missing"));
    }
    try (BlobStore.LocalCopy file = stored) {
      long bytes = Files.size(file.path());
      String sha256 = LocalBlobStore.sha256Of(file.path());
      if (bytes != output.bytes() || !sha256.equals(output.sha256())) {
        return List.of(
            new OutputCheck(
                output.format(),
                method,
                false,
                String.format(
                    Locale.ROOT,
                    "the stored object is not the one encoded: expected %d bytes with SHA-256 %s, found %d bytes with %s",
                    output.bytes(),
                    output.sha256(),
                    bytes,
                    sha256)));
      }
      FullDecode.Outcome decoded =
          decoder.decode(
              file.path(),
              "0:a:0",
              0,
              FullDecode.Strictness.STRICT,
              seconds ->
                  fraction.accept(
                      output.durationSeconds() > 0
                          ? Math.min(1, seconds / output.durationSeconds())
                          : 0));
      if (!decoded.clean()) {
        return List.of(
            new OutputCheck(
                output.format(), method, false, "does not decode cleanly: " + decoded.errors()));
      }
      long frames = decoded.frames(output.sampleRateHz());
      if (method.equals(BIT_EXACT)) {
        return List.of(bitExact(output, source, decoded.pcmDigest(), frames));
      }
      OutputCheck length = duration(output, source, frames);
      if (sourceLoudness == null || !Double.isFinite(sourceLoudness.integratedLufs())) {
        return List.of(length);
      }
      Optional<LoudnessReference> reference =
          loudnessReference(trackId, sourceProbe, sourceKey, output, sourceLoudness, workDir);
      if (reference.isEmpty()) {
        return List.of(length);
      }
      return List.of(length, loudness(output, file.path(), reference.get()));
    }
  }

  /**
   * What an output's integrated loudness must match, the sample peak of what its encoder was given
   * (which sets the encoders' allowed gain loss and whether new clipping is the encoder's doing),
   * and the words the check's detail uses for it.
   */
  private record LoudnessReference(double integratedLufs, double samplePeakDbfs, String what) {}

  /**
   * What the output's encoder was given: for a watermarked preview, its marked PCM, when the
   * registry object of its mark names this very output; for an output with fewer channels than the
   * source, the source's downmix ({@link DownmixLoudness}), measured from the source, or nothing to
   * compare with when the request names no source (requests from before it did); else the source.
   * Holding a downmix to its multichannel source's loudness failed every 3.0, quad, 5.1 and 7.1
   * source (issue 15), while the tolerance stays as strict for what the encoder really changes.
   */
  private Optional<LoudnessReference> loudnessReference(
      String trackId,
      SourceProbe sourceProbe,
      String sourceKey,
      EncodedOutput output,
      TrackAnalysis.Loudness source,
      Path workDir)
      throws IOException {
    if (output.format() == OutputFormat.PREVIEW_MP3_128) {
      Optional<WatermarkRegistration> mark = registry.lookUp(PreviewPayloads.forTrack(trackId));
      if (mark.isPresent()
          && output.key().equals(mark.get().outputKey())
          && Double.isFinite(mark.get().markedIntegratedLufs())) {
        // The clipping rule stays the source's: the mark is not meant to clip.
        return Optional.of(
            new LoudnessReference(
                mark.get().markedIntegratedLufs(),
                source.samplePeakDbfs(),
                "the tagged and marked preview PCM's"));
      }
    }
    if (output.channels() > 0 && output.channels() < sourceProbe.channels()) {
      if (sourceKey == null) {
        return Optional.empty();
      }
      try (BlobStore.LocalCopy copy = store.localCopy(sourceKey, workDir)) {
        LoudnessMeasurement measured =
            downmix.measure(copy.path(), sourceProbe, output.channels(), f -> {});
        return Optional.of(
            new LoudnessReference(
                measured.integratedLufs(),
                measured.samplePeakDbfs(),
                String.format(
                    Locale.ROOT,
                    "the %d-channel source's %d-channel downmix's",
                    sourceProbe.channels(),
                    output.channels())));
      }
    }
    return Optional.of(
        new LoudnessReference(source.integratedLufs(), source.samplePeakDbfs(), "the source's"));
  }

  /**
   * An output that is not the source's samples must sound as loud ({@link #MAX_LOUDNESS_CHANGE_LU})
   * and must not clip where the source did not: its decoded samples, measured with the same BS.1770
   * meter as the source.
   */
  private OutputCheck loudness(EncodedOutput output, Path file, LoudnessReference reference)
      throws IOException {
    int channels = Math.max(1, output.channels());
    SourceProbe probe =
        new SourceProbe(
            "",
            output.codec(),
            0,
            output.sampleRateHz(),
            output.bitDepth(),
            "flt",
            channels,
            "",
            output.durationSeconds(),
            output.bitRateBps(),
            output.bytes(),
            false,
            false);
    LoudnessMeter meter = new LoudnessMeter(PcmDecoder.decodeRateHz(probe), channels);
    ClipRuns clips = new ClipRuns(channels);
    pcm.decode(
        file,
        probe,
        (block, frames) -> {
          meter.accept(block, frames);
          clips.accept(block, frames);
        },
        f -> {});
    LoudnessMeasurement measured = meter.result();
    double change = measured.integratedLufs() - reference.integratedLufs();
    double encoderGainLossDb = encoderGainLossDb(reference.samplePeakDbfs());
    boolean loudnessKept =
        Double.isFinite(change)
            && change <= MAX_LOUDNESS_CHANGE_LU
            && change >= -(MAX_LOUDNESS_CHANGE_LU + encoderGainLossDb);
    // The source's own clips are not the encoder's doing: only a source with headroom is held to
    // it.
    boolean sourceHadHeadroom = reference.samplePeakDbfs() < -0.01;
    boolean newClipping = sourceHadHeadroom && clips.runs() > 0;
    String detail =
        String.format(
            Locale.ROOT,
            "integrated %.2f LUFS against %s %.2f LUFS (%+.2f LU, %s allowed); sample peak %.2f dBFS;"
                + " %d runs of %d+ samples at full scale%s",
            measured.integratedLufs(),
            reference.what(),
            reference.integratedLufs(),
            change,
            allowedChange(reference.samplePeakDbfs(), encoderGainLossDb),
            measured.samplePeakDbfs(),
            clips.runs(),
            CLIP_RUN_SAMPLES,
            newClipping ? " where the source had none: the encode clips" : "");
    return new OutputCheck(output.format(), LOUDNESS, loudnessKept && !newClipping, detail);
  }

  /**
   * How much gain the encoders may take off a source peaking at {@code samplePeakDbfs}: see {@link
   * #ENCODER_HEADROOM_PEAK}.
   */
  static double encoderGainLossDb(double samplePeakDbfs) {
    double headroomDbfs = 20 * Math.log10(ENCODER_HEADROOM_PEAK);
    return Double.isFinite(samplePeakDbfs) ? Math.max(0, samplePeakDbfs - headroomDbfs) : 0;
  }

  private static String allowedChange(double samplePeakDbfs, double encoderGainLossDb) {
    if (encoderGainLossDb <= 0) {
      return String.format(Locale.ROOT, "%.1f", MAX_LOUDNESS_CHANGE_LU);
    }
    return String.format(
        Locale.ROOT,
        "+%.1f/-%.2f: what the encoder was given peaks at %+.2f dBFS, where the AAC encoder turns"
            + " windows down and fixed-point encoders clip",
        MAX_LOUDNESS_CHANGE_LU,
        MAX_LOUDNESS_CHANGE_LU + encoderGainLossDb,
        samplePeakDbfs);
  }

  /**
   * Counts runs of {@link #CLIP_RUN_SAMPLES} or more consecutive samples at or beyond full scale.
   */
  private static final class ClipRuns {
    private final int[] current;
    private long runs;

    ClipRuns(int channels) {
      current = new int[channels];
    }

    void accept(float[][] block, int frames) {
      for (int c = 0; c < block.length; c++) {
        float[] x = block[c];
        int run = current[c];
        for (int i = 0; i < frames; i++) {
          if (Math.abs(x[i]) >= 1.0f) {
            if (++run == CLIP_RUN_SAMPLES) {
              runs++;
            }
          } else {
            run = 0;
          }
        }
        current[c] = run;
      }
    }

    long runs() {
      return runs;
    }
  }

  private static OutputCheck bitExact(
      EncodedOutput output, SourcePcm source, String pcmDigest, long frames) {
    // Equal digests over the whole s32le stream mean equal samples, and so equal length.
    boolean passed = source.digest() != null && source.digest().equals(pcmDigest);
    String detail =
        passed
            ? String.format(
                Locale.ROOT,
                "decoded PCM identical to the source's: %d frames at %d Hz, %d channels, %d-bit (s32le "
                    + FullDecode.DIGEST
                    + " %s)",
                frames,
                output.sampleRateHz(),
                output.channels(),
                output.bitDepth(),
                pcmDigest)
            : String.format(
                Locale.ROOT,
                "decoded PCM differs from the source's: expected %d frames with s32le "
                    + FullDecode.DIGEST
                    + " %s,"
                    + " measured %d frames with %s",
                source.frames(),
                source.digest(),
                frames,
                pcmDigest);
    return new OutputCheck(output.format(), BIT_EXACT, passed, detail);
  }

  private static OutputCheck duration(EncodedOutput output, SourcePcm source, long frames) {
    int rate = output.sampleRateHz();
    // Frames times rate over rate, not seconds times rate: 58799 / 44100 * 44100 is
    // 58799.000000000007,
    // which failed a lossless output of exactly 58799 frames against its 0 allowed.
    double expectedFrames =
        source.sampleRateHz() > 0 ? (double) source.frames() * rate / source.sampleRateHz() : 0;
    double difference = frames - expectedFrames;
    int allowed = DurationTolerance.frames(output.format(), rate != source.sampleRateHz());
    boolean passed = rate > 0 && Math.abs(difference) <= allowed;
    String detail =
        String.format(
            Locale.ROOT,
            "decoded %.6f s (%d frames at %d Hz) against the source's %.6f s (%d frames at %d Hz): %+.1f frames,"
                + " %d allowed",
            rate > 0 ? (double) frames / rate : 0,
            frames,
            rate,
            source.seconds(),
            source.frames(),
            source.sampleRateHz(),
            difference,
            allowed);
    return new OutputCheck(output.format(), DURATION, passed, detail);
  }

  private static String keyOf(List<EncodedOutput> outputs, OutputCheck check) {
    return outputs.stream()
        .filter(o -> o.format() == check.format())
        .map(EncodedOutput::key)
        .collect(Collectors.joining(", "));
  }
}
