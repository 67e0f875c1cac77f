package com.audiostems.workflows.licence;

import com.audiostems.workflows.media.OutputFormat;
import java.time.Instant;
import java.util.List;

/**
 * What a licence grants: one track to one licensee, in some formats and territories, for a term.
 *
 * @param trackId the licensed track
 * @param licensee who holds the licence (the name a licensee API key is bound to)
 * @param formats the delivery formats the licensee may download; never the masters' sources
 * @param territories ISO 3166-1 alpha-2 codes, or {@code WORLD}
 * @param startsAt the first instant the licence may be used
 * @param endsAt the end of the term as granted (an extension moves {@link LicenceState#endsAt})
 * @param feeMinorUnits the fee in the currency's minor units (cents)
 * @param currency ISO 4217 code
 * @param usageType what the licensee may do with it: e.g. "sync", "broadcast", "online", "ad"
 */
public record LicenceTerms(
    String trackId,
    String licensee,
    List<OutputFormat> formats,
    List<String> territories,
    Instant startsAt,
    Instant endsAt,
    long feeMinorUnits,
    String currency,
    String usageType) {

  public static final String WORLDWIDE = "WORLD";

  public LicenceTerms {
    formats = List.copyOf(formats);
    territories = List.copyOf(territories);
  }

  /** Whether a delivery claimed from {@code territory} (ISO alpha-2) is covered. */
  public boolean covers(String territory) {
    return territories.contains(WORLDWIDE)
        || (territory != null
            && territories.contains(territory.toUpperCase(java.util.Locale.ROOT)));
  }
}
