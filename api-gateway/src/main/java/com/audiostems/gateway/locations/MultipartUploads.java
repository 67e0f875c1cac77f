package com.audiostems.gateway.locations;

import com.audiostems.storage.UploadedPart;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Uploads in parts, for stores whose single PUT is limited (S3: 5 GiB) and where a large file is
 * better sent in parts that can be retried one by one. The client PUTs each part to its own
 * location, then the gateway joins them; nothing is visible under the key until then. Failures
 * leave as RFC 9457 problems. Only the S3 kind has an implementation; on the local store every
 * upload is one PUT.
 */
public interface MultipartUploads {

  /** The parts an upload of this size is sent in; empty when it goes in one PUT. */
  Optional<PartPlan> plan(long sizeBytes);

  /** Starts an upload in parts of the object under {@code key}; answers the store's id of it. */
  String start(String key);

  /** A PUT location for one part's bytes, valid until {@code expiresAt}. */
  PresignedRequest presignPart(String key, String storeUploadId, int partNumber, Instant expiresAt);

  /** Joins the parts (all of them, numbered 1 to n) into the object. */
  void complete(String key, String storeUploadId, List<UploadedPart> parts);

  /** Discards the upload and every part sent so far; an upload already gone is no error. */
  void abort(String key, String storeUploadId);
}
