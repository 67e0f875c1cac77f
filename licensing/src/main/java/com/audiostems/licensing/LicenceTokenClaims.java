package com.audiostems.licensing;

import java.time.Instant;
import java.util.List;

/**
 * What a licence token says, authenticated: the licensee presents it to download.
 *
 * @param licenceId 30 hex digits
 * @param licensee who it was issued to
 * @param trackId the licensed track
 * @param formats output format names the licence grants
 * @param endsAt the end of the term when the token was issued (an extension issues a new token)
 * @param keyId the ring key that sealed it (read from the token, not trusted before it opens)
 */
public record LicenceTokenClaims(
    String licenceId,
    String licensee,
    String trackId,
    List<String> formats,
    Instant endsAt,
    String keyId) {

  public LicenceTokenClaims {
    formats = List.copyOf(formats);
  }
}
