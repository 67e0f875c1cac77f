package com.audiostems.dsp.fingerprint;

import java.io.Serializable;

/**
 * One candidate track for a query.
 *
 * @param trackId the reference track
 * @param score offset-consistent votes: distinct query anchor frames (within the query's densest 10
 *     s) whose hashes hit the reference on one line t_ref = offset + speed · t_query (±1 frame)
 *     with a consistent pitch shift (see {@link FingerprintMatcher})
 * @param normalisedScore {@code score} divided by the number of distinct anchor frames in the
 *     query's densest 10 s (0..1)
 * @param queryStartSeconds first matched anchor in the query
 * @param queryEndSeconds last matched anchor in the query
 * @param referenceStartSeconds first matched anchor in the reference
 * @param referenceEndSeconds last matched anchor in the reference
 * @param speedRatio playback speed of the query relative to the reference (1.05 = the query plays
 *     5% faster and 5% higher); from the fitted time line
 * @param pitchSpeedRatio the same ratio measured independently from the anchor-pitch shift
 */
public record Match(
    String trackId,
    int score,
    double normalisedScore,
    double queryStartSeconds,
    double queryEndSeconds,
    double referenceStartSeconds,
    double referenceEndSeconds,
    double speedRatio,
    double pitchSpeedRatio)
    implements Serializable {}
