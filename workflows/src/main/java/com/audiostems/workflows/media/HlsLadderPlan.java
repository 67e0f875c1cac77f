package com.audiostems.workflows.media;

import com.audiostems.workflows.storage.BlobKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The HLS ladder a preview lane makes from the marked preview's samples, decided by the workflow:
 * where it goes, the segment length, the AAC-LC bit rates, and how many segments it may write.
 * Every key the ladder can write follows from this plan, so that compensation, which is registered
 * before the lane runs, deletes exactly what the lane may have stored.
 *
 * <p>Layout under {@code tracks/<id>/v<n>/hls/}: {@code master.m3u8}; per variant {@code
 * aac-128k.m3u8}, its initialisation segment {@code aac-128k-init.mp4} and its media segments
 * {@code aac-128k-00000.m4s}, ... Playlists name these relative to themselves.
 *
 * @param prefix the ladder's folder, ending in {@code /}
 * @param segmentSeconds target segment duration (EXT-X-TARGETDURATION)
 * @param bitRatesKbps the variants' AAC-LC bit rates, ascending
 * @param maxSegments segments per variant the lane may write: more fails the lane
 */
public record HlsLadderPlan(
    String prefix, int segmentSeconds, List<Integer> bitRatesKbps, int maxSegments) {

  /**
   * 6 s: Apple's authoring guideline for HLS; at AAC's 1024-sample frames a segment ends within one
   * frame (23 ms at 44.1 kHz) of the boundary.
   */
  public static final int SEGMENT_SECONDS = 6;

  /**
   * Low, standard and high: a mobile connection, the MP3 preview's rate, half again above it. Not
   * 256k at the top: ffmpeg's AAC encoder spent 14.8 s of CPU on a 5-minute track at 256k against
   * 5.1 s at 192k and 4.4 s at 128k (this machine, 2026-12-07), and a browsing preview gains
   * nothing a listener hears from a rung twice the MP3 preview's rate.
   */
  public static final List<Integer> LADDER_KBPS = List.of(64, 128, 192);

  /**
   * What making the ladder adds to the preview's lane, in {@link OutputFormat#relativeCost} units
   * (the three renditions measured as 1.3× the AAC 256k output's encode on the same source), so
   * that the encode schedule puts the lane's other work elsewhere.
   */
  public static final double RELATIVE_COST = 1.3 * OutputFormat.AAC_256.relativeCost();

  /** The file name of the master playlist. */
  public static final String MASTER = "master.m3u8";

  /**
   * The ladder of a version's preview. The preview is decoded from the same source that validation
   * decoded in full, so its length is the validated one (within a resampler's frame); AAC adds at
   * most a frame, hence one segment of margin.
   */
  public static HlsLadderPlan forPreview(String trackId, int version, double decodedSeconds) {
    int segments = (int) Math.ceil(Math.max(0, decodedSeconds) / SEGMENT_SECONDS) + 1;
    return new HlsLadderPlan(
        BlobKeys.hlsPrefix(trackId, version), SEGMENT_SECONDS, LADDER_KBPS, segments);
  }

  public String masterKey() {
    return prefix + MASTER;
  }

  /** {@code aac-128k}: the stem of a variant's file names. */
  public static String variantName(int bitRateKbps) {
    return "aac-" + bitRateKbps + "k";
  }

  public static String playlistName(int bitRateKbps) {
    return variantName(bitRateKbps) + ".m3u8";
  }

  public static String initName(int bitRateKbps) {
    return variantName(bitRateKbps) + "-init.mp4";
  }

  /** Segments count from 0, as ffmpeg's HLS muxer numbers them. */
  public static String segmentName(int bitRateKbps, int index) {
    return String.format(Locale.ROOT, "%s-%05d.m4s", variantName(bitRateKbps), index);
  }

  /** Every key the lane may write: what compensation deletes. */
  public List<String> keys() {
    List<String> keys = new ArrayList<>();
    keys.add(masterKey());
    for (int kbps : bitRatesKbps) {
      keys.add(prefix + playlistName(kbps));
      keys.add(prefix + initName(kbps));
      for (int i = 0; i < maxSegments; i++) {
        keys.add(prefix + segmentName(kbps, i));
      }
    }
    return List.copyOf(keys);
  }
}
