package com.audiostems.workers.cpu.boot;

import com.audiostems.activities.media.MediaSettings;
import com.audiostems.storage.StorageSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The CPU worker host's settings: the same {@code audiostems.*} keys as the {@code audiostems}
 * command's, so one configuration serves both. The Temporal connection is {@code spring.temporal.*}.
 *
 * @param storage where tracks are stored: the same store as the servers' that start workflows
 *     ({@code kind: local} and {@code root}, or {@code kind: s3} and {@code s3.*})
 * @param workDir scratch space for ffmpeg's temporary files
 * @param media the limits and binaries of the media activities
 * @param workers how the pool is sized and stopped
 */
@Validated
@ConfigurationProperties("audiostems")
public record CpuWorkerProperties(
    @NotNull StorageSettings storage, @NotNull Path workDir, @Valid @NotNull Media media, @Valid @NotNull Workers workers) {

  /**
   * @param ffmpegPath ffmpeg binary, or its name on PATH
   * @param ffprobePath ffprobe binary, or its name on PATH
   * @param maxInputSize larger uploads are rejected (FileTooLarge)
   * @param maxDuration longer sources are rejected (TooLong)
   * @param probeTimeout wall-clock limit of one ffprobe run
   * @param ffmpegTimeout wall-clock limit of one ffmpeg run
   * @param maxOutputSize largest file one output may become
   */
  public record Media(
      @NotBlank String ffmpegPath,
      @NotBlank String ffprobePath,
      @NotNull DataSize maxInputSize,
      @NotNull Duration maxDuration,
      @NotNull Duration probeTimeout,
      @NotNull Duration ffmpegTimeout,
      @NotNull DataSize maxOutputSize) {

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

  /**
   * @param activitySlots concurrent media activities; 0 means one per core (ffmpeg is CPU-bound)
   * @param shutdownGrace on SIGTERM, how long running activities may finish before they are interrupted
   */
  public record Workers(@PositiveOrZero int activitySlots, @NotNull Duration shutdownGrace) {

    public int activitySlotsOrCores() {
      return activitySlots > 0 ? activitySlots : Runtime.getRuntime().availableProcessors();
    }
  }
}
