package com.audiostems.gateway.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Signed, expiring links: upload locations and download URLs.
 *
 * @param signingSecret HMAC-SHA256 key of the local store's links and of the HLS playlist links
 *     (every store kind); at least 32 characters, the same on every gateway instance behind one
 *     address, never a default
 * @param uploadValidity how long an upload location accepts the bytes
 * @param downloadValidity how long a download URL works; short, since anyone holding it can
 *     download
 * @param publicBaseUrl the gateway's address as clients reach it (behind a proxy); when absent the
 *     links are built from the address of the request that asked for them
 */
@Validated
@ConfigurationProperties("audiostems.gateway.links")
public record LinkProperties(
    @NotNull @Size(min = 32, message = "must be at least 32 characters") String signingSecret,
    @NotNull @DurationMin(seconds = 1) @DurationMax(days = 7) Duration uploadValidity,
    @NotNull @DurationMin(seconds = 1) @DurationMax(days = 7) Duration downloadValidity,
    URI publicBaseUrl) {

  public LinkProperties {
    if (publicBaseUrl != null
        && (!publicBaseUrl.isAbsolute() || publicBaseUrl.getQuery() != null)) {
      throw new IllegalArgumentException(
          "audiostems.gateway.links.public-base-url must be an absolute URL without a query, e.g. https://api.example.com, not "
              + publicBaseUrl);
    }
  }

  /** The signing secret is the one value of this record that must never reach a log. */
  @Override
  public String toString() {
    return "LinkProperties[signingSecret=***, uploadValidity="
        + uploadValidity
        + ", downloadValidity="
        + downloadValidity
        + ", publicBaseUrl="
        + publicBaseUrl
        + "]";
  }
}
