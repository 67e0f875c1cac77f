package com.audiostems.workflows.catalogue;

/**
 * @param queryId unique id of this query (its fingerprint is stored under it while it runs)
 * @param sourceKey blob-store key of the audio to identify
 */
public record IdentifyRequest(String queryId, String sourceKey) {}
