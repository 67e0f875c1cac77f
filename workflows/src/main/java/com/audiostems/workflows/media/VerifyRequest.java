package com.audiostems.workflows.media;

import com.audiostems.workflows.analysis.TrackAnalysis;
import java.util.List;

/**
 * Decode the outputs and compare them with the validated source (its decoded length and PCM digest:
 * the source itself is not read again) and, for outputs that are not bit-exact, with its loudness
 * as the analysis measured it.
 *
 * @param sourceLoudness the source's EBU R128 figures; null when unknown (no loudness check then)
 */
public record VerifyRequest(
    String trackId,
    ValidatedSource source,
    List<EncodedOutput> outputs,
    TrackAnalysis.Loudness sourceLoudness) {}
