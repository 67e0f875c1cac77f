package com.audiostems.activities.media;

import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.media.SourceProbe;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Locale;

/**
 * The failures that turn a source away, worded for the person who uploaded it: what is wrong with
 * the file and what to do about it. All are non-retryable: only a different file can pass.
 *
 * <p>{@code source} names the track, the file and the stage, e.g. "Track t-42, file
 * uploads/t-42/source (source check)".
 */
public final class SourceRejections {
  private static final String ACCEPTED_FORMATS =
      "WAV/BWF/RF64, AIFF, FLAC, ALAC, MP3, AAC, Ogg Vorbis, Opus, WMA, DSD (DSF/DFF), or a video with an audio track";
  private static final String GET_A_NEW_COPY =
      "Export or copy the file again from the original and upload the new copy.";

  private SourceRejections() {}

  public static ApplicationFailure missing(String source) {
    return reject(
        TrackFailures.SOURCE_MISSING,
        "%s: the uploaded file is not in storage, so the upload probably did not finish. Upload the file again.",
        source);
  }

  public static ApplicationFailure emptyFile(String source) {
    return reject(
        TrackFailures.EMPTY_FILE,
        "%s: the file is empty (0 bytes), so nothing was uploaded. Upload the file again.",
        source);
  }

  public static ApplicationFailure noSamples(String source, SourceProbe probe) {
    return reject(
        TrackFailures.EMPTY_FILE,
        "%s: the file's audio stream (%s) holds no samples. Export the track again and upload the new file.",
        source,
        probe.codec());
  }

  public static ApplicationFailure notAudio(String source, String reason) {
    return reject(
        TrackFailures.NOT_AUDIO,
        "%s: this is not an audio file we can read (%s). Upload the track as %s.",
        source,
        reason,
        ACCEPTED_FORMATS);
  }

  public static ApplicationFailure noAudioStream(String source, String container, String streams) {
    return reject(
        TrackFailures.NO_AUDIO_STREAM,
        "%s: the %s file contains %s but no audio. Upload a file that contains the track's audio.",
        source,
        container,
        streams);
  }

  public static ApplicationFailure corrupt(
      String source, String decoderSays, double decodedSeconds, double declaredSeconds) {
    return reject(
        TrackFailures.CORRUPT_AUDIO,
        "%s: the audio data is damaged; the decoder reported errors (%s) and decoded %s of the %s the file declares. %s",
        source,
        decoderSays,
        duration(decodedSeconds),
        duration(declaredSeconds),
        GET_A_NEW_COPY);
  }

  public static ApplicationFailure truncatedHeader(
      String source, RiffDataCheck.Shortfall shortfall) {
    return reject(
        TrackFailures.TRUNCATED_AUDIO,
        "%s: the file is incomplete; its header declares %,d bytes of audio but only %,d bytes are present"
            + " (%.1f%%), so the end of the track is missing. The upload or export was probably interrupted:"
            + " upload the complete file.",
        source,
        shortfall.declaredBytes(),
        shortfall.presentBytes(),
        100.0 * shortfall.presentBytes() / shortfall.declaredBytes());
  }

  public static ApplicationFailure truncatedAudio(
      String source, double decodedSeconds, double declaredSeconds) {
    return reject(
        TrackFailures.TRUNCATED_AUDIO,
        "%s: the file is incomplete; it holds %s of audio although it declares %s, so part of the track is"
            + " missing (the upload or export was probably interrupted, or the file is damaged). %s",
        source,
        duration(decodedSeconds),
        duration(declaredSeconds),
        GET_A_NEW_COPY);
  }

  public static ApplicationFailure tooLarge(String source, long sizeBytes, long limitBytes) {
    return reject(
        TrackFailures.FILE_TOO_LARGE,
        "%s: the file is %s, more than the %s we accept. Upload a smaller file, for example FLAC instead of WAV,"
            + " or a single track instead of a long recording.",
        source,
        bytes(sizeBytes),
        bytes(limitBytes));
  }

  public static ApplicationFailure tooLong(
      String source, double seconds, double limitSeconds, boolean measured) {
    return reject(
        TrackFailures.TOO_LONG,
        "%s: the audio %s, longer than the %s we accept. Upload a single track rather than a full mix or album.",
        source,
        (measured ? "runs past " : "lasts ") + duration(seconds),
        duration(limitSeconds));
  }

  public static ApplicationFailure belowMinimum(String source, SourceProbe probe) {
    if (CodecFacts.isCompandedPcm(probe.codec())) {
      return reject(
          TrackFailures.BELOW_MINIMUM_TIER,
          "%s: the audio is %s at %.1f kHz: %d-bit companded codes (about %d bits of range) that only"
              + " decode to 16-bit, below the minimum we accept (16-bit/44.1 kHz lossless, or lossy at"
              + " 128 kbps and 44.1 kHz). Upload the 16- or 24-bit recording it was made from (WAV, AIFF"
              + " or FLAC), ideally the lossless master: converting this file to 16-bit cannot restore"
              + " what the codes lost.",
          source,
          companding(probe.codec()),
          probe.sampleRateHz() / 1000.0,
          CodecFacts.COMPANDED_CODE_BITS,
          probe.codec().equals("pcm_alaw") ? 13 : 14);
    }
    return reject(
        TrackFailures.BELOW_MINIMUM_TIER,
        "%s: the audio is %s, below the minimum we accept (lossless at 16-bit/44.1 kHz or better, or lossy at"
            + " 128 kbps and 44.1 kHz or better). Upload a higher-quality source, ideally the lossless master.",
        source,
        describeQuality(probe));
  }

  public static ApplicationFailure probeRanTooLong(String source, Duration limit) {
    return reject(
        TrackFailures.MEDIA_TOOL_LIMIT,
        "%s: ffprobe ran longer than its limit of %d s on this file and was stopped; the file may be malformed."
            + " %s",
        source,
        limit.toSeconds(),
        GET_A_NEW_COPY);
  }

  /** G.711's names; its A-law spans 13 bits of linear range, its μ-law (and VIDC's) 14. */
  private static String companding(String codec) {
    return switch (codec) {
      case "pcm_mulaw" -> "G.711 \u03bc-law (pcm_mulaw)";
      case "pcm_alaw" -> "G.711 A-law (pcm_alaw)";
      default -> "companded PCM (" + codec + ")";
    };
  }

  private static String describeQuality(SourceProbe probe) {
    String rate = String.format(Locale.ROOT, "%.1f kHz", probe.sampleRateHz() / 1000.0);
    if (probe.lossless()) {
      return String.format(
          Locale.ROOT, "%d-bit lossless audio (%s) at %s", probe.bitDepth(), probe.codec(), rate);
    }
    return String.format(
        Locale.ROOT, "lossy %s at %d kbps and %s", probe.codec(), probe.bitRateBps() / 1000, rate);
  }

  static String duration(double seconds) {
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.2f s", seconds);
    }
    long whole = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60);
  }

  static String bytes(long bytes) {
    if (bytes < 1L << 20) {
      return String.format(Locale.ROOT, "%,d bytes", bytes);
    }
    if (bytes < 1L << 30) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }
    return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
  }

  private static ApplicationFailure reject(String type, String format, Object... args) {
    return ApplicationFailure.newNonRetryableFailure(
        String.format(Locale.ROOT, format, args), type);
  }
}
