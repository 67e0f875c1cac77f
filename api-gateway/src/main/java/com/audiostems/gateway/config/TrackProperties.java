package com.audiostems.gateway.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the gateway puts into every track it starts.
 *
 * @param encodeLanes ffmpeg processes one track may run side by side on the CPU workers; the
 *     gateway cannot see the workers, so set it to their core count
 */
@Validated
@ConfigurationProperties("audiostems.gateway.tracks")
public record TrackProperties(@Min(1) @Max(64) int encodeLanes) {}
