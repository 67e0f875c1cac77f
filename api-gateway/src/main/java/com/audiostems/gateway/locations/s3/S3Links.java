package com.audiostems.gateway.locations.s3;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What the S3 locations share: the gateway speaks of expiry instants, the presigner of validities.
 */
final class S3Links {
  private S3Links() {}

  /**
   * The validity that ends at {@code expiresAt}, rounded up to a whole second (SigV4 counts
   * seconds) and at least one, so a link is never born expired.
   */
  static Duration validity(Clock clock, Instant expiresAt) {
    long millis = Duration.between(clock.instant(), expiresAt).toMillis();
    return Duration.ofSeconds(Math.max(1, (millis + 999) / 1000));
  }

  static URI toUri(URL url) {
    try {
      return url.toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("The S3 presigner made an invalid URL: " + url, e);
    }
  }
}
