package com.audiostems.gateway.locations;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A request a client may make without an API key until it expires: the link itself is the authority
 * (an HMAC-signed gateway URL for the local store, a presigned URL for S3).
 *
 * @param method the HTTP method the signature is valid for
 * @param url where to send it
 * @param expiresAt when the link stops working
 * @param headers headers the client must send as given (a presigned S3 PUT may sign some); empty
 *     when none are required
 */
public record PresignedRequest(
    String method, URI url, Instant expiresAt, Map<String, String> headers) {

  public PresignedRequest {
    headers = Map.copyOf(headers);
  }
}
