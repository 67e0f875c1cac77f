package com.audiostems.workflows.analytics;

import java.util.Map;

/**
 * How a track's journey ended without publishing.
 *
 * @param outcome {@code REJECTED} (a non-retryable typed failure: the file), {@code FAILED} or
 *     {@code CANCELLED}
 * @param reasonCode the typed failure (e.g. {@code NotAudio}), else the failure's kind (e.g. {@code
 *     TimeoutFailure}); null when cancelled
 * @param stageMillis wall time of each stage it finished, in stage order
 */
public record TrackEndReport(
    String trackId, String outcome, String reasonCode, Map<String, Long> stageMillis) {}
