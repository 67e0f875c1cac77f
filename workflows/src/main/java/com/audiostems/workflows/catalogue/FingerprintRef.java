package com.audiostems.workflows.catalogue;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A stored fingerprint.
 *
 * @param key blob-store key of the serialised fingerprint
 * @param hashCount landmark hashes in it
 * @param durationSeconds duration of the audio it describes
 * @param skippedReason why the audio was not fingerprinted (too short: the fingerprint has no
 *     hashes and matches nothing), in a sentence; null when it was
 */
public record FingerprintRef(
    String key, int hashCount, double durationSeconds, String skippedReason) {

  /** Landmark hashes per second of audio. */
  @JsonIgnore
  public double hashesPerSecond() {
    return durationSeconds > 0 ? hashCount / durationSeconds : 0;
  }
}
