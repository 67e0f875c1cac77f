package com.audiostems.gateway.config;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * CloudFront signed URLs for licensees' marked copies, in production: a distribution in front of
 * the delivery store, with a trusted key group holding the public half of this key pair. Absent (no
 * {@code base-url}), copies are linked like every other file of the store: the gateway's own signed
 * links, or presigned S3 URLs.
 *
 * @param baseUrl the distribution's address, e.g. {@code https://d111111abcdef8.cloudfront.net}; a
 *     copy's URL is this plus its storage key
 * @param keyPairId the public key's id in CloudFront (e.g. {@code K2JCJMDEHXQW5F})
 * @param privateKeyPem the RSA private key, PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}); from
 *     a secret store or the environment, never from a file in the repository
 */
@Validated
@ConfigurationProperties("audiostems.gateway.cdn.cloudfront")
public record CloudFrontProperties(URI baseUrl, String keyPairId, String privateKeyPem) {

  public CloudFrontProperties {
    if (baseUrl != null) {
      if (!baseUrl.isAbsolute()
          || !"https".equals(baseUrl.getScheme())
          || baseUrl.getQuery() != null) {
        throw new IllegalArgumentException(
            "audiostems.gateway.cdn.cloudfront.base-url must be an https URL without a query, e.g."
                + " https://d111111abcdef8.cloudfront.net, not "
                + baseUrl);
      }
      if (keyPairId == null || keyPairId.isBlank()) {
        throw new IllegalArgumentException(
            "audiostems.gateway.cdn.cloudfront.key-pair-id is required with base-url: the id"
                + " CloudFront gave the public key of the trusted key group");
      }
      if (privateKeyPem == null || privateKeyPem.isBlank()) {
        throw new IllegalArgumentException(
            "audiostems.gateway.cdn.cloudfront.private-key-pem is required with base-url: the"
                + " PKCS#8 PEM of the key pair's private key");
      }
    }
  }

  public boolean enabled() {
    return baseUrl != null;
  }

  /** The private key is the one value here that must never reach a log. */
  @Override
  public String toString() {
    return "CloudFrontProperties[baseUrl="
        + baseUrl
        + ", keyPairId="
        + keyPairId
        + ", privateKeyPem="
        + (privateKeyPem == null ? null : "***")
        + "]";
  }
}
