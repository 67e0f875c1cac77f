package com.audiostems.workers.gpu.boot;

import com.audiostems.activities.media.MediaProperties;
import com.audiostems.storage.StorageSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The analysis host's settings: the same {@code audiostems.*} keys as the CPU pool's and the {@code
 * audiostems} command's. The Temporal connection is {@code spring.temporal.*}.
 *
 * @param storage the store the sources are in: the same as the CPU pool's
 * @param workDir where sources are downloaded for decoding
 * @param media the ffmpeg binary and its time limit (the analysis decodes through it)
 * @param workers how many analyses run at once
 */
@Validated
@ConfigurationProperties("audiostems")
public record GpuWorkerProperties(
    @NotNull StorageSettings storage,
    @NotNull Path workDir,
    @Valid @NotNull MediaProperties media,
    @Valid @NotNull Workers workers) {

  /**
   * @param activitySlots concurrent analyses; 0 means one per core (each is single-threaded)
   */
  public record Workers(@PositiveOrZero int activitySlots) {

    public int activitySlotsOrCores() {
      return activitySlots > 0 ? activitySlots : Runtime.getRuntime().availableProcessors();
    }
  }
}
