package com.audiostems.workflows.media;

import java.util.List;

/** The outputs a lane stored, and how long its ffmpeg process ran. */
public record EncodeLaneResult(List<EncodedOutput> outputs, double ffmpegSeconds) {}
