package com.audiostems.gateway.locations;

import java.time.Instant;

/**
 * Where a client sends the bytes of an upload. One implementation per blob-store kind, chosen by
 * {@code audiostems.gateway.storage.kind}; the bytes must end up under {@code key} in the store the
 * workers read.
 */
public interface UploadLocations {

  /**
   * A PUT location for exactly {@code sizeBytes} bytes, stored under {@code key}.
   *
   * @param uploadId the upload's id, for implementations whose URL names the upload rather than the
   *     key
   */
  PresignedRequest presignUpload(String uploadId, String key, long sizeBytes, Instant expiresAt);
}
