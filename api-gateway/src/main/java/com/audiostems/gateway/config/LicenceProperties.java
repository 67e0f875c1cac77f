package com.audiostems.gateway.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Licences and their delivery.
 *
 * @param copyAnswerWithin how long {@code GET /v1/licences/{id}/files} waits for the marked copies
 *     before it answers 202 and a Location; a copy already made answers at once
 * @param copyRetryAfter the {@code Retry-After} of that 202: a marked MP3 of a song takes seconds
 * @param copyRunTimeout the longest one marked copy's workflow may run
 */
@Validated
@ConfigurationProperties("audiostems.gateway.licences")
public record LicenceProperties(
    @NotNull @DurationMax(minutes = 1) Duration copyAnswerWithin,
    @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 10) Duration copyRetryAfter,
    @NotNull @DurationMin(minutes = 1) Duration copyRunTimeout) {

  public LicenceProperties {
    if (copyAnswerWithin != null && copyAnswerWithin.isNegative()) {
      throw new IllegalArgumentException(
          "audiostems.gateway.licences.copy-answer-within must not be negative, was "
              + copyAnswerWithin);
    }
  }
}
