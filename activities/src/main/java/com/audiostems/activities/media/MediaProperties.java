package com.audiostems.activities.media;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.util.unit.DataSize;

/**
 * The {@code audiostems.media.*} settings as configuration binds them (sizes like "4GB", durations
 * like "30m"); every process that runs ffmpeg reads the same keys.
 *
 * @param ffmpegPath ffmpeg binary, or its name on PATH
 * @param ffprobePath ffprobe binary, or its name on PATH
 * @param maxInputSize larger uploads are rejected (FileTooLarge)
 * @param maxDuration longer sources are rejected (TooLong)
 * @param probeTimeout wall-clock limit of one ffprobe run
 * @param ffmpegTimeout wall-clock limit of one ffmpeg run
 * @param maxOutputSize largest file one output may become
 * @param workingCopiesMaxSize how many bytes of sources a worker process keeps as working copies
 *     that no activity is reading (a bounded LRU; see WorkingCopyStore)
 */
public record MediaProperties(
    @NotBlank String ffmpegPath,
    @NotBlank String ffprobePath,
    @NotNull DataSize maxInputSize,
    @NotNull Duration maxDuration,
    @NotNull Duration probeTimeout,
    @NotNull Duration ffmpegTimeout,
    @NotNull DataSize maxOutputSize,
    @NotNull DataSize workingCopiesMaxSize) {

  /** The media activities' settings, with their scratch space in {@code workDir}. */
  public MediaSettings settings(Path workDir) {
    return new MediaSettings(
        ffmpegPath,
        ffprobePath,
        workDir.toAbsolutePath(),
        maxInputSize.toBytes(),
        maxDuration.toMillis() / 1000.0,
        probeTimeout,
        ffmpegTimeout,
        maxOutputSize.toBytes());
  }
}
