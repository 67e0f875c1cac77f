package com.audiostems.workflows.media;

import java.util.ArrayList;
import java.util.List;

/**
 * The HLS ladder a preview lane stored, as measured: the manifest's {@code hls} section.
 *
 * @param masterPlaylistKey {@code tracks/<id>/v<n>/hls/master.m3u8}; every other file is named
 *     relative to it
 * @param container "fmp4": CMAF segments (fragmented MP4) behind an EXT-X-MAP initialisation
 *     segment
 * @param segmentSeconds the target segment duration
 * @param watermarked whether the variants carry the preview's mark (they are encoded from the
 *     marked samples)
 * @param variants ascending bit rate
 */
public record HlsLadder(
    String masterPlaylistKey,
    String container,
    int segmentSeconds,
    boolean watermarked,
    List<Variant> variants) {

  /**
   * One rendition.
   *
   * @param bitRateKbps the encoder's target
   * @param codecs the RFC 6381 codec string the master playlist gives ("mp4a.40.2": AAC-LC)
   * @param peakBandwidthBps the highest segment bit rate, with container overhead (BANDWIDTH)
   * @param averageBandwidthBps all segments' bytes over the duration (AVERAGE-BANDWIDTH)
   * @param playlistKey the media playlist
   * @param initKey the initialisation segment
   * @param segmentCount media segments, named {@link HlsLadderPlan#segmentName} from 0
   * @param durationSeconds as ffprobe reads the media playlist
   * @param bytes the variant's segments and initialisation segment together
   */
  public record Variant(
      int bitRateKbps,
      String codecs,
      long peakBandwidthBps,
      long averageBandwidthBps,
      String playlistKey,
      String initKey,
      int segmentCount,
      double durationSeconds,
      long bytes) {}

  /** Every stored object of the ladder: what deleting or replacing the preview deletes. */
  public List<String> keys() {
    String prefix = masterPlaylistKey.substring(0, masterPlaylistKey.lastIndexOf('/') + 1);
    List<String> keys = new ArrayList<>();
    keys.add(masterPlaylistKey);
    for (Variant v : variants) {
      keys.add(v.playlistKey());
      keys.add(v.initKey());
      for (int i = 0; i < v.segmentCount(); i++) {
        keys.add(prefix + HlsLadderPlan.segmentName(v.bitRateKbps(), i));
      }
    }
    return List.copyOf(keys);
  }
}
