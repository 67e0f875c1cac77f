package com.audiostems.activities.watermark;

import com.audiostems.dsp.watermark.WatermarkKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deployment's watermark keys: the current one, which every new mark is embedded with, and the
 * ones it replaced, which detection still tries so that previews marked before a rotation stay
 * readable. Secrets never leave this object: {@link #toString()} and the logs name key ids only.
 */
public final class WatermarkKeyring {
  /** Fewer random bytes than this make a key that could be guessed. */
  public static final int MIN_SECRET_BYTES = 16;

  private final WatermarkKey current;
  private final List<WatermarkKey> all;

  private WatermarkKeyring(WatermarkKey current, List<WatermarkKey> all) {
    this.current = current;
    this.all = List.copyOf(all);
  }

  /**
   * A configured key: its id, and its secret as base64 of at least {@value #MIN_SECRET_BYTES}
   * bytes.
   */
  public record KeyEntry(String id, String secret) {
    @Override
    public String toString() {
      return "KeyEntry[id=" + id + ", secret=***]";
    }
  }

  /**
   * @param settingName the setting the keys come from, named in every error (e.g.
   *     "audiostems.watermark.keys")
   * @param currentKeyId the key new marks are embedded with; may be empty when there is one key
   * @throws IllegalArgumentException naming the setting when a key is malformed, an id repeats or
   *     the current key is not among them
   */
  public static WatermarkKeyring of(List<KeyEntry> keys, String currentKeyId, String settingName) {
    if (keys == null || keys.isEmpty()) {
      throw new IllegalArgumentException(
          settingName + " is empty: configure at least one watermark key (id and secret)");
    }
    Map<String, WatermarkKey> byId = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      KeyEntry entry = keys.get(i);
      String where = settingName + "[" + i + "]";
      if (entry == null || entry.id() == null || !entry.id().matches("[A-Za-z0-9._-]{1,64}")) {
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
      if (secret.length < MIN_SECRET_BYTES) {
        throw new IllegalArgumentException(
            where
                + ".secret has "
                + secret.length
                + " bytes; a watermark key needs at least "
                + MIN_SECRET_BYTES
                + " random bytes, base64 (`openssl rand -base64 32`)");
      }
      if (byId.put(entry.id(), WatermarkKey.ofBytes(entry.id(), secret)) != null) {
        throw new IllegalArgumentException(where + ".id '" + entry.id() + "' is used twice");
      }
    }
    String currentId = currentKeyId == null || currentKeyId.isBlank() ? null : currentKeyId.strip();
    if (currentId == null && byId.size() > 1) {
      throw new IllegalArgumentException(
          settingName.replaceFirst("keys$", "current-key-id")
              + " must name the key new marks are embedded with, one of "
              + byId.keySet());
    }
    WatermarkKey current =
        currentId == null ? byId.values().iterator().next() : byId.get(currentId);
    if (current == null) {
      throw new IllegalArgumentException(
          settingName.replaceFirst("keys$", "current-key-id")
              + " '"
              + currentId
              + "' is not among the configured keys "
              + byId.keySet());
    }
    // The current key first: most marks in circulation carry it, and detection stops at the first
    // match.
    List<WatermarkKey> ordered = new ArrayList<>();
    ordered.add(current);
    byId.values().stream().filter(k -> k != current).forEach(ordered::add);
    return new WatermarkKeyring(current, ordered);
  }

  /** The key new marks are embedded with. */
  public WatermarkKey current() {
    return current;
  }

  /** Every key detection tries, the current one first. */
  public WatermarkKey[] all() {
    return all.toArray(WatermarkKey[]::new);
  }

  public List<String> ids() {
    return all.stream().map(WatermarkKey::id).toList();
  }

  @Override
  public String toString() {
    return "WatermarkKeyring[current=" + current.id() + ", keys=" + ids() + "]";
  }
}
