package com.audiostems.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicenceKeyringTest {
  private static final String SETTING = "audiostems.licence-tokens.keys";

  @Test
  void theSecretIsNeverInTheTextOfAKeyOrTheRingOrTheSettings() {
    LicenceKeyring.KeyEntry key = AesGcmLicenceTokensTest.newKey("k1");
    LicenceKeyring ring = LicenceKeyring.of(List.of(key), "", SETTING);
    LicenceKeySettings settings = new LicenceKeySettings(List.of(key), "k1", null);

    assertThat(key.toString()).doesNotContain(key.secret()).contains("k1");
    assertThat(ring.toString())
        .doesNotContain(key.secret())
        .isEqualTo("LicenceKeyring[current=k1, keys=[k1]]");
    assertThat(settings.toString()).doesNotContain(key.secret());
  }

  @Test
  void aKeyMustBeExactly32Bytes() {
    String sixteen = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatThrownBy(
            () ->
                LicenceKeyring.of(List.of(new LicenceKeyring.KeyEntry("k1", sixteen)), "", SETTING))
        .hasMessage(
            SETTING
                + "[0].secret has 16 bytes; an AES-256 key is exactly 32 random bytes, base64"
                + " (`openssl rand -base64 32`)");
    assertThatThrownBy(
            () -> LicenceKeyring.of(List.of(new LicenceKeyring.KeyEntry("k1", "%%%")), "", SETTING))
        .hasMessageContaining("[0].secret is not base64");
  }

  @Test
  void severalKeysNeedTheCurrentOneNamedAndAmongThem() {
    List<LicenceKeyring.KeyEntry> two =
        List.of(AesGcmLicenceTokensTest.newKey("a"), AesGcmLicenceTokensTest.newKey("b"));

    assertThatThrownBy(() -> LicenceKeyring.of(two, "", SETTING))
        .hasMessageContaining("audiostems.licence-tokens.current-key-id must name");
    assertThatThrownBy(() -> LicenceKeyring.of(two, "c", SETTING))
        .hasMessageContaining("'c' is not among the configured keys [a, b]");
    assertThat(LicenceKeyring.of(two, "b", SETTING).currentId()).isEqualTo("b");
  }

  @Test
  void aRepeatedOrBadIdIsRefused() {
    assertThatThrownBy(
            () ->
                LicenceKeyring.of(
                    List.of(
                        AesGcmLicenceTokensTest.newKey("a"), AesGcmLicenceTokensTest.newKey("a")),
                    "a",
                    SETTING))
        .hasMessageContaining("[1].id 'a' is used twice");
    assertThatThrownBy(
            () -> LicenceKeyring.of(List.of(AesGcmLicenceTokensTest.newKey("a b")), "", SETTING))
        .hasMessageContaining("[0].id must be");
  }

  @Test
  void withoutConfiguredKeysALocalStoreGeneratesOneOwnerOnlyAndKeepsIt(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("keys/licence-token.key");
    LicenceKeySettings settings = new LicenceKeySettings(List.of(), "", file);

    LicenceKeyring first = settings.keyring(true);
    LicenceKeyring again = settings.keyring(true);

    assertThat(first.currentId()).startsWith("local-");
    assertThat(again.currentId()).isEqualTo(first.currentId());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String token = new AesGcmLicenceTokens(first).issue(claims());
    assertThat(new AesGcmLicenceTokens(again).open(token).keyId()).isEqualTo(first.currentId());
  }

  @Test
  void aSharedStoreWithoutConfiguredKeysRefusesToStart(@TempDir Path dir) {
    LicenceKeySettings settings = new LicenceKeySettings(List.of(), "", dir.resolve("k"));

    assertThatThrownBy(() -> settings.keyring(false))
        .hasMessageContaining("audiostems.licence-tokens.keys is empty");
    assertThat(dir.resolve("k")).doesNotExist();
  }

  @Test
  void onceKeysAreConfiguredTheGeneratedKeyStillOpensItsTokens(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("licence-token.key");
    LicenceKeyring local = new LicenceKeySettings(List.of(), "", file).keyring(true);
    String localToken = new AesGcmLicenceTokens(local).issue(claims());

    LicenceKeyring configured =
        new LicenceKeySettings(List.of(AesGcmLicenceTokensTest.newKey("prod-1")), "", file)
            .keyring(false);

    assertThat(configured.currentId()).isEqualTo("prod-1");
    assertThat(configured.ids()).containsExactlyInAnyOrder("prod-1", local.currentId());
    assertThat(new AesGcmLicenceTokens(configured).open(localToken).keyId())
        .isEqualTo(local.currentId());
  }

  private static LicenceTokenClaims claims() {
    return new LicenceTokenClaims(
        "0123456789abcdef0123456789abcd",
        "Acme",
        "t-1",
        List.of("FLAC"),
        java.time.Instant.parse("2027-01-01T00:00:00Z"),
        null);
  }
}
