package com.audiostems.workflows.track;

import com.audiostems.workflows.media.OutputFormat;

/**
 * Progress of one output.
 *
 * @param fraction 0 to 1, from ffmpeg's position in the source
 * @param state "pending", "encoding", "encoded", "verified" or "failed"
 */
public record OutputProgress(OutputFormat format, double fraction, String state) {}
