package com.audiostems.ledger;

import java.time.Instant;
import java.util.List;

/**
 * A row of {@code licences}: the licence as its workflow last reported it.
 *
 * @param formats output format names (e.g. {@code MP3_320})
 * @param territories ISO alpha-2 codes or {@code WORLD}
 * @param status ACTIVE, EXPIRED or REVOKED
 * @param endedAt null while active
 * @param endReason null while active
 */
public record LicenceRecord(
    String licenceId,
    String trackId,
    String licensee,
    List<String> formats,
    List<String> territories,
    Instant startsAt,
    Instant endsAt,
    long feeMinorUnits,
    String currency,
    String usageType,
    String status,
    Instant grantedAt,
    Instant endedAt,
    String endReason) {

  public LicenceRecord {
    formats = List.copyOf(formats);
    territories = List.copyOf(territories);
  }
}
