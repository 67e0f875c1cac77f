package com.audiostems.gateway.locations.cdn;

import com.audiostems.gateway.config.CloudFrontProperties;
import com.audiostems.gateway.locations.DownloadLocations;
import com.audiostems.gateway.locations.PresignedRequest;
import com.audiostems.storage.SafeKeys;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.model.CannedSignerRequest;

/**
 * CloudFront signed URLs with a canned policy (one URL, one end time): the distribution checks the
 * signature with the trusted key group's public key, so the bucket behind it stays private. Signing
 * is local RSA-SHA1 as CloudFront specifies; no AWS call is made.
 */
public final class CloudFrontDownloadLocations implements DownloadLocations {
  private static final CloudFrontUtilities UTILITIES = CloudFrontUtilities.create();

  private final String baseUrl;
  private final String keyPairId;
  private final PrivateKey privateKey;

  public CloudFrontDownloadLocations(CloudFrontProperties settings) {
    String base = settings.baseUrl().toString();
    this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.keyPairId = settings.keyPairId();
    this.privateKey = parsePkcs8Pem(settings.privateKeyPem());
  }

  @Override
  public PresignedRequest presignDownload(String key, Instant expiresAt) {
    SafeKeys.requireSafe(key);
    String signed =
        UTILITIES
            .getSignedUrlWithCannedPolicy(
                CannedSignerRequest.builder()
                    .resourceUrl(baseUrl + "/" + key)
                    .privateKey(privateKey)
                    .keyPairId(keyPairId)
                    .expirationDate(expiresAt)
                    .build())
            .url();
    return new PresignedRequest("GET", URI.create(signed), expiresAt, Map.of());
  }

  /** An RSA private key from PKCS#8 PEM; a bad key stops the start-up naming the setting. */
  static PrivateKey parsePkcs8Pem(String pem) {
    String body =
        pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    if (pem.contains("BEGIN RSA PRIVATE KEY")) {
      throw new IllegalArgumentException(
          "audiostems.gateway.cdn.cloudfront.private-key-pem is PKCS#1 (BEGIN RSA PRIVATE KEY);"
              + " convert it: openssl pkcs8 -topk8 -nocrypt -in key.pem");
    }
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "audiostems.gateway.cdn.cloudfront.private-key-pem is not an RSA private key in PKCS#8"
              + " PEM (-----BEGIN PRIVATE KEY-----)",
          e);
    }
  }
}
