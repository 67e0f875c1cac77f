package com.audiostems.workflows.delivery;

import com.audiostems.workflows.media.OutputFormat;

/**
 * Make (or find) a licensee's marked copy of one published output: decode the track's master, embed
 * the licence's mark, encode with the published output's settings, tag it again with the licence
 * id, store it under {@link DeliveryKeys#copyKey}.
 *
 * @param licenceId the licence the mark names ({@code LicencePayloads#forLicence})
 * @param trackId the published track
 * @param licensee who the licence is for (written into the registry object, not into the file)
 * @param format the output to deliver; the track must have published it
 */
public record MarkedCopyRequest(
    String licenceId, String trackId, String licensee, OutputFormat format) {}
