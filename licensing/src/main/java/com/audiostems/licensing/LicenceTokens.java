package com.audiostems.licensing;

/**
 * Seals and opens licence tokens with AES-256-GCM from a key ring: new tokens with the ring's
 * current key, older keys still open the tokens they sealed. Whether a token's licence is still
 * usable (expired, revoked) is the licence's business, not the token's.
 */
public interface LicenceTokens {

  /** A URL-safe token for the claims, sealed with the current key (its id goes into the claims). */
  String issue(LicenceTokenClaims claims);

  LicenceTokenClaims open(String token) throws LicenceTokenException;
}
