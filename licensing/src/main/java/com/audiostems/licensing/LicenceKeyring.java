package com.audiostems.licensing;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A deployment's licence-token keys: the current one, which seals every new token, and the ones it
 * replaced, which still open the tokens they sealed until they are removed from the ring. Secrets
 * never leave this object: {@link #toString()} and errors name key ids only.
 */
public final class LicenceKeyring {
  /** AES-256: exactly 32 random bytes. */
  public static final int SECRET_BYTES = 32;

  private static final String KEY_ID = "[A-Za-z0-9._-]{1,64}";

  private final String currentId;
  private final Map<String, SecretKey> byId;

  private LicenceKeyring(String currentId, Map<String, SecretKey> byId) {
    this.currentId = currentId;
    this.byId = Map.copyOf(byId);
  }

  /** A configured key: its id, and its secret as base64 of 32 random bytes. */
  public record KeyEntry(String id, String secret) {
    @Override
    public String toString() {
      return "KeyEntry[id=" + id + ", secret=***]";
    }
  }

  /**
   * @param settingName the setting the keys come from, named in every error (e.g.
   *     "audiostems.licence-tokens.keys")
   * @param currentKeyId the key new tokens are sealed with; may be empty when there is one key
   * @throws IllegalArgumentException naming the setting when a key is malformed, an id repeats or
   *     the current key is not among them
   */
  public static LicenceKeyring of(List<KeyEntry> keys, String currentKeyId, String settingName) {
    if (keys == null || keys.isEmpty()) {
      throw new IllegalArgumentException(
          settingName + " is empty: configure at least one licence-token key (id and secret)");
    }
    Map<String, SecretKey> byId = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      KeyEntry entry = keys.get(i);
      String where = settingName + "[" + i + "]";
      if (entry == null || entry.id() == null || !entry.id().matches(KEY_ID)) {
        throw new IllegalArgumentException(
            where + ".id must be 1-64 letters, digits, '.', '_' or '-'");
      }
      byte[] secret;
      try {
        secret = Base64.getDecoder().decode(entry.secret() == null ? "" : entry.secret().strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            where + ".secret is not base64 (e.g. the output of `openssl rand -base64 32`)");
      }
      if (secret.length != SECRET_BYTES) {
        throw new IllegalArgumentException(
            where
                + ".secret has "
                + secret.length
                + " bytes; an AES-256 key is exactly "
                + SECRET_BYTES
                + " random bytes, base64 (`openssl rand -base64 32`)");
      }
      if (byId.put(entry.id(), new SecretKeySpec(secret, "AES")) != null) {
        throw new IllegalArgumentException(where + ".id '" + entry.id() + "' is used twice");
      }
    }
    String current = currentKeyId == null || currentKeyId.isBlank() ? null : currentKeyId.strip();
    String currentSetting = settingName.replaceFirst("keys$", "current-key-id");
    if (current == null && byId.size() > 1) {
      throw new IllegalArgumentException(
          currentSetting
              + " must name the key new tokens are sealed with, one of "
              + byId.keySet());
    }
    if (current == null) {
      current = byId.keySet().iterator().next();
    }
    if (!byId.containsKey(current)) {
      throw new IllegalArgumentException(
          currentSetting + " '" + current + "' is not among the configured keys " + byId.keySet());
    }
    return new LicenceKeyring(current, byId);
  }

  /** The id of the key new tokens are sealed with. */
  public String currentId() {
    return currentId;
  }

  SecretKey current() {
    return byId.get(currentId);
  }

  /** The key of that id, if the ring still holds it. */
  Optional<SecretKey> key(String keyId) {
    return Optional.ofNullable(byId.get(keyId));
  }

  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }

  static boolean isKeyId(String keyId) {
    return keyId != null && keyId.matches(KEY_ID);
  }

  @Override
  public String toString() {
    return "LicenceKeyring[current=" + currentId + ", keys=" + ids() + "]";
  }
}
