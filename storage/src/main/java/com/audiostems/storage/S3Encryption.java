package com.audiostems.storage;

import java.util.Optional;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The server-side encryption {@link S3BlobStore} asks for on every write.
 *
 * @param mode none (the bucket's default encryption applies), AES256 (SSE-S3) or aws:kms (SSE-KMS)
 * @param kmsKeyId for SSE-KMS, the key's id or ARN; empty means the account's AWS-managed key
 *     ({@code aws/s3})
 */
public record S3Encryption(Mode mode, Optional<String> kmsKeyId) {

  public enum Mode {
    NONE,
    AES256,
    KMS
  }

  public S3Encryption {
    if (mode == null) {
      throw new IllegalArgumentException(
          "S3 setting 'encryption.mode' is missing: expected NONE, AES256 or KMS.");
    }
    kmsKeyId = kmsKeyId == null ? Optional.empty() : kmsKeyId.filter(id -> !id.isBlank());
    if (mode != Mode.KMS && kmsKeyId.isPresent()) {
      throw new IllegalArgumentException(
          "S3 setting 'encryption.kmsKeyId' is set but 'encryption.mode' is "
              + mode
              + ": a KMS key needs mode KMS.");
    }
  }

  public static S3Encryption none() {
    return new S3Encryption(Mode.NONE, Optional.empty());
  }

  public static S3Encryption aes256() {
    return new S3Encryption(Mode.AES256, Optional.empty());
  }

  /** SSE-KMS with the given key, or with the AWS-managed key when {@code keyId} is null. */
  public static S3Encryption kms(String keyId) {
    return new S3Encryption(Mode.KMS, Optional.ofNullable(keyId));
  }

  /** The {@code x-amz-server-side-encryption} value; null sends no header. */
  ServerSideEncryption algorithm() {
    return switch (mode) {
      case NONE -> null;
      case AES256 -> ServerSideEncryption.AES256;
      case KMS -> ServerSideEncryption.AWS_KMS;
    };
  }

  /** The {@code x-amz-server-side-encryption-aws-kms-key-id} value; null sends no header. */
  String kmsKeyIdOrNull() {
    return kmsKeyId.orElse(null);
  }
}
