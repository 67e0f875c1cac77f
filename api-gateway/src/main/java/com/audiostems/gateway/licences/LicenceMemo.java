package com.audiostems.gateway.licences;

/**
 * What the gateway records on each licence's workflow (its memo): enough to decide who may read it
 * without asking its workers.
 */
public record LicenceMemo(String licensee, String trackId, String grantedBy) {

  /** The memo field the record is stored under. */
  public static final String KEY = "audiostems-licence";
}
