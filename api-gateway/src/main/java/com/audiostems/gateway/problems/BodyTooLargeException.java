package com.audiostems.gateway.problems;

import java.io.IOException;

/**
 * A request body grew past its limit while it was read. An IOException, so that it travels through
 * the JSON reader and is recognised by {@link GatewayExceptionHandler} as the cause.
 */
public class BodyTooLargeException extends IOException {
  public BodyTooLargeException(long limitBytes) {
    super("The request body is larger than " + limitBytes + " bytes.");
  }
}
