package com.audiostems.workflows.catalogue;

/**
 * @param trackId the track being ingested, which is left out of its own matches; null for a plain
 *     identify query
 * @param fingerprintKey blob-store key of the query's fingerprint
 */
public record LookupRequest(String trackId, String fingerprintKey) {}
