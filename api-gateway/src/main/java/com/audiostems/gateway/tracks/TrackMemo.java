package com.audiostems.gateway.tracks;

import java.util.List;

/**
 * What the gateway records on each track's workflow (its memo): who owns the track, what was asked
 * for, and the fingerprint that makes a repeated start with the same Idempotency-Key recognisable.
 * Temporal keeps it across continue-as-new and shows it in visibility listings.
 *
 * @param formats the requested outputs by name; empty means all
 * @param minimumTier the minimum source tier the client asked for, or null; the workflow rejects a
 *     source whose quality checks put it below
 * @param watermark whether the client asked for a watermarked preview; recorded only: the watermark
 *     stage does not exist yet
 * @param requestSha256 fingerprint of the normalised start request
 */
public record TrackMemo(
    String owner,
    String uploadId,
    String fileName,
    List<String> formats,
    String minimumTier,
    boolean watermark,
    String requestSha256) {

  /** The memo field the record is stored under. */
  public static final String KEY = "audiostems";
}
