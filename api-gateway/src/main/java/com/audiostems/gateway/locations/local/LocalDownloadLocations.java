package com.audiostems.gateway.locations.local;

import com.audiostems.gateway.locations.DownloadLocations;
import com.audiostems.gateway.locations.PresignedRequest;
import com.audiostems.storage.SafeKeys;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * Download locations on the gateway itself: {@code GET /v1/files/<key>}, signed. Keys are made of
 * URL-safe characters only ({@link SafeKeys}), so they go into the path as they are and the URL
 * ends with the object's file name.
 */
public final class LocalDownloadLocations implements DownloadLocations {
  static final String METHOD = "GET";
  private final LinkSigner signer;
  private final GatewayBaseUrl baseUrl;

  public LocalDownloadLocations(LinkSigner signer, GatewayBaseUrl baseUrl) {
    this.signer = signer;
    this.baseUrl = baseUrl;
  }

  @Override
  public PresignedRequest presignDownload(String key, Instant expiresAt) {
    SafeKeys.requireSafe(key);
    URI url =
        URI.create(
            baseUrl.current()
                + "/v1/files/"
                + key
                + "?expires="
                + expiresAt.getEpochSecond()
                + "&signature="
                + signer.sign(METHOD, key, expiresAt));
    return new PresignedRequest(METHOD, url, expiresAt, Map.of());
  }
}
