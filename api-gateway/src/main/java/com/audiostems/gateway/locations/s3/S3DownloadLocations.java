package com.audiostems.gateway.locations.s3;

import com.audiostems.gateway.locations.DownloadLocations;
import com.audiostems.gateway.locations.PresignedRequest;
import com.audiostems.storage.PresigningBlobStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Download locations straight from the bucket: a presigned S3 GET of the object's key. */
public final class S3DownloadLocations implements DownloadLocations {
  private final PresigningBlobStore store;
  private final Clock clock;

  public S3DownloadLocations(PresigningBlobStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public PresignedRequest presignDownload(String key, Instant expiresAt) {
    return new PresignedRequest(
        "GET",
        S3Links.toUri(store.presignGet(key, S3Links.validity(clock, expiresAt))),
        expiresAt,
        Map.of());
  }
}
