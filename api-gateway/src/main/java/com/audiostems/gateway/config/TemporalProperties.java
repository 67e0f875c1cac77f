package com.audiostems.gateway.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Temporal frontend the gateway talks to. The gateway is a client only: it starts, queries,
 * updates and cancels workflows, and never polls a task queue.
 *
 * @param target the frontend as host:port
 * @param namespace the namespace the track workflows run in
 * @param rpcTimeout deadline of one ordinary call (start, describe, cancel)
 * @param workerTimeout how long a call that the track's workers must answer (a progress or manifest
 *     query, a re-process update) may wait before the client gets a 503: without it, a request
 *     would hang while the workers are down
 */
@Validated
@ConfigurationProperties("audiostems.gateway.temporal")
public record TemporalProperties(
    @NotBlank
        @Pattern(regexp = "[^\\s:]+:\\d{1,5}", message = "must be host:port, e.g. localhost:7233")
        String target,
    @NotBlank String namespace,
    @NotNull @DurationMin(millis = 100) Duration rpcTimeout,
    @NotNull @DurationMin(millis = 100) Duration workerTimeout) {}
