package com.audiostems.workflows.track;

import com.audiostems.workflows.media.OutputFormat;
import java.util.List;

/**
 * Start processing an uploaded source.
 *
 * @param trackId the track's id; the workflow id is {@code track-<trackId>}
 * @param sourceKey blob-store key of the uploaded original
 * @param originalFileName the name the composer uploaded, for the manifest only
 * @param formats outputs to produce; empty means all
 * @param encodeLanes how many ffmpeg processes may encode side by side (the CPU workers' cores)
 */
public record TrackIngestRequest(
    String trackId, String sourceKey, String originalFileName, List<OutputFormat> formats, int encodeLanes) {}
