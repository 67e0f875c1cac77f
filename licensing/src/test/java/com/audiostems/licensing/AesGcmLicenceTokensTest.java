package com.audiostems.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.licensing.LicenceTokenException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AesGcmLicenceTokensTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final LicenceTokenClaims CLAIMS =
      new LicenceTokenClaims(
          "0123456789abcdef0123456789abcd",
          "Acme Films Ltd — Ünïcode",
          "t-0001",
          List.of("MP3_320", "FLAC"),
          Instant.parse("2027-03-01T12:00:00.123Z"),
          null);

  static LicenceKeyring.KeyEntry newKey(String id) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return new LicenceKeyring.KeyEntry(id, Base64.getEncoder().encodeToString(secret));
  }

  private static LicenceKeyring ring(String current, LicenceKeyring.KeyEntry... keys) {
    return LicenceKeyring.of(List.of(keys), current, "audiostems.licence-tokens.keys");
  }

  private static LicenceTokenException.Reason refusal(LicenceTokens tokens, String token) {
    try {
      tokens.open(token);
    } catch (LicenceTokenException e) {
      return e.reason();
    }
    throw new AssertionError("the token opened: " + token);
  }

  private static byte[] bytes(String token) {
    return Base64.getUrlDecoder().decode(token);
  }

  private static String token(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Test
  void aTokenOpensToItsClaimsAndNamesTheKeyThatSealedIt() throws Exception {
    LicenceTokens tokens = new AesGcmLicenceTokens(ring("", newKey("k1")));

    String token = tokens.issue(CLAIMS);

    assertThat(token).matches("[A-Za-z0-9_-]+");
    assertThat(tokens.open(token))
        .isEqualTo(
            new LicenceTokenClaims(
                CLAIMS.licenceId(),
                CLAIMS.licensee(),
                CLAIMS.trackId(),
                CLAIMS.formats(),
                CLAIMS.endsAt(),
                "k1"));
  }

  @Test
  void theClaimsAreNotReadableInTheToken() {
    String token = new AesGcmLicenceTokens(ring("", newKey("k1"))).issue(CLAIMS);

    String decoded = new String(bytes(token), StandardCharsets.ISO_8859_1);
    assertThat(decoded).doesNotContain("t-0001").doesNotContain("MP3_320").doesNotContain("Acme");
  }

  @Test
  void everyTokenHasAFreshNonce() {
    LicenceTokens tokens = new AesGcmLicenceTokens(ring("", newKey("k1")));
    Set<String> issued = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      issued.add(tokens.issue(CLAIMS));
    }
    assertThat(issued).hasSize(200);
  }

  @Test
  void afterARotationNewTokensUseTheNewKeyAndOldTokensStillOpen() throws Exception {
    LicenceKeyring.KeyEntry old = newKey("2026-01");
    LicenceKeyring.KeyEntry next = newKey("2026-07");
    String oldToken = new AesGcmLicenceTokens(ring("", old)).issue(CLAIMS);

    LicenceTokens rotated = new AesGcmLicenceTokens(ring("2026-07", old, next));

    assertThat(rotated.open(oldToken).keyId()).isEqualTo("2026-01");
    assertThat(rotated.open(rotated.issue(CLAIMS)).keyId()).isEqualTo("2026-07");
  }

  @Test
  void aTokenOfAKeyNoLongerInTheRingIsAnUnknownKey() {
    LicenceKeyring.KeyEntry retired = newKey("2025-01");
    String token = new AesGcmLicenceTokens(ring("", retired)).issue(CLAIMS);

    LicenceTokens withoutIt = new AesGcmLicenceTokens(ring("", newKey("2026-01")));

    assertThatThrownBy(() -> withoutIt.open(token))
        .isInstanceOf(LicenceTokenException.class)
        .hasMessageContaining("'2025-01'")
        .satisfies(
            e -> assertThat(((LicenceTokenException) e).reason()).isEqualTo(Reason.UNKNOWN_KEY));
  }

  @Test
  void aTokenSealedWithAnotherSecretUnderTheSameKeyIdIsTampered() {
    String forged = new AesGcmLicenceTokens(ring("", newKey("k1"))).issue(CLAIMS);

    assertThat(refusal(new AesGcmLicenceTokens(ring("", newKey("k1"))), forged))
        .isEqualTo(Reason.TAMPERED);
  }

  @Test
  void aSwappedKeyIdDoesNotOpen() {
    LicenceKeyring keys = ring("k1", newKey("k1"), newKey("k2"));
    LicenceTokens tokens = new AesGcmLicenceTokens(keys);
    byte[] token = bytes(tokens.issue(CLAIMS));
    // "k1" -> "k2": a key the ring holds, but not the one that sealed it.
    token[3] = '2';

    assertThat(refusal(tokens, token(token))).isEqualTo(Reason.TAMPERED);
  }

  @Test
  void anyChangedByteOfTheNonceCiphertextOrTagIsTampered() {
    LicenceTokens tokens = new AesGcmLicenceTokens(ring("", newKey("k1")));
    byte[] original = bytes(tokens.issue(CLAIMS));
    int headerLength = 2 + "k1".length();
    for (int i = headerLength; i < original.length; i++) {
      byte[] changed = original.clone();
      changed[i] ^= 0x01;
      assertThat(refusal(tokens, token(changed)))
          .as("byte %d changed", i)
          .isEqualTo(Reason.TAMPERED);
    }
  }

  @Test
  void aChangedHeaderNeverOpens() {
    LicenceTokens tokens = new AesGcmLicenceTokens(ring("", newKey("k1")));
    byte[] original = bytes(tokens.issue(CLAIMS));

    byte[] otherVersion = original.clone();
    otherVersion[0] = 2;
    byte[] otherKeyId = original.clone();
    otherKeyId[3] = '9';
    assertThat(refusal(tokens, token(otherVersion))).isEqualTo(Reason.MALFORMED);
    assertThat(refusal(tokens, token(otherKeyId))).isEqualTo(Reason.UNKNOWN_KEY);
  }

  @Test
  void garbageIsMalformed() {
    LicenceTokens tokens = new AesGcmLicenceTokens(ring("", newKey("k1")));
    String token = tokens.issue(CLAIMS);

    assertThat(refusal(tokens, "not a token!")).isEqualTo(Reason.MALFORMED);
    assertThat(refusal(tokens, "")).isEqualTo(Reason.MALFORMED);
    assertThat(refusal(tokens, null)).isEqualTo(Reason.MALFORMED);
    assertThat(refusal(tokens, token.substring(0, 20))).isEqualTo(Reason.MALFORMED);
    assertThat(refusal(tokens, token(new byte[] {1, (byte) 200, 'x'}))).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void aTruncatedTokenIsRefused() {
    LicenceTokens tokens = new AesGcmLicenceTokens(ring("", newKey("k1")));
    byte[] original = bytes(tokens.issue(CLAIMS));
    byte[] shorter = java.util.Arrays.copyOf(original, original.length - 1);

    assertThat(refusal(tokens, token(shorter))).isEqualTo(Reason.TAMPERED);
  }
}
