package com.audiostems.gateway.locations.local;

import com.audiostems.gateway.problems.Problems;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures of the local store's links. A signature covers the method, the subject (an
 * upload id or a storage key; neither may contain a newline) and the expiry, so a link cannot be
 * turned into another method, another object or a longer life.
 */
public final class LinkSigner {
  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;
  private final Clock clock;

  public LinkSigner(String secret, Clock clock) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.clock = clock;
  }

  /** URL-safe base64 of the MAC, without padding. */
  public String sign(String method, String subject, Instant expiresAt) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(mac(method, subject, expiresAt.getEpochSecond()));
  }

  /**
   * Throws a 403 problem unless the signature is this gateway's for these values and the link has
   * not expired. The comparison is constant-time.
   */
  public void requireValid(
      String method, String subject, Long expiresEpochSecond, String signature) {
    if (expiresEpochSecond == null || signature == null) {
      throw invalid();
    }
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (!MessageDigest.isEqual(given, mac(method, subject, expiresEpochSecond))) {
      throw invalid();
    }
    if (clock.instant().getEpochSecond() > expiresEpochSecond) {
      throw Problems.forbidden(
          "link-expired",
          "This link expired at "
              + Instant.ofEpochSecond(expiresEpochSecond)
              + "; ask the API for a new one.");
    }
  }

  private static RuntimeException invalid() {
    return Problems.forbidden(
        "link-invalid",
        "This link's signature is missing or wrong; use the URL exactly as the API returned it.");
  }

  private byte[] mac(String method, String subject, long expiresEpochSecond) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(
          (method + "\n" + subject + "\n" + expiresEpochSecond).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
    }
  }
}
