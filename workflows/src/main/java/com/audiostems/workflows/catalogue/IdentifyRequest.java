package com.audiostems.workflows.catalogue;

/**
 * @param queryId unique id of this query (its fingerprint is stored under it while it runs)
 * @param sourceKey blob-store key of the audio to identify
 * @param deleteSource whether the audio is the query's own upload, deleted once answered
 */
public record IdentifyRequest(String queryId, String sourceKey, boolean deleteSource) {}
