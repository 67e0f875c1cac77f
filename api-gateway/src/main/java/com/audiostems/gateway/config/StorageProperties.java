package com.audiostems.gateway.config;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which blob store the gateway hands out locations for. It must be the store the workers read and
 * write: uploads land where the probe activity looks, outputs are served from where the encoders
 * put them.
 *
 * @param kind the implementation; each kind's beans are switched on by this value alone
 * @param root root directory of the local store (kind {@code local})
 */
@Validated
@ConfigurationProperties("audiostems.gateway.storage")
public record StorageProperties(@NotNull Kind kind, @NotNull Path root) {

  /** The blob-store implementations the gateway can front. */
  public enum Kind {
    /** {@code LocalBlobStore}: the gateway itself receives uploads and serves files, by signed links. */
    LOCAL
  }
}
