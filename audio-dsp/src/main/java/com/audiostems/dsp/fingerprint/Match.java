package com.audiostems.dsp.fingerprint;

import java.io.Serializable;

/**
 * One candidate track for a query.
 *
 * @param trackId the reference track
 * @param score offset-consistent votes: query hashes whose reference hits lie on one line
 *     t_ref = offset + speed · t_query (±2 frames) with a consistent pitch shift
 * @param normalisedScore {@code score} divided by the number of hashes in the query (0..~1)
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
