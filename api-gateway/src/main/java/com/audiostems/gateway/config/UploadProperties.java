package com.audiostems.gateway.config;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and scratch space of uploads.
 *
 * @param maxSize the largest source a client may announce and send; keep it at or below the
 *     workers' {@code audiostems.media.max-input-size}, which rejects larger files anyway
 * @param tempDir where the local store's upload endpoint spools a body before it is stored; on the
 *     store's filesystem the final move is a rename instead of a copy
 */
@Validated
@ConfigurationProperties("audiostems.gateway.uploads")
public record UploadProperties(@NotNull DataSize maxSize, @NotNull Path tempDir) {

  public UploadProperties {
    if (maxSize != null && maxSize.toBytes() <= 0) {
      throw new IllegalArgumentException(
          "audiostems.gateway.uploads.max-size must be positive, not " + maxSize);
    }
  }
}
