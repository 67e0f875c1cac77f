package com.audiostems.gateway.uploads;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where to send the bytes, and the id to start a track with afterwards.
 *
 * @param url where to send the whole file; absent for an upload in parts
 * @param headers headers to send with the PUT exactly as given (none for the local store)
 * @param multipart the parts to send instead, for a large file on S3; absent for one PUT
 */
@Schema(
    description =
        "Send the file's bytes with `method` to `url` before `expiresAt`, then start a track with `uploadId`. "
            + "A large file on S3 comes with `multipart` instead of `url`: PUT each part's byte range to its URL, then POST the "
            + "parts' ETags to `multipart.completeUrl`.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UploadLocationResponse(
    String uploadId,
    String method,
    @Schema(description = "Where to PUT the whole file; absent when `multipart` is present.")
        URI url,
    Instant expiresAt,
    String sourceKey,
    Map<String, String> headers,
    @Schema(
            description =
                "Present for an upload in parts (S3, `sizeBytes` above the store's multipart threshold).")
        Multipart multipart) {

  /** One PUT of the whole file. */
  public UploadLocationResponse(
      String uploadId,
      String method,
      URI url,
      Instant expiresAt,
      String sourceKey,
      Map<String, String> headers) {
    this(uploadId, method, url, expiresAt, sourceKey, headers, null);
  }

  @Schema(
      description =
          "An S3 multipart upload: PUT every part (any order, in parallel, retried alone as needed; the body "
              + "exactly bytes `firstByte`..`lastByte` of the file), keep each response's `ETag` header, then POST "
              + "`{\"parts\": [{\"partNumber\": 1, \"eTag\": \"...\"}, ...]}` to `completeUrl`. DELETE `abortUrl` to give up; "
              + "GET /v1/uploads/{uploadId} answers fresh part URLs when these expire.")
  public record Multipart(
      @Schema(description = "Size of every part but the last.", example = "8388608")
          long partSizeBytes,
      @Schema(description = "Number of parts, 1 to 10,000.", example = "3") int partCount,
      List<Part> parts,
      @Schema(description = "POST the parts' ETags here (with the API key) to complete the upload.")
          URI completeUrl,
      @Schema(description = "DELETE (with the API key) to abort the upload and discard its parts.")
          URI abortUrl) {}

  @Schema(
      description =
          "One part: PUT bytes `firstByte` to `lastByte` (inclusive) of the file to `url`, no extra headers.")
  public record Part(
      @Schema(example = "1") int partNumber,
      URI url,
      @Schema(example = "0") long firstByte,
      @Schema(example = "8388607") long lastByte) {}
}
