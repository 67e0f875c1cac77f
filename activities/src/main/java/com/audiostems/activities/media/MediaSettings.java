package com.audiostems.activities.media;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the media activities run ffmpeg/ffprobe and what they accept.
 *
 * @param ffmpegPath the ffmpeg binary ("ffmpeg" to take it from PATH)
 * @param ffprobePath the ffprobe binary
 * @param workDir scratch space for encodes; each activity works in its own subdirectory
 * @param maxInputBytes uploads larger than this are rejected (FileTooLarge)
 * @param maxDurationSeconds sources longer than this are rejected (TooLong)
 * @param probeTimeout wall-clock limit of one ffprobe run
 * @param ffmpegTimeout wall-clock limit of one ffmpeg run (decode check, encode lane, verification)
 * @param maxOutputBytes no single output may grow past this (ffmpeg's -fs), whatever the input says
 */
public record MediaSettings(
    String ffmpegPath,
    String ffprobePath,
    Path workDir,
    long maxInputBytes,
    double maxDurationSeconds,
    Duration probeTimeout,
    Duration ffmpegTimeout,
    long maxOutputBytes) {

  /**
   * Defaults for a workstation: 4 GiB / 3 h sources, 30 s probes, 30 min ffmpeg runs, 8 GiB
   * outputs.
   */
  public static MediaSettings defaults(Path workDir) {
    return new MediaSettings(
        "ffmpeg",
        "ffprobe",
        workDir,
        4L << 30,
        3 * 3600,
        Duration.ofSeconds(30),
        Duration.ofMinutes(30),
        8L << 30);
  }

  public MediaSettings withLimits(long maxInputBytes, double maxDurationSeconds) {
    return new MediaSettings(
        ffmpegPath,
        ffprobePath,
        workDir,
        maxInputBytes,
        maxDurationSeconds,
        probeTimeout,
        ffmpegTimeout,
        maxOutputBytes);
  }
}
