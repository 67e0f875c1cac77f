package com.audiostems.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Ids the gateway makes for uploads and tracks: 32 lowercase hex digits, which pass the workflow
 * contract's id rule ({@code BlobKeys.requireTrackId}) and so can name storage keys and workflows.
 */
public final class Ids {
  private Ids() {}

  /** A fresh id: 122 random bits. */
  public static String random() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /**
   * The same id for the same parts, every time: the first 128 bits of SHA-256 over the parts, each
   * length-prefixed so that ("ab", "c") and ("a", "bc") differ.
   */
  public static String derived(String... parts) {
    MessageDigest digest = sha256();
    for (String part : parts) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
      digest.update(bytes);
    }
    return HexFormat.of().formatHex(digest.digest(), 0, 16);
  }

  /** Hex SHA-256 of a text, for request fingerprints. */
  public static String sha256Hex(String text) {
    return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
