package com.audiostems.activities.delivery;

import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.licence.LicenceFailures;
import com.audiostems.workflows.media.AbsentOutput;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.TrackManifest;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;

/** A track as published: its manifest, and the outputs a licensee may get copies of. */
final class PublishedTracks {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private PublishedTracks() {}

  /**
   * @throws ApplicationFailure non-retryable {@link LicenceFailures#UNKNOWN_TRACK} when the track
   *     has no manifest
   */
  static TrackManifest manifest(BlobStore store, String trackId) throws IOException {
    String key = BlobKeys.manifestKey(trackId);
    try (InputStream in = store.open(key)) {
      return JSON.readValue(in, TrackManifest.class);
    } catch (NoSuchFileException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Track "
              + trackId
              + " is not published (no "
              + key
              + "); process it before licensing copies of it.",
          LicenceFailures.UNKNOWN_TRACK);
    }
  }

  /**
   * @throws ApplicationFailure non-retryable {@link LicenceFailures#FORMAT_NOT_AVAILABLE} naming
   *     why the track lacks it, when the manifest has no such output
   */
  static EncodedOutput output(TrackManifest manifest, OutputFormat format) {
    if (format == OutputFormat.PREVIEW_MP3_128) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The preview is not a deliverable format; ask for MP3_320, AAC_256, FLAC, ALAC, WAV_24"
              + " or FLAC_96K.",
          LicenceFailures.FORMAT_NOT_AVAILABLE);
    }
    for (EncodedOutput output : manifest.outputs()) {
      if (output.format() == format) {
        return output;
      }
    }
    String why =
        manifest.absentOutputs() == null
            ? null
            : manifest.absentOutputs().stream()
                .filter(a -> a.format() == format)
                .map(AbsentOutput::reason)
                .findFirst()
                .orElse(null);
    throw ApplicationFailure.newNonRetryableFailure(
        "Track "
            + manifest.trackId()
            + " has no published "
            + format
            + " output"
            + (why == null ? "; re-process it with that format to deliver it." : ": " + why),
        LicenceFailures.FORMAT_NOT_AVAILABLE);
  }
}
