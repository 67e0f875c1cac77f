package com.audiostems.gateway.uploads;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * Where to send the bytes, and the id to start a track with afterwards.
 *
 * @param headers headers to send with the PUT exactly as given (none for the local store)
 */
@Schema(description = "Send the file's bytes with `method` to `url` before `expiresAt`, then start a track with `uploadId`.")
public record UploadLocationResponse(
    String uploadId, String method, URI url, Instant expiresAt, String sourceKey, Map<String, String> headers) {}
