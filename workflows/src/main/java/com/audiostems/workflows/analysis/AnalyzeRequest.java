package com.audiostems.workflows.analysis;

import com.audiostems.workflows.media.SourceProbe;

/**
 * @param sourceKey storage key of the source (claim check: the activity fetches the bytes itself)
 * @param probe what probing found, for the stream to decode and its rate
 * @param version the output version the results belong to: they are stored under its keys ({@link
 *     com.audiostems.workflows.storage.BlobKeys#analysisKey}, {@link
 *     com.audiostems.workflows.storage.BlobKeys#qualityKeys})
 */
public record AnalyzeRequest(String trackId, String sourceKey, SourceProbe probe, int version) {}
