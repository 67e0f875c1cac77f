package com.audiostems.dsp.watermark;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A secret watermark key, one per deployment. Every pseudo-random choice of the mark (which bins
 * carry which bit, their signs, the sync pattern, the interleaver) is derived from HMAC-SHA256(key,
 * label), so without the key the mark can neither be read nor be found.
 *
 * <p>Rotation: embed with the current key; {@link WatermarkDetector#detect} takes several keys and
 * reports which one matched ({@link Detection#keyId()}).
 */
public final class WatermarkKey {

  private final String id;
  private final byte[] secret;

  private WatermarkKey(String id, byte[] secret) {
    this.id = Objects.requireNonNull(id);
    if (secret.length < 16) {
      throw new IllegalArgumentException("a watermark key needs at least 16 secret bytes");
    }
    this.secret = secret.clone();
  }

  /** A key from raw secret bytes (at least 16). */
  public static WatermarkKey ofBytes(String id, byte[] secret) {
    return new WatermarkKey(id, secret);
  }

  /** A key from a passphrase: the secret is SHA-256 of its UTF-8 bytes. */
  public static WatermarkKey fromPassphrase(String id, String passphrase) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256").digest(passphrase.getBytes(StandardCharsets.UTF_8));
      return new WatermarkKey(id, h);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String id() {
    return id;
  }

  /** A 64-bit seed for one named stream of key-derived randomness. */
  long seed(String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] h = mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
      long s = 0;
      for (int i = 0; i < 8; i++) {
        s = (s << 8) | (h[i] & 0xff);
      }
      return s;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WatermarkKey k && k.id.equals(id) && Arrays.equals(k.secret, secret);
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + Arrays.hashCode(secret);
  }

  @Override
  public String toString() {
    return "WatermarkKey[" + id + "]";
  }
}
