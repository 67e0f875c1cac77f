package com.audiostems.workflows.catalogue;

/**
 * @param trackId the track (or identify query) the source belongs to, for logs and errors
 * @param sourceKey blob-store key of the audio to fingerprint
 * @param fingerprintKey blob-store key the fingerprint is stored under
 */
public record FingerprintRequest(String trackId, String sourceKey, String fingerprintKey) {}
