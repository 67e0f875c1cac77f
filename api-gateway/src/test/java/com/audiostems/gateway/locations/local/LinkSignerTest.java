package com.audiostems.gateway.locations.local;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class LinkSignerTest {
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static final String KEY = "tracks/t1/v1/outputs/flac.flac";
  private final LinkSigner signer =
      new LinkSigner("a-signing-secret-of-32-characters!", Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aLinkIsValidForItsMethodSubjectAndExpiryOnly() {
    Instant expires = NOW.plusSeconds(60);
    String signature = signer.sign("GET", KEY, expires);

    assertThatCode(() -> signer.requireValid("GET", KEY, expires.getEpochSecond(), signature))
        .doesNotThrowAnyException();
    assertProblem(
        () -> signer.requireValid("PUT", KEY, expires.getEpochSecond(), signature), "link-invalid");
    assertProblem(
        () ->
            signer.requireValid(
                "GET", "tracks/t1/v1/outputs/alac.m4a", expires.getEpochSecond(), signature),
        "link-invalid");
    assertProblem(
        () -> signer.requireValid("GET", KEY, expires.getEpochSecond() + 3600, signature),
        "link-invalid");
    assertProblem(
        () -> signer.requireValid("GET", KEY, expires.getEpochSecond(), "%%%"), "link-invalid");
    assertProblem(() -> signer.requireValid("GET", KEY, null, signature), "link-invalid");
  }

  @Test
  void anotherSecretsSignatureIsRefused() {
    Instant expires = NOW.plusSeconds(60);
    String foreign =
        new LinkSigner("another-secret-of-32-characters!!", Clock.systemUTC())
            .sign("GET", KEY, expires);

    assertProblem(
        () -> signer.requireValid("GET", KEY, expires.getEpochSecond(), foreign), "link-invalid");
  }

  @Test
  void anExpiredLinkSaysSo() {
    Instant expired = NOW.minusSeconds(1);

    assertProblem(
        () ->
            signer.requireValid(
                "GET", KEY, expired.getEpochSecond(), signer.sign("GET", KEY, expired)),
        "link-expired");
  }

  private static void assertProblem(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String type) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.getBody().getType().toString())
                    .isEqualTo("urn:audiostems:problem:" + type));
  }
}
