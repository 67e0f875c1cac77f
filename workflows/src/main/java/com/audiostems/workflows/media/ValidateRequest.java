package com.audiostems.workflows.media;

/** Check the probed source in full: limits, header against data, a complete decode, its tier. */
public record ValidateRequest(String trackId, String sourceKey, SourceProbe probe) {}
