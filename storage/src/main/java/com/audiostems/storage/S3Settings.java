package com.audiostems.storage;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Where and how {@link S3BlobStore} keeps objects. Every value is checked here, so a bad setting
 * fails at start-up with the setting's name rather than on the first upload.
 *
 * @param bucket the bucket's name
 * @param keyPrefix prepended to every key, e.g. {@code "prod/"}; empty for none. It lets several
 *     environments share a bucket; {@link S3BlobStore#list} hands keys back without it
 * @param region the bucket's region (also the signing region of an S3-compatible server)
 * @param endpointOverride the endpoint of an S3-compatible server (MinIO, versitygw, Ceph); empty
 *     for AWS itself
 * @param pathStyleAccess {@code http://host/bucket/key} instead of {@code http://bucket.host/key};
 *     most S3-compatible servers need it
 * @param masterStorageClass the storage class of masters, see {@link S3StorageClasses}
 * @param encryption server-side encryption requested on every write
 * @param multipartThresholdBytes files larger than this (and than one part) are uploaded in parts
 * @param partSizeBytes the size of each part but the last
 * @param maxPresignValidity the longest validity a presigned URL may be given
 */
public record S3Settings(
    String bucket,
    String keyPrefix,
    Region region,
    Optional<URI> endpointOverride,
    boolean pathStyleAccess,
    StorageClass masterStorageClass,
    S3Encryption encryption,
    long multipartThresholdBytes,
    long partSizeBytes,
    Duration maxPresignValidity) {

  /**
   * S3's own limits on parts: at least 5 MiB (but the last), at most 5 GiB; a single PUT also stops
   * at 5 GiB.
   */
  public static final long MIN_PART_BYTES = 5L << 20;

  public static final long MAX_PART_BYTES = 5L << 30;

  /** SigV4 presigned URLs live at most seven days. */
  public static final Duration MAX_SIGV4_VALIDITY = Duration.ofDays(7);

  // The rules for names of buckets usable with both path-style and virtual-hosted addressing.
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  public S3Settings {
    require(
        bucket != null && BUCKET.matcher(bucket).matches() && !bucket.contains(".."),
        "bucket",
        bucket,
        "3-63 lowercase letters, digits, '.' or '-', starting and ending with a letter or digit");
    keyPrefix = keyPrefix == null ? "" : keyPrefix;
    require(
        keyPrefix.isEmpty()
            || (keyPrefix.endsWith("/")
                && S3BlobStore.isSafe(keyPrefix.substring(0, keyPrefix.length() - 1))),
        "keyPrefix",
        keyPrefix,
        "empty, or safe key segments ending with '/' such as \"prod/\"");
    require(region != null, "region", region, "a region such as us-east-1");
    endpointOverride = endpointOverride == null ? Optional.empty() : endpointOverride;
    require(
        endpointOverride.map(S3Settings::isHttpUrl).orElse(true),
        "endpointOverride",
        endpointOverride.orElse(null),
        "an http:// or https:// URL");
    require(
        masterStorageClass != null && masterStorageClass != StorageClass.UNKNOWN_TO_SDK_VERSION,
        "masterStorageClass",
        masterStorageClass,
        "one of " + StorageClass.knownValues());
    require(
        encryption != null,
        "encryption",
        encryption,
        "S3Encryption.none(), aes256() or kms(keyId)");
    require(
        partSizeBytes >= MIN_PART_BYTES && partSizeBytes <= MAX_PART_BYTES,
        "partSizeBytes",
        partSizeBytes,
        "between 5 MiB and 5 GiB");
    require(
        multipartThresholdBytes >= 1 && multipartThresholdBytes <= MAX_PART_BYTES,
        "multipartThresholdBytes",
        multipartThresholdBytes,
        "between 1 byte and 5 GiB (the largest single PUT)");
    require(
        maxPresignValidity != null
            && maxPresignValidity.isPositive()
            && maxPresignValidity.compareTo(MAX_SIGV4_VALIDITY) <= 0,
        "maxPresignValidity",
        maxPresignValidity,
        "positive and at most 7 days");
  }

  /**
   * Settings for AWS S3 with the defaults: masters in INTELLIGENT_TIERING, 16 MiB threshold, 8 MiB
   * parts.
   */
  public static Builder builder(String bucket, Region region) {
    return new Builder(bucket, region);
  }

  /**
   * The SDK's multipart client's own rule: one PUT up to the threshold, and for anything that fits
   * in one part.
   */
  public boolean uploadsInParts(long bytes) {
    return bytes > multipartThresholdBytes && bytes > partSizeBytes;
  }

  /** The full S3 key of a store key. */
  String objectKey(String key) {
    return keyPrefix + key;
  }

  private static boolean isHttpUrl(URI uri) {
    return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        && uri.getHost() != null;
  }

  private static void require(boolean valid, String name, Object value, String expected) {
    if (!valid) {
      throw new IllegalArgumentException(
          "S3 setting '" + name + "' is " + value + ": expected " + expected + ".");
    }
  }

  /** Builds settings from the defaults; one call per setting that differs. */
  public static final class Builder {
    private final String bucket;
    private final Region region;
    private String keyPrefix = "";
    private URI endpointOverride;
    private boolean pathStyleAccess;
    private StorageClass masterStorageClass = StorageClass.INTELLIGENT_TIERING;
    private S3Encryption encryption = S3Encryption.none();
    // AWS suggests 8-16 MiB parts; below 16 MiB one PUT is cheaper than three requests.
    private long multipartThresholdBytes = 16L << 20;
    private long partSizeBytes = 8L << 20;
    private Duration maxPresignValidity = Duration.ofHours(1);

    private Builder(String bucket, Region region) {
      this.bucket = Objects.requireNonNull(bucket, "bucket");
      this.region = Objects.requireNonNull(region, "region");
    }

    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = keyPrefix;
      return this;
    }

    public Builder endpointOverride(URI endpointOverride) {
      this.endpointOverride = endpointOverride;
      return this;
    }

    public Builder pathStyleAccess(boolean pathStyleAccess) {
      this.pathStyleAccess = pathStyleAccess;
      return this;
    }

    public Builder masterStorageClass(StorageClass masterStorageClass) {
      this.masterStorageClass = masterStorageClass;
      return this;
    }

    public Builder encryption(S3Encryption encryption) {
      this.encryption = encryption;
      return this;
    }

    public Builder multipartThresholdBytes(long multipartThresholdBytes) {
      this.multipartThresholdBytes = multipartThresholdBytes;
      return this;
    }

    public Builder partSizeBytes(long partSizeBytes) {
      this.partSizeBytes = partSizeBytes;
      return this;
    }

    public Builder maxPresignValidity(Duration maxPresignValidity) {
      this.maxPresignValidity = maxPresignValidity;
      return this;
    }

    public S3Settings build() {
      return new S3Settings(
          bucket,
          keyPrefix,
          region,
          Optional.ofNullable(endpointOverride),
          pathStyleAccess,
          masterStorageClass,
          encryption,
          multipartThresholdBytes,
          partSizeBytes,
          maxPresignValidity);
    }
  }
}
