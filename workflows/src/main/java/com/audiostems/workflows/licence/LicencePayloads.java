package com.audiostems.workflows.licence;

import java.util.HexFormat;

/**
 * The 128-bit payload a licensee's delivered copy carries, as 32 hex digits:
 *
 * <pre>
 *   byte 0      kind: 0x02 = a copy delivered under a licence
 *   bytes 1..15 the licence id itself (15 bytes, {@link LicenceIds})
 * </pre>
 *
 * <p>The kind byte shares its place with the preview's ({@code PreviewPayloads#KIND_PREVIEW}), so
 * one detector reads both. The registry object {@code watermarks/<payloadId>.json} maps the payload
 * to the licence, its licensee and its track.
 */
public final class LicencePayloads {
  /** The kind byte of a delivered copy's payload. */
  public static final int KIND_LICENCE = 0x02;

  private LicencePayloads() {}

  public static String forLicence(String licenceId) {
    if (!LicenceIds.isLicenceId(licenceId)) {
      throw new IllegalArgumentException("Not a licence id: " + licenceId);
    }
    return String.format("%02x", KIND_LICENCE) + licenceId;
  }

  /** The licence a payload names, or null when it is not a licence's payload. */
  public static String licenceIdOf(String payloadId) {
    if (payloadId == null
        || payloadId.length() != 32
        || HexFormat.fromHexDigits(payloadId, 0, 2) != KIND_LICENCE) {
      return null;
    }
    return payloadId.substring(2);
  }
}
