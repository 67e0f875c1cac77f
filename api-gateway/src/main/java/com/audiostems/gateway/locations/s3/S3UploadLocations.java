package com.audiostems.gateway.locations.s3;

import com.audiostems.gateway.locations.PresignedRequest;
import com.audiostems.gateway.locations.UploadLocations;
import com.audiostems.storage.PresigningBlobStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Upload locations straight into the bucket: a presigned S3 PUT of the upload's key. Only the host
 * is signed, so the client sends no extra headers; the size is the ticket's to check, as for the
 * local kind, when the track starts.
 */
public final class S3UploadLocations implements UploadLocations {
  private final PresigningBlobStore store;
  private final Clock clock;

  public S3UploadLocations(PresigningBlobStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public PresignedRequest presignUpload(
      String uploadId, String key, long sizeBytes, Instant expiresAt) {
    return new PresignedRequest(
        "PUT",
        S3Links.toUri(store.presignPut(key, S3Links.validity(clock, expiresAt))),
        expiresAt,
        Map.of());
  }
}
