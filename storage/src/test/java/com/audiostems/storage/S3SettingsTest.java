package com.audiostems.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** Bad settings fail at construction, naming the setting; the storage-class rule. */
class S3SettingsTest {

  @Test
  void defaultsSuitAwsAndMasters() {
    S3Settings settings = S3Settings.builder("audiostems-prod", Region.EU_WEST_1).build();

    assertThat(settings.masterStorageClass()).isEqualTo(StorageClass.INTELLIGENT_TIERING);
    assertThat(settings.encryption()).isEqualTo(S3Encryption.none());
    assertThat(settings.endpointOverride()).isEmpty();
    assertThat(settings.keyPrefix()).isEmpty();
    assertThat(settings.uploadsInParts(16L << 20)).isFalse();
    assertThat(settings.uploadsInParts((16L << 20) + 1)).isTrue();
  }

  @Test
  void badValuesAreRefusedWithTheSettingsName() {
    S3Settings.Builder valid = S3Settings.builder("audiostems-prod", Region.EU_WEST_1);
    assertRefused(() -> S3Settings.builder("Bad_Bucket", Region.EU_WEST_1).build(), "bucket");
    assertRefused(
        () -> S3Settings.builder("audiostems-prod", Region.EU_WEST_1).keyPrefix("prod").build(),
        "keyPrefix");
    assertRefused(
        () -> S3Settings.builder("audiostems-prod", Region.EU_WEST_1).keyPrefix("../").build(),
        "keyPrefix");
    assertRefused(
        () ->
            S3Settings.builder("audiostems-prod", Region.EU_WEST_1)
                .endpointOverride(URI.create("ftp://x"))
                .build(),
        "endpointOverride");
    assertRefused(
        () ->
            S3Settings.builder("audiostems-prod", Region.EU_WEST_1).partSizeBytes(1 << 20).build(),
        "partSizeBytes");
    assertRefused(
        () ->
            S3Settings.builder("audiostems-prod", Region.EU_WEST_1)
                .maxPresignValidity(Duration.ofDays(8))
                .build(),
        "maxPresignValidity");
    assertRefused(
        () -> new S3Encryption(S3Encryption.Mode.AES256, java.util.Optional.of("alias/k")),
        "encryption.kmsKeyId");
    assertThat(valid.keyPrefix("prod/audio/").build().keyPrefix()).isEqualTo("prod/audio/");
  }

  @Test
  void mastersOfAtLeast128KiBAreTieredAndEverythingElseIsStandard() {
    StorageClass master = StorageClass.INTELLIGENT_TIERING;
    long large = 10L << 20;
    assertThat(S3StorageClasses.forObject("uploads/t1/source.wav", large, master))
        .isEqualTo(master);
    assertThat(S3StorageClasses.forObject("tracks/t1/outputs/hi-res.flac", large, master))
        .isEqualTo(master);
    assertThat(S3StorageClasses.forObject("tracks/t1/outputs/preview.mp3", 128 * 1024 - 1, master))
        .isEqualTo(StorageClass.STANDARD);
    assertThat(S3StorageClasses.forObject("tracks/t1/manifest.json", large, master))
        .isEqualTo(StorageClass.STANDARD);
    assertThat(S3StorageClasses.forObject("tracks/t1/work/artwork.jpg", large, master))
        .isEqualTo(StorageClass.STANDARD);
    assertThat(
            S3StorageClasses.forObject("tracks/t1/outputs/x.wav", large, StorageClass.GLACIER_IR))
        .isEqualTo(StorageClass.GLACIER_IR);
  }

  private static void assertRefused(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable build, String setting) {
    assertThatThrownBy(build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + setting);
  }
}
