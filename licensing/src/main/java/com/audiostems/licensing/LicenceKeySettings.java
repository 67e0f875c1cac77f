package com.audiostems.licensing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code audiostems.licence-tokens.*} settings, as configuration binds them.
 *
 * @param keys the deployment's token keys: {@code id} and {@code secret} (base64 of 32 random
 *     bytes, {@code openssl rand -base64 32}); better given by environment. Add a new key and make
 *     it current to rotate: tokens sealed with the old one still open while it stays listed.
 * @param currentKeyId the key new tokens are sealed with; may be empty when there is one key
 * @param generatedKeyFile where a key is generated (once, 0600) and kept when {@code keys} is empty
 *     and the store is local; a key found there still opens its tokens after keys are configured
 */
public record LicenceKeySettings(
    List<LicenceKeyring.KeyEntry> keys, String currentKeyId, Path generatedKeyFile) {

  /** The prefix every error names. */
  public static final String PREFIX = "audiostems.licence-tokens.";

  /**
   * The keyring: the configured keys, plus the generated key where one was kept.
   *
   * @param mayGenerate whether a key may be generated when none is configured or kept: only on a
   *     local store, where every process of the deployment reads the same file; hosts sharing a
   *     bucket must share configured keys
   * @throws IllegalArgumentException naming the setting when no key can be had or one is malformed
   */
  public LicenceKeyring keyring(boolean mayGenerate) throws IOException {
    List<LicenceKeyring.KeyEntry> entries = new ArrayList<>(keys == null ? List.of() : keys);
    boolean configured = !entries.isEmpty();
    boolean hasKeyFile = generatedKeyFile != null && !generatedKeyFile.toString().isBlank();
    Optional<LicenceKeyring.KeyEntry> generated =
        !hasKeyFile
            ? Optional.empty()
            : configured || !mayGenerate
                ? GeneratedLicenceKey.read(generatedKeyFile)
                : Optional.of(GeneratedLicenceKey.readOrCreate(generatedKeyFile));
    if (!configured && generated.isEmpty()) {
      throw new IllegalArgumentException(
          PREFIX
              + "keys is empty: configure a licence-token key ("
              + PREFIX
              + "keys[0].id and "
              + PREFIX
              + "keys[0].secret, base64 of 32 random bytes: `openssl rand -base64 32`)"
              + (mayGenerate ? "" : ", or run on a local store once to generate one"));
    }
    String current = configured ? currentKeyId : generated.get().id();
    if (configured && (currentKeyId == null || currentKeyId.isBlank()) && keys.size() == 1) {
      current = keys.get(0).id();
    }
    if (generated.isPresent()
        && entries.stream().noneMatch(e -> e.id().equals(generated.get().id()))) {
      entries.add(generated.get());
    }
    return LicenceKeyring.of(entries, current, PREFIX + "keys");
  }

  @Override
  public String toString() {
    return "LicenceKeySettings[keys="
        + (keys == null ? List.of() : keys.stream().map(LicenceKeyring.KeyEntry::id).toList())
        + ", currentKeyId="
        + currentKeyId
        + ", generatedKeyFile="
        + generatedKeyFile
        + "]";
  }
}
