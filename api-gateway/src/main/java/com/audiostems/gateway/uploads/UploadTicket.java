package com.audiostems.gateway.uploads;

import java.time.Instant;

/**
 * What the gateway remembers of an upload between handing out its location and starting a track
 * from it. Stored beside the upload in the blob store, so that any gateway instance finds it.
 *
 * @param owner the client that asked for it; only it (or an admin) may start a track from it
 * @param sizeBytes the announced size: the content must be exactly this long
 * @param sourceKey where the content is stored
 */
public record UploadTicket(
    String uploadId, String owner, String fileName, long sizeBytes, String sourceKey, Instant createdAt) {}
