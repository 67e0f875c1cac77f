package com.audiostems.activities.delivery;

import com.audiostems.workflows.media.OutputFormat;

/**
 * The record beside a delivered copy ({@code DeliveryKeys#recordKey}): what the copy is, so that it
 * is found rather than encoded again, and what it was made from.
 *
 * @param schema layout of this record, {@link #SCHEMA}
 * @param trackVersion the manifest version whose output settings the copy reproduces
 * @param masterKey the stored source the copy was decoded from (never modified)
 * @param samples "marked": the copy's samples are the master's, resampled as the published output
 *     was, with the licence's mark embedded; a lossless copy is a lossless encoding of exactly
 *     these
 * @param markedPcmSha256 for a lossless copy, SHA-256 of its samples decoded to interleaved s32le
 *     (left-justified), as they were quantised before encoding; null for a lossy copy
 * @param createdAt ISO-8601 instant
 */
public record DeliveredCopyRecord(
    int schema,
    String licenceId,
    String licensee,
    String trackId,
    int trackVersion,
    OutputFormat format,
    String key,
    String sha256,
    long bytes,
    String payloadId,
    String keyId,
    String masterKey,
    String samples,
    String markedPcmSha256,
    String createdAt) {

  public static final int SCHEMA = 1;
}
