package com.audiostems.gateway.tracks;

import com.audiostems.gateway.config.LinkProperties;
import com.audiostems.gateway.hls.HlsLinks;
import com.audiostems.gateway.locations.DownloadLocations;
import com.audiostems.gateway.problems.Problems;
import com.audiostems.gateway.security.ApiClient;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.HlsLadder;
import com.audiostems.workflows.quality.TrackQuality;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.TrackManifest;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Download URLs for a track's published outputs and quality report, from the manifest the live
 * workflow holds (its {@code manifest()} query), so the list always matches the version readers are
 * switched to.
 */
@Component
public class TrackFilesReader {
  private final TrackFinder finder;
  private final WorkerCalls workers;
  private final DownloadLocations downloads;
  private final HlsLinks hlsLinks;
  private final LinkProperties links;
  private final Clock clock;

  public TrackFilesReader(
      TrackFinder finder,
      WorkerCalls workers,
      DownloadLocations downloads,
      HlsLinks hlsLinks,
      LinkProperties links,
      Clock clock) {
    this.finder = finder;
    this.workers = workers;
    this.downloads = downloads;
    this.hlsLinks = hlsLinks;
    this.links = links;
    this.clock = clock;
  }

  public TrackFilesResponse files(ApiClient client, String trackId) {
    TrackManifest manifest = publishedManifest(client, trackId);
    Instant expiresAt = clock.instant().plus(links.downloadValidity());
    return new TrackFilesResponse(
        trackId,
        manifest.version(),
        expiresAt,
        downloads.presignDownload(BlobKeys.manifestKey(trackId), expiresAt).url(),
        manifest.outputs().stream().map(o -> file(o, expiresAt)).toList(),
        manifest.absentOutputs(),
        manifest.preview() != null && manifest.preview().watermarked(),
        hls(manifest.hls(), expiresAt));
  }

  private TrackFilesResponse.Hls hls(HlsLadder ladder, Instant expiresAt) {
    if (ladder == null) {
      return null;
    }
    return new TrackFilesResponse.Hls(
        hlsLinks.playlistLink(ladder.masterPlaylistKey(), expiresAt),
        ladder.container(),
        ladder.segmentSeconds(),
        ladder.watermarked(),
        ladder.variants().stream()
            .map(
                v ->
                    new TrackFilesResponse.HlsVariant(
                        v.bitRateKbps(),
                        v.codecs(),
                        v.peakBandwidthBps(),
                        v.averageBandwidthBps(),
                        v.durationSeconds()))
            .toList());
  }

  /**
   * The quality checks of the published version's source, with signed links to the report's files.
   */
  public TrackQualityResponse quality(ApiClient client, String trackId) {
    TrackManifest manifest = publishedManifest(client, trackId);
    TrackQuality quality = manifest.quality();
    if (quality == null) {
      throw Problems.notFound(
          "quality-not-checked",
          "Track '"
              + trackId
              + "' was published before the quality checks existed; re-process it to check it.");
    }
    Instant expiresAt = clock.instant().plus(links.downloadValidity());
    return new TrackQualityResponse(
        trackId,
        manifest.version(),
        quality.score(),
        quality.effectiveTier(),
        quality.tiers(),
        quality.effective(),
        quality.findings(),
        expiresAt,
        downloads.presignDownload(quality.reportKey(), expiresAt).url(),
        downloads.presignDownload(quality.pageKey(), expiresAt).url(),
        downloads.presignDownload(quality.waveformKey(), expiresAt).url(),
        downloads.presignDownload(quality.spectrogramKey(), expiresAt).url(),
        downloads
            .presignDownload(
                BlobKeys.qualitySibling(quality.reportKey(), BlobKeys.QualityAsset.PEAKS),
                expiresAt)
            .url());
  }

  /**
   * The manifest of the track's published version; 404 when the client may not read the track, 409
   * while it is not published or once it is closed.
   */
  public TrackManifest publishedManifest(ApiClient client, String trackId) {
    TrackExecution track = finder.find(client, trackId);
    if (track.status() != WorkflowStatus.RUNNING) {
      throw Problems.conflict(
          "track-closed",
          "Track '"
              + trackId
              + "' is "
              + track.status().apiName()
              + "; it has no published files.");
    }
    TrackManifest manifest = workers.call(trackId, finder.workflowOf(track)::manifest);
    if (manifest == null) {
      throw Problems.conflict(
          "track-not-published",
          "Track '"
              + trackId
              + "' is not published yet; poll GET /v1/tracks/"
              + trackId
              + " until its stage is PUBLISHED.");
    }
    return manifest;
  }

  private TrackFilesResponse.TrackFile file(EncodedOutput output, Instant expiresAt) {
    return new TrackFilesResponse.TrackFile(
        output.format(),
        output.format().fileName(),
        output.codec(),
        output.sampleRateHz(),
        output.bitDepth(),
        output.channels(),
        output.bitRateBps(),
        output.durationSeconds(),
        output.bytes(),
        output.sha256(),
        downloads.presignDownload(output.key(), expiresAt).url());
  }
}
