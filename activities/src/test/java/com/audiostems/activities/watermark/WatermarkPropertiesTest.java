package com.audiostems.activities.watermark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys from settings: configured, rotated, generated once for a local deployment, and refused with
 * the key's name.
 */
class WatermarkPropertiesTest {
  static final String SECRET_A = "YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE=";
  static final String SECRET_B = "YmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmI=";
  static final WatermarkProperties.PreviewTag TAG =
      new WatermarkProperties.PreviewTag(
          Duration.ofSeconds(20), -20, 1000, Duration.ofMillis(400), null);

  @TempDir Path temp;

  private WatermarkProperties properties(List<WatermarkKeyring.KeyEntry> keys, String current) {
    return new WatermarkProperties(keys, current, temp.resolve("data/watermark-key"), TAG);
  }

  @Test
  void withoutKeysALocalDeploymentGeneratesOneOnceOwnerOnlyAndKeepsIt() throws Exception {
    WatermarkKeyring first = properties(List.of(), "").keyring(true);
    Path file = temp.resolve("data/watermark-key");
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(first.current().id()).startsWith("local-");
    assertThat(first.toString())
        .doesNotContain(GeneratedWatermarkKey.read(file).orElseThrow().secret());

    WatermarkKeyring again = properties(List.of(), "").keyring(true);
    assertThat(again.current()).isEqualTo(first.current());
    assertThat(properties(List.of(), "").keyring(false).current())
        .as("detection reads it too")
        .isEqualTo(first.current());
  }

  @Test
  void withoutKeysAndWithoutLeaveToGenerateNothingStartsAndTheKeyIsNamed() {
    assertThatThrownBy(() -> properties(List.of(), "").keyring(false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("audiostems.watermark.keys is empty");
    assertThat(temp.resolve("data/watermark-key")).doesNotExist();
  }

  @Test
  void rotationMarksWithTheCurrentKeyAndDetectsWithEveryKeyTheGeneratedOneIncluded()
      throws Exception {
    WatermarkKeyring generated = properties(List.of(), "").keyring(true);
    WatermarkKeyring rotated =
        properties(
                List.of(
                    new WatermarkKeyring.KeyEntry("2025", SECRET_A),
                    new WatermarkKeyring.KeyEntry("2026", SECRET_B)),
                "2026")
            .keyring(true);

    assertThat(rotated.current().id()).isEqualTo("2026");
    assertThat(rotated.ids()).containsExactly("2026", "2025", generated.current().id());
  }

  @Test
  void malformedKeysAreRefusedNamingTheSetting() {
    assertThatThrownBy(
            () ->
                properties(List.of(new WatermarkKeyring.KeyEntry("a", "c2hvcnQ=")), "")
                    .keyring(false))
        .hasMessageContaining("audiostems.watermark.keys[0].secret has 5 bytes");
    assertThatThrownBy(
            () ->
                properties(List.of(new WatermarkKeyring.KeyEntry("a", "not base64!")), "")
                    .keyring(false))
        .hasMessageContaining("audiostems.watermark.keys[0].secret is not base64");
    assertThatThrownBy(
            () ->
                properties(
                        List.of(
                            new WatermarkKeyring.KeyEntry("a", SECRET_A),
                            new WatermarkKeyring.KeyEntry("b", SECRET_B)),
                        "")
                    .keyring(false))
        .hasMessageContaining("audiostems.watermark.current-key-id must name");
    assertThatThrownBy(
            () ->
                properties(List.of(new WatermarkKeyring.KeyEntry("a", SECRET_A)), "z")
                    .keyring(false))
        .hasMessageContaining("audiostems.watermark.current-key-id 'z' is not among");
    assertThatThrownBy(
            () ->
                new WatermarkProperties(
                        List.of(),
                        "",
                        null,
                        new WatermarkProperties.PreviewTag(
                            Duration.ofMillis(10), -20, 1000, Duration.ofMillis(400), null))
                    .previewTagSettings())
        .hasMessageContaining("audiostems.watermark.preview-tag");
  }
}
