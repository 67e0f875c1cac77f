package com.audiostems.gateway.trace;

/**
 * What the gateway records on a trace's workflow: who asked and what the found file was called, so
 * that polling the trace can name the file again.
 */
public record TraceMemo(String owner, String fileName) {

  /** The memo field the record is stored under. */
  public static final String KEY = "audiostems-trace";
}
