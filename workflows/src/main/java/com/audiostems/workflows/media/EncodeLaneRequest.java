package com.audiostems.workflows.media;

import com.audiostems.workflows.metadata.TrackMetadata;
import java.util.List;

/**
 * Encode several outputs in one ffmpeg process that decodes the source once (a "lane"). The
 * workflow runs lanes in parallel, split by cost by {@link EncodeSchedule}.
 *
 * @param previewLadder the HLS ladder to make from the marked preview's samples; null: none (lanes
 *     without the preview, and histories from before the ladder existed)
 */
public record EncodeLaneRequest(
    String trackId,
    String sourceKey,
    SourceProbe source,
    List<OutputSpec> outputs,
    TrackMetadata metadata,
    HlsLadderPlan previewLadder) {

  /** A lane that makes no HLS ladder. */
  public EncodeLaneRequest(
      String trackId,
      String sourceKey,
      SourceProbe source,
      List<OutputSpec> outputs,
      TrackMetadata metadata) {
    this(trackId, sourceKey, source, outputs, metadata, null);
  }
}
