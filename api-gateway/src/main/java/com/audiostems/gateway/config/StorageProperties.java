package com.audiostems.gateway.config;

import com.audiostems.storage.StorageSettings;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which blob store the gateway hands out locations for. It must be the store the workers read and
 * write: uploads land where the probe activity looks, outputs are served from where the encoders
 * put them. The keys are the workers' own ({@link StorageSettings}), under this prefix.
 *
 * @param kind the implementation; each kind's beans are switched on by this value alone
 * @param root root directory of the local store (kind {@code local})
 * @param s3 the bucket (kind {@code s3}); clients PUT and GET presigned S3 URLs
 */
@Validated
@ConfigurationProperties("audiostems.gateway.storage")
public record StorageProperties(StorageSettings.Kind kind, Path root, StorageSettings.S3 s3) {

  public StorageProperties {
    // Checks the combination now, so that a missing bucket or root fails while binding, with this
    // prefix.
    settings(kind, root, s3);
  }

  /** The settings that {@code BlobStores} turns into the store. */
  public StorageSettings settings() {
    return settings(kind, root, s3);
  }

  private static StorageSettings settings(
      StorageSettings.Kind kind, Path root, StorageSettings.S3 s3) {
    return new StorageSettings(kind, root, s3);
  }
}
