package com.audiostems.gateway.tracks;

import com.audiostems.workflows.media.AbsentOutput;
import com.audiostems.workflows.media.OutputFormat;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The published outputs of a track, each with a download URL valid until {@code expiresAt}.
 *
 * @param version the published output version these files belong to
 * @param manifestUrl the full manifest (tags, verification, timings) as published
 * @param absent outputs deliberately not produced, and why
 * @param previewWatermarked whether the preview carries a watermark (false until that stage exists)
 */
public record TrackFilesResponse(
    String trackId,
    int version,
    Instant expiresAt,
    URI manifestUrl,
    List<TrackFile> files,
    List<AbsentOutput> absent,
    boolean previewWatermarked) {

  /** One output, as measured in the written file, and where to download it. */
  public record TrackFile(
      OutputFormat format,
      String fileName,
      String codec,
      int sampleRateHz,
      int bitDepth,
      int channels,
      long bitRateBps,
      double durationSeconds,
      long bytes,
      String sha256,
      URI url) {}
}
