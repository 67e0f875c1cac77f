package com.audiostems.gateway.locations.local;

/** What the local store received for an upload. */
public record UploadReceipt(String uploadId, String sourceKey, long bytes, String sha256) {}
