package com.audiostems.workers.cpu.boot;

import com.audiostems.activities.media.MediaProperties;
import com.audiostems.activities.watermark.WatermarkProperties;
import com.audiostems.storage.StorageSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The CPU worker host's settings: the same {@code audiostems.*} keys as the {@code audiostems}
 * command's, so one configuration serves both. The Temporal connection is {@code
 * spring.temporal.*}.
 *
 * @param storage where tracks are stored: the same store as the servers' that start workflows
 *     ({@code kind: local} and {@code root}, or {@code kind: s3} and {@code s3.*})
 * @param workDir scratch space for ffmpeg's temporary files
 * @param media the limits and binaries of the media activities
 * @param workers how the pool is sized and stopped
 * @param watermark the preview's watermark keys and audible tag
 */
@Validated
@ConfigurationProperties("audiostems")
public record CpuWorkerProperties(
    @NotNull StorageSettings storage,
    @NotNull Path workDir,
    @Valid @NotNull MediaProperties media,
    @Valid @NotNull Workers workers,
    @Valid @NotNull WatermarkProperties watermark) {

  /**
   * @param activitySlots concurrent media activities; 0 means one per core (ffmpeg is CPU-bound)
   * @param shutdownGrace on SIGTERM, how long running activities may finish before they are
   *     interrupted
   */
  public record Workers(@PositiveOrZero int activitySlots, @NotNull Duration shutdownGrace) {

    public int activitySlotsOrCores() {
      return activitySlots > 0 ? activitySlots : Runtime.getRuntime().availableProcessors();
    }
  }
}
