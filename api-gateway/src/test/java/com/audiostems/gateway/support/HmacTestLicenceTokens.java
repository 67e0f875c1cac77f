package com.audiostems.gateway.support;

import com.audiostems.licensing.LicenceTokenClaims;
import com.audiostems.licensing.LicenceTokenException;
import com.audiostems.licensing.LicenceTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A test-only stand-in for the licensing module's AES-256-GCM tokens: the claims in clear JSON,
 * authenticated by HMAC-SHA256, in {@code keyId.claims.mac} form. It is not confidential and not
 * the product's token; it exists so that the gateway's tests exercise real refusals (a changed
 * byte, an unknown key id, a malformed token) through the {@link LicenceTokens} interface.
 */
public final class HmacTestLicenceTokens implements LicenceTokens {
  static final String KEY_ID = "test-key-1";
  private final byte[] secret = "gateway-test-token-secret".getBytes(StandardCharsets.UTF_8);
  private final ObjectMapper json;

  public HmacTestLicenceTokens(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public String issue(LicenceTokenClaims claims) {
    try {
      LicenceTokenClaims sealed =
          new LicenceTokenClaims(
              claims.licenceId(),
              claims.licensee(),
              claims.trackId(),
              claims.formats(),
              claims.endsAt(),
              KEY_ID);
      String body =
          Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(sealed));
      return KEY_ID + "." + body + "." + mac(KEY_ID + "." + body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public LicenceTokenClaims open(String token) throws LicenceTokenException {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      throw new LicenceTokenException(LicenceTokenException.Reason.MALFORMED, "not a token");
    }
    if (!KEY_ID.equals(parts[0])) {
      throw new LicenceTokenException(
          LicenceTokenException.Reason.UNKNOWN_KEY, "key " + parts[0] + " is not in the ring");
    }
    byte[] expected = mac(parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
      throw new LicenceTokenException(LicenceTokenException.Reason.TAMPERED, "tag mismatch");
    }
    try {
      return json.readValue(Base64.getUrlDecoder().decode(parts[1]), LicenceTokenClaims.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new LicenceTokenException(LicenceTokenException.Reason.MALFORMED, "unreadable claims");
    }
  }

  private String mac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Arrays.copyOf(secret, secret.length), "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
