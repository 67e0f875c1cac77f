package com.audiostems.gateway.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Lookups of an uploaded excerpt against the catalogue.
 *
 * @param answerWithin how long POST /v1/identify waits for the answer before it answers 202 with
 *     where to poll; fingerprinting an excerpt and one lookup take seconds when the workers are up
 * @param runTimeout the longest a query may run before Temporal ends it (workers that never come);
 *     a finished query's answer stays readable for the namespace's retention
 */
@Validated
@ConfigurationProperties("audiostems.gateway.identify")
public record IdentifyProperties(
    @NotNull @DurationMin(millis = 0) @DurationMax(minutes = 5) @DefaultValue("20s")
        Duration answerWithin,
    @NotNull @DurationMin(minutes = 1) @DefaultValue("30m") Duration runTimeout) {}
