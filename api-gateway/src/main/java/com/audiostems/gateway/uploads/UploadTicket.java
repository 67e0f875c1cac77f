package com.audiostems.gateway.uploads;

import com.audiostems.gateway.locations.PartPlan;
import java.time.Instant;
import java.util.Optional;

/**
 * What the gateway remembers of an upload between handing out its location and starting a track
 * from it. Stored beside the upload in the blob store, so that any gateway instance finds it.
 *
 * @param owner the client that asked for it; only it (or an admin) may start a track from it
 * @param sizeBytes the announced size: the content must be exactly this long
 * @param sourceKey where the content is stored
 * @param multipart the upload in parts, when the content is sent in parts; null for one PUT
 */
public record UploadTicket(
    String uploadId,
    String owner,
    String fileName,
    long sizeBytes,
    String sourceKey,
    Instant createdAt,
    Multipart multipart) {

  /** An upload sent in one PUT. */
  public UploadTicket(
      String uploadId,
      String owner,
      String fileName,
      long sizeBytes,
      String sourceKey,
      Instant createdAt) {
    this(uploadId, owner, fileName, sizeBytes, sourceKey, createdAt, null);
  }

  /**
   * @param storeUploadId the store's id of the upload in parts (S3's UploadId); the client never
   *     needs it
   * @param partSizeBytes the size of every part but the last
   */
  public record Multipart(String storeUploadId, long partSizeBytes) {}

  /** The parts the content is sent in; empty for one PUT. */
  public Optional<PartPlan> partPlan() {
    return multipart == null
        ? Optional.empty()
        : Optional.of(new PartPlan(sizeBytes, multipart.partSizeBytes()));
  }
}
