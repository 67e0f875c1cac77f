package com.audiostems.storage;

import java.io.IOException;

/**
 * The store could not be reached or asked the caller to come back later: a connection refused,
 * reset or timed out before an answer, or an answer of 5xx (S3's 500 InternalError, 503 SlowDown,
 * 503 ServiceUnavailable). Unlike a missing object or a denied permission it says nothing about the
 * request: the same call may succeed in a moment, so the caller retries it.
 */
public final class StorageUnavailableException extends IOException {
  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
