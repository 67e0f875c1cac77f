package com.audiostems.activities.media;

import com.audiostems.activities.storage.StorageFailures;
import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.media.ProbeRequest;
import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.media.ValidateRequest;
import com.audiostems.workflows.media.ValidatedSource;
import com.google.gson.JsonParseException;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import java.util.stream.Collectors;
import net.bramp.ffmpeg.FFmpegException;
import net.bramp.ffmpeg.probe.FFmpegProbeResult;
import net.bramp.ffmpeg.probe.FFmpegStream;
import net.bramp.ffmpeg.shared.CodecType;

/**
 * Source inspection, the first two stages of a track: {@link #probe} reads what the container says
 * about its first audio stream; {@link #validate} holds that against the limits, the header against
 * the bytes present, and the container's length against a complete decode, then sets the tier.
 * Every rejection is a non-retryable failure from {@link SourceRejections}.
 */
public final class SourceInspector {
  /**
   * Lossless containers state their length exactly (DSF rounds it up to a 4096-byte block, about 12
   * ms), so a larger shortfall means audio is missing.
   */
  private static final double LOSSLESS_SHORTFALL_SECONDS = 0.1;

  private static final double LOSSLESS_SHORTFALL_FRACTION = 0.005;

  /**
   * Lossy containers often estimate their length from the bit rate, and decoders drop the encoder's
   * delay (WMA and MP3 decode tens of milliseconds shorter than declared).
   */
  private static final double LOSSY_SHORTFALL_SECONDS = 0.5;

  private static final double LOSSY_SHORTFALL_FRACTION = 0.02;

  /**
   * A decode that stops early with errors is a cut-off file when everything up to this far before
   * the stop decodes cleanly: the errors came from the last, incomplete frame. The margin keeps
   * that frame (and the few ffmpeg decodes ahead) out of the second decode.
   */
  private static final double CUT_MARGIN_SECONDS = 0.5;

  private static final int ERROR_EXCERPT_CHARS = 200;

  /** How much a source below the minimum tier is decoded to tell whether it has samples at all. */
  private static final double NO_SAMPLES_PROBE_SECONDS = 1.0;

  private final MediaProcessRunner runner;
  private final BlobStore store;
  private final FullDecode fullDecode;

  public SourceInspector(MediaProcessRunner runner, BlobStore store) {
    this.runner = runner;
    this.store = store;
    this.fullDecode = new FullDecode(runner);
  }

  /**
   * Reads the container and its first audio stream; rejects what is empty, too large or not audio.
   */
  public SourceProbe probe(ProbeRequest request) {
    String source = describe(request.trackId(), request.sourceKey(), "probe");
    try (BlobStore.LocalCopy copy = localCopy(request.sourceKey(), source)) {
      long sizeBytes = requireAcceptableSize(copy.path(), source);
      return describeFirstAudio(ffprobe(copy.path(), source), sizeBytes, source);
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
  }

  /**
   * Applies the limits, compares the header with the data, decodes the audio stream in full and
   * sets the tier. The cheap checks come first so that no decode is spent on a file they reject.
   *
   * @param progressFraction receives 0..1 as the decode advances; an exception from it stops ffmpeg
   *     and propagates
   */
  public ValidatedSource validate(ValidateRequest request, DoubleConsumer progressFraction) {
    SourceProbe probe = request.probe();
    String source = describe(request.trackId(), request.sourceKey(), "validation");
    MediaSettings settings = runner.settings();
    try (BlobStore.LocalCopy copy = localCopy(request.sourceKey(), source)) {
      Path file = copy.path();
      requireAcceptableSize(file, source);
      if (probe.durationSeconds() > settings.maxDurationSeconds()) {
        throw SourceRejections.tooLong(
            source, probe.durationSeconds(), settings.maxDurationSeconds(), false);
      }
      Optional<QualityTier> tier = QualityTiers.classify(probe);
      if (tier.isEmpty()) {
        throw belowMinimumOrEmpty(file, probe, source);
      }
      Optional<RiffDataCheck.Shortfall> shortfall = RiffDataCheck.check(file);
      if (shortfall.isPresent()) {
        throw SourceRejections.truncatedHeader(source, shortfall.get());
      }
      FullDecode.Outcome decoded = decodeInFull(file, probe, source, progressFraction);
      return new ValidatedSource(
          probe,
          tier.get(),
          decoded.decodedSeconds(),
          Math.round(decoded.decodedSeconds() * probe.sampleRateHz()),
          decoded.pcmDigest());
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
  }

  /**
   * A source below the minimum tier, or one with no samples at all: an empty stream in a valid
   * container (an Ogg Vorbis file of 0 samples) still carries its encoder's nominal rate, 112 kbps,
   * and is empty rather than of low quality. Only what the header rejects pays for this short
   * decode.
   */
  private ApplicationFailure belowMinimumOrEmpty(Path file, SourceProbe probe, String source)
      throws IOException {
    FullDecode.Outcome start =
        fullDecode.decode(file, probe.audioStreamIndex(), NO_SAMPLES_PROBE_SECONDS, ignored -> {});
    if (start.decodedSeconds() <= 0) {
      return SourceRejections.noSamples(source, probe);
    }
    return SourceRejections.belowMinimum(source, probe);
  }

  private FullDecode.Outcome decodeInFull(
      Path file, SourceProbe probe, String source, DoubleConsumer progressFraction)
      throws IOException {
    double declared = probe.durationSeconds();
    double limit = runner.settings().maxDurationSeconds();
    FullDecode.Outcome outcome =
        fullDecode.decode(
            file,
            probe.audioStreamIndex(),
            limit + 1,
            seconds -> progressFraction.accept(fraction(seconds, declared)));
    double decoded = outcome.decodedSeconds();
    if (decoded > limit) {
      throw SourceRejections.tooLong(source, decoded, limit, true);
    }
    boolean endsEarly = declared - decoded > allowedShortfall(probe);
    if (!outcome.clean()) {
      if (endsEarly
          && decodesCleanlyUpTo(file, probe, decoded - CUT_MARGIN_SECONDS, progressFraction)) {
        throw SourceRejections.truncatedAudio(source, decoded, declared);
      }
      throw SourceRejections.corrupt(source, excerpt(outcome), decoded, declared);
    }
    if (decoded <= 0) {
      throw SourceRejections.noSamples(source, probe);
    }
    if (endsEarly) {
      throw SourceRejections.truncatedAudio(source, decoded, declared);
    }
    return outcome;
  }

  /**
   * Whether the audio decodes without a complaint up to {@code seconds}. This second decode repeats
   * the first one's final fraction, so heartbeats go on while progress does not move back.
   */
  private boolean decodesCleanlyUpTo(
      Path file, SourceProbe probe, double seconds, DoubleConsumer progressFraction)
      throws IOException {
    if (seconds <= 0) {
      return false;
    }
    double reached = fraction(seconds + CUT_MARGIN_SECONDS, probe.durationSeconds());
    return fullDecode
        .decode(
            file, probe.audioStreamIndex(), seconds, ignored -> progressFraction.accept(reached))
        .clean();
  }

  private static double allowedShortfall(SourceProbe probe) {
    double declared = probe.durationSeconds();
    return probe.lossless()
        ? Math.max(LOSSLESS_SHORTFALL_SECONDS, LOSSLESS_SHORTFALL_FRACTION * declared)
        : Math.max(LOSSY_SHORTFALL_SECONDS, LOSSY_SHORTFALL_FRACTION * declared);
  }

  private static double fraction(double seconds, double declaredSeconds) {
    return declaredSeconds > 0 ? Math.max(0, Math.min(1, seconds / declaredSeconds)) : 0;
  }

  private FFmpegProbeResult ffprobe(Path file, String source) throws IOException {
    long started = System.nanoTime();
    try {
      return runner.probe(file);
    } catch (FFmpegException e) {
      requireWithinProbeLimit(started, source);
      String reason = e.getError() == null ? "ffprobe could not open it" : e.getError().getString();
      throw SourceRejections.notAudio(source, "ffprobe: " + reason);
    } catch (JsonParseException e) {
      // Killed at its time limit, ffprobe leaves half a JSON document or none; within it, a
      // report cut off or malformed is ffprobe failing on this file (seen on Musepack, WebM/Opus
      // and M4B files), which another try will not change.
      requireWithinProbeLimit(started, source);
      throw SourceRejections.notAudio(
          source,
          "ffprobe could not describe it: its report was cut off or malformed ("
              + e.getMessage()
              + ")");
    } catch (IOException | RuntimeException e) {
      requireWithinProbeLimit(started, source);
      throw e;
    }
  }

  private void requireWithinProbeLimit(long startedNanos, String source) {
    long limitNanos = runner.settings().probeTimeout().toNanos();
    if (System.nanoTime() - startedNanos >= limitNanos) {
      throw SourceRejections.probeRanTooLong(source, runner.settings().probeTimeout());
    }
  }

  private static SourceProbe describeFirstAudio(
      FFmpegProbeResult result, long sizeBytes, String source) {
    List<FFmpegStream> streams = result.getStreams() == null ? List.of() : result.getStreams();
    if (result.getFormat() == null || streams.isEmpty()) {
      throw SourceRejections.notAudio(source, "ffprobe found no media streams in it");
    }
    FFmpegStream audio =
        streams.stream()
            .filter(s -> s.codec_type == CodecType.AUDIO)
            .findFirst()
            .orElseThrow(
                () ->
                    SourceRejections.noAudioStream(
                        source, result.getFormat().format_name, kinds(streams)));
    if (audio.codec_name == null || audio.codec_name.isBlank()) {
      throw SourceRejections.notAudio(source, "its audio is in an encoding we cannot decode");
    }
    // Random bytes named .flac probe as a FLAC stream of 0 Hz and 0 channels (by the name alone):
    // that is not audio, not audio below the minimum tier (issue 15).
    if (audio.sample_rate <= 0 || audio.channels <= 0) {
      throw SourceRejections.notAudio(
          source, "ffprobe found no sample rate or channels in its audio stream");
    }
    return SourceProbes.of(result.getFormat(), audio, sizeBytes);
  }

  private static String kinds(List<FFmpegStream> streams) {
    return streams.stream()
            .map(
                s ->
                    s.codec_type == null ? "unknown" : s.codec_type.name().toLowerCase(Locale.ROOT))
            .distinct()
            .collect(Collectors.joining(" and "))
        + " streams";
  }

  /** Size first: nothing larger than the limit is handed to ffprobe or ffmpeg. */
  private long requireAcceptableSize(Path file, String source) throws IOException {
    long size = Files.size(file);
    if (size == 0) {
      throw SourceRejections.emptyFile(source);
    }
    if (size > runner.settings().maxInputBytes()) {
      throw SourceRejections.tooLarge(source, size, runner.settings().maxInputBytes());
    }
    return size;
  }

  private BlobStore.LocalCopy localCopy(String key, String source) throws IOException {
    StorageFailures.requireSafe(key);
    try {
      if (!store.exists(key)) {
        throw SourceRejections.missing(source);
      }
      return store.localCopy(key, runner.settings().workDir());
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw SourceRejections.missing(source);
    }
  }

  /**
   * The first line that says what went wrong, "[mp3float @ 0x55d0...] Header missing" as "mp3float:
   * Header missing".
   */
  private static String excerpt(FullDecode.Outcome outcome) {
    String first =
        outcome
            .errors()
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty())
            .findFirst()
            .orElse("");
    first = first.replaceFirst("^\\[(\\w+) @ 0x[0-9a-fA-F]+\\]\\s*", "$1: ");
    if (first.isEmpty()) {
      return "ffmpeg exited with status " + outcome.exitCode();
    }
    return first.length() <= ERROR_EXCERPT_CHARS
        ? first
        : first.substring(0, ERROR_EXCERPT_CHARS) + "...";
  }

  private static String describe(String trackId, String sourceKey, String stage) {
    return "Track " + trackId + ", file " + sourceKey + " (" + stage + ")";
  }
}
