package com.audiostems.workflows.storage;

import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.media.OutputFormat;
import io.temporal.failure.ApplicationFailure;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The storage layout. Keys are built here from validated parts only, so nothing a user typed
 * becomes a path: track ids are restricted to {@code [A-Za-z0-9_-]}, file extensions to a short
 * alphanumeric suffix.
 */
public final class BlobKeys {
  private static final Pattern TRACK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,8}");

  private BlobKeys() {}

  /** Throws a non-retryable {@link TrackFailures#UNSAFE_KEY} failure unless the id is safe. */
  public static String requireTrackId(String trackId) {
    if (trackId == null || !TRACK_ID.matcher(trackId).matches()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Track id '" + trackId + "' is not allowed: use 1-64 letters, digits, '-' or '_'.",
          TrackFailures.UNSAFE_KEY);
    }
    return trackId;
  }

  /** Where an upload's original bytes live, keeping the original extension when it is plain. */
  public static String sourceKey(String trackId, String originalFileName) {
    return "uploads/" + requireTrackId(trackId) + "/source" + extensionOf(originalFileName);
  }

  public static String trackPrefix(String trackId) {
    return "tracks/" + requireTrackId(trackId) + "/";
  }

  /**
   * Outputs are versioned: a re-process writes the next version beside the current one, switches
   * the manifest to it, and only then deletes what it replaced, so a reader never meets a
   * half-replaced track.
   */
  public static String outputKey(String trackId, int version, OutputFormat format) {
    if (version < 1) {
      throw new IllegalArgumentException("Output versions start at 1, not " + version);
    }
    return trackPrefix(trackId) + "v" + version + "/outputs/" + format.fileName();
  }

  /**
   * The version an output key names ({@code tracks/<id>/v<n>/outputs/...}); 0 when it names none.
   */
  public static int versionOfOutputKey(String outputKey) {
    java.util.regex.Matcher m =
        Pattern.compile("^tracks/[^/]+/v([0-9]{1,9})/outputs/[^/]+$").matcher(outputKey);
    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** The full analysis of a version's source ({@code analysis.json}), beside its outputs. */
  public static String analysisKey(String trackId, int version) {
    if (version < 1) {
      throw new IllegalArgumentException("Versions start at 1, not " + version);
    }
    return trackPrefix(trackId) + "v" + version + "/analysis.json";
  }

  /**
   * The folder of a version's HLS ladder ({@code v<n>/hls/}): playlists and segments, named
   * relative to one another so that the folder works wherever it is served from.
   */
  public static String hlsPrefix(String trackId, int version) {
    if (version < 1) {
      throw new IllegalArgumentException("Versions start at 1, not " + version);
    }
    return trackPrefix(trackId) + "v" + version + "/hls/";
  }

  /** The quality report's files, beside the outputs of a version. */
  public enum QualityAsset {
    REPORT("quality.json"),
    PAGE("quality.html"),
    WAVEFORM("waveform.png"),
    SPECTROGRAM("spectrogram.png"),
    /** The waveform's min/max peaks in BBC audiowaveform's binary format, for peaks.js. */
    PEAKS("waveform.dat");

    private final String fileName;

    QualityAsset(String fileName) {
      this.fileName = fileName;
    }

    public String fileName() {
      return fileName;
    }
  }

  /** Where one of a version's quality files lives: {@code v<n>/quality/<file>}. */
  public static String qualityKey(String trackId, int version, QualityAsset asset) {
    if (version < 1) {
      throw new IllegalArgumentException("Versions start at 1, not " + version);
    }
    return trackPrefix(trackId) + "v" + version + "/quality/" + asset.fileName();
  }

  /**
   * Another file of the same quality report as {@code qualityKey}: the folder of a published report
   * is known from its key, whichever version wrote it.
   */
  public static String qualitySibling(String qualityKey, QualityAsset asset) {
    int slash = qualityKey.lastIndexOf('/');
    if (slash < 0 || !qualityKey.substring(0, slash).endsWith("/quality")) {
      throw new IllegalArgumentException("Not a quality file's key: " + qualityKey);
    }
    return qualityKey.substring(0, slash + 1) + asset.fileName();
  }

  /** Every quality file of a version, for compensation. */
  public static java.util.List<String> qualityKeys(String trackId, int version) {
    return java.util.Arrays.stream(QualityAsset.values())
        .map(a -> qualityKey(trackId, version, a))
        .toList();
  }

  /**
   * The source's fingerprint (the claim check the catalogue indexes). One per track: re-processing
   * re-encodes outputs from the same source, so the fingerprint does not change with versions.
   */
  public static String fingerprintKey(String trackId) {
    return trackPrefix(trackId) + "fingerprint.bin";
  }

  /** Everything an identify query stores lives under this prefix, and goes when it is answered. */
  public static String identifyPrefix(String queryId) {
    return "identify/" + requireTrackId(queryId) + "/";
  }

  /** Where the audio of an identify query is uploaded. */
  public static String identifyQueryKey(String queryId, String originalFileName) {
    return identifyPrefix(queryId) + "query" + extensionOf(originalFileName);
  }

  /** The fingerprint of an identify query. */
  public static String identifyFingerprintKey(String queryId) {
    return identifyPrefix(queryId) + "fingerprint.bin";
  }

  /** A reference work's fingerprint: third-party recordings the catalogue is checked against. */
  public static String referenceFingerprintKey(String referenceId) {
    return "references/" + requireTrackId(referenceId) + "/fingerprint.bin";
  }

  /**
   * The registry object of a watermark payload: {@code watermarks/<payloadId>.json}, outside any
   * track's prefix because a detection starts from the payload, not from a track.
   */
  public static String watermarkRegistryKey(String payloadId) {
    if (!com.audiostems.workflows.watermark.PreviewPayloads.isPayloadId(payloadId)) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Watermark payload id '"
              + payloadId
              + "' is not allowed: it is 32 lower-case hex digits.",
          TrackFailures.UNSAFE_KEY);
    }
    return "watermarks/" + payloadId + ".json";
  }

  public static String manifestKey(String trackId) {
    return trackPrefix(trackId) + "manifest.json";
  }

  /** Artwork extracted from the source, kept by key so that no image bytes travel in payloads. */
  public static String artworkKey(String trackId, String extension) {
    String ext = extension == null ? "" : extension.toLowerCase(Locale.ROOT);
    return trackPrefix(trackId)
        + "work/artwork."
        + (EXTENSION.matcher(ext).matches() ? ext : "bin");
  }

  /** ".wav" for "Song.WAV"; "" when the name has no plain extension. */
  static String extensionOf(String fileName) {
    if (fileName == null) {
      return "";
    }
    int dot = fileName.lastIndexOf('.');
    if (dot < 0 || dot == fileName.length() - 1) {
      return "";
    }
    String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return EXTENSION.matcher(ext).matches() ? "." + ext : "";
  }
}
