package com.audiostems.app;

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
 * Every setting of the audiostems command, under the {@code audiostems} prefix. Defaults are in
 * application.yml; override with {@code --audiostems.media.max-duration=1h}, environment variables
 * ({@code AUDIOSTEMS_MEDIA_MAXDURATION=1h}) or an application.yml beside the jar.
 *
 * @param storage where tracks are stored
 * @param workDir scratch space for ffmpeg's temporary files
 * @param media the limits and binaries of the media activities
 * @param workers how the in-process worker pools are sized
 */
@Validated
@ConfigurationProperties("audiostems")
public record AudiostemsProperties(
    @Valid @NotNull Storage storage, @NotNull Path workDir, @Valid @NotNull Media media, @Valid @NotNull Workers workers) {

  /** @param root the local blob store's root ({@code process --out DIR} overrides it) */
  public record Storage(@NotNull Path root) {}

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
      @NotNull DataSize maxOutputSize) {}

  /**
   * @param activitySlots concurrent media activities per host; 0 means one per core
   * @param encodeLanes parallel ffmpeg processes per track; 0 means one per core
   */
  public record Workers(@PositiveOrZero int activitySlots, @PositiveOrZero int encodeLanes) {

    public int activitySlotsOrCores() {
      return activitySlots > 0 ? activitySlots : Runtime.getRuntime().availableProcessors();
    }

    public int encodeLanesOrCores() {
      return encodeLanes > 0 ? encodeLanes : Runtime.getRuntime().availableProcessors();
    }
  }
}
