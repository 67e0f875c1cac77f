package com.audiostems.storage;

import java.io.IOException;
import java.time.Duration;

/**
 * The one place where storage settings become a store, so that workers and gateway build it alike.
 */
public final class BlobStores {
  private BlobStores() {}

  /**
   * The configured store; an {@link S3BlobStore} must be closed with the process (Spring does it
   * for a bean).
   */
  public static BlobStore fromSettings(StorageSettings settings) throws IOException {
    return switch (settings.kind()) {
      case LOCAL -> new LocalBlobStore(settings.root());
      case S3 -> s3(settings);
    };
  }

  /** The S3 store of kind {@code s3} settings, for workers: presigned URLs of at most an hour. */
  public static S3BlobStore s3(StorageSettings settings) {
    return new S3BlobStore(requireS3(settings).toS3Settings());
  }

  /**
   * The same for a caller that presigns, whose links may live as long as {@code
   * maxPresignValidity}.
   */
  public static S3BlobStore s3(StorageSettings settings, Duration maxPresignValidity) {
    return new S3BlobStore(requireS3(settings).toS3Settings(maxPresignValidity));
  }

  private static StorageSettings.S3 requireS3(StorageSettings settings) {
    if (settings.kind() != StorageSettings.Kind.S3) {
      throw new IllegalArgumentException("Storage kind is " + settings.kind() + ", not s3.");
    }
    return settings.s3();
  }

  /** A one-line description for start-up banners: the directory, or the bucket and prefix. */
  public static String describe(StorageSettings settings) {
    return switch (settings.kind()) {
      case LOCAL -> settings.root().toAbsolutePath().normalize().toString();
      case S3 ->
          "s3://"
              + settings.s3().bucket()
              + "/"
              + (settings.s3().prefix() == null ? "" : settings.s3().prefix());
    };
  }
}
