package com.audiostems.workflows.analysis;

import com.audiostems.workflows.media.SourceProbe;

/**
 * @param sourceKey storage key of the source (claim check: the activity fetches the bytes itself)
 * @param probe what probing found, for the stream to decode and its rate
 * @param analysisKey where the full analysis ({@code analysis.json}) is to be stored
 */
public record AnalyzeRequest(String trackId, String sourceKey, SourceProbe probe, String analysisKey) {}
