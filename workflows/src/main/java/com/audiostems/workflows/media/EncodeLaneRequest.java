package com.audiostems.workflows.media;

import com.audiostems.workflows.metadata.TrackMetadata;
import java.util.List;

/**
 * Encode several outputs in one ffmpeg process that decodes the source once (a "lane"). The
 * workflow runs lanes in parallel, split by cost by {@link EncodeSchedule}.
 */
public record EncodeLaneRequest(
    String trackId,
    String sourceKey,
    SourceProbe source,
    List<OutputSpec> outputs,
    TrackMetadata metadata) {}
