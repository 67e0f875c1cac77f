package com.audiostems.gateway.identify;

/**
 * What the gateway records on an identify query's workflow: who asked (only they, operators and
 * admins read the answer) and what the file was called.
 */
public record IdentifyMemo(String owner, String fileName) {

  /** The memo field the record is stored under. */
  public static final String KEY = "audiostems-identify";
}
