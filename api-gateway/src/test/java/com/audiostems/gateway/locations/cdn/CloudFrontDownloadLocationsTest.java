package com.audiostems.gateway.locations.cdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.gateway.config.CloudFrontProperties;
import com.audiostems.gateway.locations.PresignedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CloudFront signed URLs checked as CloudFront checks them: the canned policy rebuilt from the URL
 * and its Expires, the signature (CloudFront's base64) verified with the key pair's public half
 * (RSA with SHA-1, as CloudFront specifies). A generated key; no server.
 */
class CloudFrontDownloadLocationsTest {
  private static final String KEY = "licences/0123456789abcdef0123456789abcd/copies/track.mp3";

  @Test
  void aSignedUrlVerifiesWithThePublicKeyAndEndsWhenAsked() throws Exception {
    KeyPair pair = rsaKeyPair();
    CloudFrontDownloadLocations locations = new CloudFrontDownloadLocations(settings(pem(pair)));
    Instant end = Instant.parse("2031-05-01T12:00:00Z");

    PresignedRequest link = locations.presignDownload(KEY, end);

    URI url = link.url();
    assertThat(link.expiresAt()).isEqualTo(end);
    assertThat(url.getScheme() + "://" + url.getHost() + url.getPath())
        .isEqualTo("https://d111111abcdef8.cloudfront.net/" + KEY);
    Map<String, String> query = query(url);
    assertThat(query).containsEntry("Key-Pair-Id", "K2JCJMDEHXQW5F");
    assertThat(query).containsEntry("Expires", Long.toString(end.getEpochSecond()));

    String policy =
        "{\"Statement\":[{\"Resource\":\"https://d111111abcdef8.cloudfront.net/"
            + KEY
            + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":"
            + end.getEpochSecond()
            + "}}}]}";
    assertThat(verifies(pair, policy, query.get("Signature"))).isTrue();
    // The same signature does not cover a later end or another object.
    assertThat(
            verifies(
                pair,
                policy.replace(Long.toString(end.getEpochSecond()), "1999999999"),
                query.get("Signature")))
        .isFalse();
    assertThat(verifies(pair, policy.replace("track.mp3", "master.wav"), query.get("Signature")))
        .isFalse();
  }

  @Test
  void aSignatureOfAnotherKeyDoesNotVerify() throws Exception {
    KeyPair ours = rsaKeyPair();
    KeyPair theirs = rsaKeyPair();
    Instant end = Instant.parse("2031-05-01T12:00:00Z");
    URI url =
        new CloudFrontDownloadLocations(settings(pem(theirs))).presignDownload(KEY, end).url();
    String policy =
        "{\"Statement\":[{\"Resource\":\"https://d111111abcdef8.cloudfront.net/"
            + KEY
            + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":"
            + end.getEpochSecond()
            + "}}}]}";
    assertThat(verifies(ours, policy, query(url).get("Signature"))).isFalse();
  }

  @Test
  void aBadKeyOrMissingSettingStopsTheStartNamingTheSetting() {
    assertThatThrownBy(() -> new CloudFrontDownloadLocations(settings("not a key")))
        .hasMessageContaining("private-key-pem")
        .hasMessageNotContaining("not a key");
    assertThatThrownBy(
            () ->
                new CloudFrontProperties(
                    URI.create("https://d111111abcdef8.cloudfront.net"), null, "pem"))
        .hasMessageContaining("key-pair-id");
    assertThatThrownBy(
            () -> new CloudFrontProperties(URI.create("http://cdn.example.com"), "K", "pem"))
        .hasMessageContaining("https");
    assertThat(new CloudFrontProperties(null, null, null).enabled()).isFalse();
    assertThat(settings("secret-pem").toString()).doesNotContain("secret-pem");
  }

  private static CloudFrontProperties settings(String pem) {
    return new CloudFrontProperties(
        URI.create("https://d111111abcdef8.cloudfront.net"), "K2JCJMDEHXQW5F", pem);
  }

  private static KeyPair rsaKeyPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static String pem(KeyPair pair) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  /** CloudFront's URL-safe base64: '+' '=' '/' written as '-' '_' '~'. */
  private static boolean verifies(KeyPair pair, String policy, String cloudFrontBase64)
      throws Exception {
    byte[] signature =
        Base64.getDecoder()
            .decode(cloudFrontBase64.replace('-', '+').replace('_', '=').replace('~', '/'));
    Signature verifier = Signature.getInstance("SHA1withRSA");
    verifier.initVerify(pair.getPublic());
    verifier.update(policy.getBytes(StandardCharsets.UTF_8));
    return verifier.verify(signature);
  }

  private static Map<String, String> query(URI url) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : url.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      query.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return query;
  }
}
