package com.audiostems.workflows.delivery;

import com.audiostems.workflows.media.OutputFormat;

/**
 * A licensee's marked copy in the delivery store.
 *
 * @param licenceId the licence it was made for
 * @param format which output it copies
 * @param key where it is stored ({@link DeliveryKeys#copyKey})
 * @param sha256 of the stored bytes
 * @param bytes size of the stored file
 * @param payloadId the mark's payload (32 hex digits: kind 0x02, then the licence id)
 * @param keyId the watermark key it was marked with
 * @param reused true when the copy already existed and was not encoded again
 */
public record MarkedCopy(
    String licenceId,
    OutputFormat format,
    String key,
    String sha256,
    long bytes,
    String payloadId,
    String keyId,
    boolean reused) {}
