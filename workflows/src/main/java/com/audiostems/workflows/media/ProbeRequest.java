package com.audiostems.workflows.media;

/** Probe the source stored under {@code sourceKey}. */
public record ProbeRequest(String trackId, String sourceKey) {}
