package com.audiostems.activities.watermark;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code audiostems.watermark.*} settings as configuration binds them; the {@code audiostems}
 * command and the CPU worker host read the same keys (defaults in their application.yml).
 *
 * @param keys the deployment's watermark keys: {@code id} and {@code secret} (base64 of 16 or more
 *     random bytes, e.g. {@code openssl rand -base64 32}); better given by environment ({@code
 *     AUDIOSTEMS_WATERMARK_KEYS_0_ID}, {@code AUDIOSTEMS_WATERMARK_KEYS_0_SECRET}). Add a new key
 *     and make it current to rotate: marks made with the old ones are still detected.
 * @param currentKeyId the key new previews are marked with; may be empty when there is one key
 * @param generatedKeyFile where a key is generated (once, 0600) and kept when {@code keys} is empty
 *     and the store is local, so that the out-of-the-box run works; a key found there is also tried
 *     by detection after keys have been configured
 * @param previewTag the audible tag mixed into every preview
 */
public record WatermarkProperties(
    List<WatermarkKeyring.KeyEntry> keys,
    String currentKeyId,
    Path generatedKeyFile,
    @Valid @NotNull PreviewTag previewTag) {

  /** The prefix every error names. */
  static final String PREFIX = "audiostems.watermark.";

  /**
   * @param interval time between two tags (the first is half an interval in)
   * @param levelDb the tag's peak level, dBFS
   * @param toneHz the tone's frequency, when no sample file is set
   * @param toneLength the tone's length
   * @param sampleFile a voice or sound sample to mix instead of the tone; empty for the tone
   */
  public record PreviewTag(
      @NotNull Duration interval,
      double levelDb,
      double toneHz,
      @NotNull Duration toneLength,
      Path sampleFile) {}

  /** The tag's settings, checked; an IllegalArgumentException names the offending key. */
  public PreviewTagSettings previewTagSettings() {
    try {
      Path sample =
          previewTag.sampleFile() == null || previewTag.sampleFile().toString().isBlank()
              ? null
              : previewTag.sampleFile();
      return new PreviewTagSettings(
          previewTag.interval(),
          previewTag.levelDb(),
          previewTag.toneHz(),
          previewTag.toneLength(),
          sample);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(PREFIX + "preview-tag: " + e.getMessage(), e);
    }
  }

  /**
   * The keyring: the configured keys, plus a generated key where one was kept in {@link
   * #generatedKeyFile} (marks made with it stay readable).
   *
   * @param mayGenerate whether a key may be generated when none is configured or kept (a local
   *     store: every process of this deployment reads the same file)
   * @throws IllegalArgumentException naming the setting when no key can be had or a key is
   *     malformed
   */
  public WatermarkKeyring keyring(boolean mayGenerate) throws IOException {
    List<WatermarkKeyring.KeyEntry> entries = new ArrayList<>(keys == null ? List.of() : keys);
    boolean configured = !entries.isEmpty();
    boolean hasKeyFile = generatedKeyFile != null && !generatedKeyFile.toString().isBlank();
    Optional<WatermarkKeyring.KeyEntry> generated =
        !hasKeyFile
            ? Optional.empty()
            : configured || !mayGenerate
                ? GeneratedWatermarkKey.read(generatedKeyFile)
                : Optional.of(GeneratedWatermarkKey.readOrCreate(generatedKeyFile));
    if (!configured && generated.isEmpty()) {
      throw new IllegalArgumentException(
          PREFIX
              + "keys is empty: configure a watermark key ("
              + PREFIX
              + "keys[0].id and "
              + PREFIX
              + "keys[0].secret, base64 of 16+ random bytes: `openssl rand -base64 32`)"
              + (mayGenerate
                  ? ""
                  : ", or run `audiostems process` or `serve` on a local store once to generate one"));
    }
    String current = configured ? currentKeyId : generated.get().id();
    if (generated.isPresent()
        && entries.stream().noneMatch(e -> e.id().equals(generated.get().id()))) {
      entries.add(generated.get());
    }
    if (configured && (currentKeyId == null || currentKeyId.isBlank()) && keys.size() == 1) {
      current = keys.get(0).id();
    }
    return WatermarkKeyring.of(entries, current, PREFIX + "keys");
  }

  /** Keys and tag, as the preview's encoder takes them. */
  public WatermarkSettings settings(boolean mayGenerateKey) throws IOException {
    return new WatermarkSettings(keyring(mayGenerateKey), previewTagSettings());
  }
}
