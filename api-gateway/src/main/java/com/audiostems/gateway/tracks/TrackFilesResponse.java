package com.audiostems.gateway.tracks;

import com.audiostems.workflows.media.AbsentOutput;
import com.audiostems.workflows.media.OutputFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param hls the preview's adaptive-streaming ladder; absent for versions published before it
 *     existed
 */
public record TrackFilesResponse(
    String trackId,
    int version,
    Instant expiresAt,
    URI manifestUrl,
    List<TrackFile> files,
    List<AbsentOutput> absent,
    boolean previewWatermarked,
    @JsonInclude(JsonInclude.Include.NON_NULL) Hls hls) {

  /**
   * The preview's HLS ladder (AAC-LC, fMP4 segments). Give a player {@code masterPlaylistUrl}: the
   * gateway serves every playlist with its URIs rewritten into signed links that end at {@code
   * expiresAt}, so relative names never lose the signature.
   *
   * @param segmentSeconds the target segment duration
   * @param watermarked whether the variants carry the preview's mark
   */
  public record Hls(
      URI masterPlaylistUrl,
      String container,
      int segmentSeconds,
      boolean watermarked,
      List<HlsVariant> variants) {}

  /** One rendition, as the master playlist lists it. */
  public record HlsVariant(
      int bitRateKbps,
      String codecs,
      long peakBandwidthBps,
      long averageBandwidthBps,
      double durationSeconds) {}

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
