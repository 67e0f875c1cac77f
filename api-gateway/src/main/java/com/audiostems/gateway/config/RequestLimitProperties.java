package com.audiostems.gateway.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Request size limits of the JSON API (upload bodies have their own, {@code uploads.max-size}).
 *
 * @param maxJsonBody the largest JSON request body; every request of this API is a few hundred
 *     bytes
 */
@Validated
@ConfigurationProperties("audiostems.gateway.limits")
public record RequestLimitProperties(@NotNull DataSize maxJsonBody) {

  public RequestLimitProperties {
    if (maxJsonBody != null && maxJsonBody.toBytes() <= 0) {
      throw new IllegalArgumentException(
          "audiostems.gateway.limits.max-json-body must be positive, not " + maxJsonBody);
    }
  }
}
