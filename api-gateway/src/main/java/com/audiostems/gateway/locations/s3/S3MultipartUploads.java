package com.audiostems.gateway.locations.s3;

import com.audiostems.gateway.locations.MultipartUploads;
import com.audiostems.gateway.locations.PartPlan;
import com.audiostems.gateway.locations.PresignedRequest;
import com.audiostems.gateway.problems.Problems;
import com.audiostems.storage.MultipartUpload;
import com.audiostems.storage.S3BlobStore;
import com.audiostems.storage.S3Settings;
import com.audiostems.storage.UploadedPart;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * S3 multipart uploads with presigned part URLs. Which sizes go in parts, and the part size, are
 * the store's settings ({@code multipart-threshold-bytes}, {@code part-size-bytes}), so clients cut
 * files as the workers do; the part size grows (in whole MiB) only where a file would need more
 * than S3's 10,000 parts. S3's refusals of a completion become problems that name S3's error code.
 */
public final class S3MultipartUploads implements MultipartUploads {
  private static final Logger log = LoggerFactory.getLogger(S3MultipartUploads.class);
  private static final long MIB = 1L << 20;

  private final S3BlobStore store;
  private final Clock clock;

  public S3MultipartUploads(S3BlobStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public Optional<PartPlan> plan(long sizeBytes) {
    S3Settings settings = store.settings();
    if (!settings.uploadsInParts(sizeBytes)) {
      return Optional.empty();
    }
    long fewestBytes = (sizeBytes + PartPlan.MAX_PARTS - 1) / PartPlan.MAX_PARTS;
    long partSize = Math.max(settings.partSizeBytes(), (fewestBytes + MIB - 1) / MIB * MIB);
    return Optional.of(new PartPlan(sizeBytes, partSize));
  }

  @Override
  public String start(String key) {
    try {
      return store.startMultipartUpload(key).uploadId();
    } catch (IOException e) {
      throw storageFailure("start", e);
    }
  }

  @Override
  public PresignedRequest presignPart(
      String key, String storeUploadId, int partNumber, Instant expiresAt) {
    return new PresignedRequest(
        "PUT",
        S3Links.toUri(
            store.presignUploadPart(
                new MultipartUpload(key, storeUploadId),
                partNumber,
                S3Links.validity(clock, expiresAt))),
        expiresAt,
        Map.of());
  }

  @Override
  public void complete(String key, String storeUploadId, List<UploadedPart> parts) {
    try {
      store.completeMultipartUpload(new MultipartUpload(key, storeUploadId), parts);
    } catch (IOException e) {
      String code = S3BlobStore.errorCode(e).orElse("");
      throw switch (code) {
        case "InvalidPart" ->
            Problems.badRequest(
                "invalid-part",
                "S3 refused the parts (InvalidPart): a part was not uploaded, or its ETag is not the one S3 answered its PUT "
                    + "with. Send each part's ETag exactly as the PUT's ETag header had it, or PUT the part again.");
        case "InvalidPartOrder" ->
            Problems.badRequest(
                "invalid-part-order",
                "S3 refused the parts (InvalidPartOrder): list them by part number, ascending.");
        case "EntityTooSmall" ->
            Problems.badRequest(
                "part-too-small",
                "S3 refused the parts (EntityTooSmall): every part but the last must be at least 5 MiB; PUT each part's "
                    + "exact byte range.");
        case "NoSuchUpload" ->
            Problems.conflict(
                "upload-gone",
                "S3 no longer has this multipart upload (NoSuchUpload): it was aborted or expired. Create a new upload.");
        default -> storageFailure("complete", e);
      };
    }
  }

  @Override
  public void abort(String key, String storeUploadId) {
    try {
      store.abortMultipartUpload(new MultipartUpload(key, storeUploadId));
    } catch (IOException e) {
      throw storageFailure("abort", e);
    }
  }

  private static ErrorResponseException storageFailure(String action, IOException e) {
    log.error("Could not {} a multipart upload", action, e);
    String code = S3BlobStore.errorCode(e).map(c -> " (S3 error " + c + ")").orElse("");
    return Problems.exception(
        HttpStatus.BAD_GATEWAY,
        "storage-failed",
        "Storage failed",
        "The object store failed to " + action + " the multipart upload" + code + "; try again.");
  }
}
