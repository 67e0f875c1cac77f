package com.audiostems.gateway.locations;

import java.time.Instant;

/** Where a client downloads a stored object; one implementation per blob-store kind. */
public interface DownloadLocations {

  /** A GET location for the object under {@code key}, valid until {@code expiresAt}. */
  PresignedRequest presignDownload(String key, Instant expiresAt);
}
