package com.audiostems.storage;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Which blob store a process uses, in the shape of its configuration keys: the workers bind it
 * under {@code audiostems.storage}, the gateway under {@code audiostems.gateway.storage}, and
 * {@link BlobStores#fromSettings} turns it into the store. Plain Java (no Spring) so that every
 * module binds the same record; a bad setting fails while binding, i.e. at start-up.
 *
 * @param kind {@code local} or {@code s3}
 * @param root root directory of the local store (kind {@code local}; ignored for {@code s3})
 * @param s3 the bucket and how to write to it (kind {@code s3})
 */
public record StorageSettings(Kind kind, Path root, S3 s3) {

  public enum Kind {
    /** {@link LocalBlobStore} under {@code root}. */
    LOCAL,
    /** {@link S3BlobStore} in {@code s3.bucket}; credentials come from the SDK's default chain. */
    S3
  }

  public StorageSettings {
    kind = kind == null ? Kind.LOCAL : kind;
    if (kind == Kind.LOCAL && root == null) {
      throw new IllegalArgumentException(
          "Storage setting 'root' is missing: kind local needs a directory.");
    }
    if (kind == Kind.S3) {
      if (s3 == null || s3.bucket() == null || s3.bucket().isBlank()) {
        throw new IllegalArgumentException(
            "Storage setting 's3.bucket' is missing: kind s3 needs a bucket.");
      }
      // Builds (and so checks) the S3 settings now, so that a bad value fails at start-up, not on
      // the first upload.
      s3.toS3Settings();
    }
  }

  /**
   * The S3 keys; an unset (null) value takes {@link S3Settings.Builder}'s default.
   *
   * @param bucket the bucket (required for kind s3)
   * @param prefix prepended to every key, e.g. {@code prod/}
   * @param region the bucket's region; unset: us-east-1
   * @param endpoint an S3-compatible server (MinIO, versitygw); unset for AWS
   * @param pathStyle path-style addressing, which most S3-compatible servers need
   * @param masterStorageClass the storage class of uploads and outputs, e.g. {@code
   *     intelligent-tiering}
   * @param encryption server-side encryption on every write: {@code none}, {@code aes256} or {@code
   *     kms}
   * @param kmsKeyId the KMS key for {@code kms}; unset: the account's {@code aws/s3} key
   * @param multipartThresholdBytes files larger than this are uploaded in parts
   * @param partSizeBytes the size of each part, at least 5 MiB
   */
  public record S3(
      String bucket,
      String prefix,
      String region,
      URI endpoint,
      boolean pathStyle,
      StorageClass masterStorageClass,
      S3Encryption.Mode encryption,
      String kmsKeyId,
      Long multipartThresholdBytes,
      Long partSizeBytes) {

    public S3Settings toS3Settings() {
      return builder().build();
    }

    /** The same with a longer (or shorter) cap on presigned URLs than the default hour. */
    public S3Settings toS3Settings(Duration maxPresignValidity) {
      return builder().maxPresignValidity(maxPresignValidity).build();
    }

    private S3Settings.Builder builder() {
      S3Settings.Builder builder =
          S3Settings.builder(
                  bucket, region == null || region.isBlank() ? Region.US_EAST_1 : Region.of(region))
              .keyPrefix(prefix)
              .endpointOverride(endpoint)
              .pathStyleAccess(pathStyle)
              .encryption(s3Encryption());
      if (masterStorageClass != null) {
        builder.masterStorageClass(masterStorageClass);
      }
      if (multipartThresholdBytes != null) {
        builder.multipartThresholdBytes(multipartThresholdBytes);
      }
      if (partSizeBytes != null) {
        builder.partSizeBytes(partSizeBytes);
      }
      return builder;
    }

    private S3Encryption s3Encryption() {
      return encryption == null
          ? S3Encryption.none()
          : new S3Encryption(encryption, Optional.ofNullable(kmsKeyId));
    }
  }
}
