package com.audiostems.gateway.locations.local;

import com.audiostems.gateway.locations.PresignedRequest;
import com.audiostems.gateway.locations.UploadLocations;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/** Upload locations on the gateway itself: {@code PUT /v1/uploads/{uploadId}/content}, signed. */
public final class LocalUploadLocations implements UploadLocations {
  static final String METHOD = "PUT";
  private final LinkSigner signer;
  private final GatewayBaseUrl baseUrl;

  public LocalUploadLocations(LinkSigner signer, GatewayBaseUrl baseUrl) {
    this.signer = signer;
    this.baseUrl = baseUrl;
  }

  /**
   * The key and size are not in the URL: the upload's ticket holds them and the endpoint checks
   * them.
   */
  @Override
  public PresignedRequest presignUpload(
      String uploadId, String key, long sizeBytes, Instant expiresAt) {
    URI url =
        URI.create(
            baseUrl.current()
                + "/v1/uploads/"
                + uploadId
                + "/content?expires="
                + expiresAt.getEpochSecond()
                + "&signature="
                + signer.sign(METHOD, uploadId, expiresAt));
    return new PresignedRequest(METHOD, url, expiresAt, Map.of());
  }
}
