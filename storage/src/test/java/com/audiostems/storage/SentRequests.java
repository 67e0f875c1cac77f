package com.audiostems.storage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The HTTP requests a client sent, as they went over the wire: to check headers that the test
 * server accepts but does not report back (storage class, server-side encryption).
 */
final class SentRequests implements ExecutionInterceptor {
  private final List<SdkHttpRequest> sent = new CopyOnWriteArrayList<>();

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
    sent.add(context.httpRequest());
  }

  /**
   * The one request with this method to this object key that has the query parameter (or any, for
   * null).
   */
  SdkHttpRequest only(String method, String objectKey, String queryParameter) {
    List<SdkHttpRequest> matching =
        sent.stream()
            .filter(r -> r.method().name().equals(method))
            .filter(r -> r.encodedPath().endsWith("/" + objectKey))
            .filter(
                r -> queryParameter == null || r.rawQueryParameters().containsKey(queryParameter))
            .toList();
    if (matching.size() != 1) {
      throw new AssertionError(
          "Expected one "
              + method
              + " of "
              + objectKey
              + " with '"
              + queryParameter
              + "', sent: "
              + matching);
    }
    return matching.getFirst();
  }

  /** How many requests with this method had the query parameter. */
  long count(String method, String queryParameter) {
    return sent.stream()
        .filter(
            r ->
                r.method().name().equals(method)
                    && r.rawQueryParameters().containsKey(queryParameter))
        .count();
  }

  static String header(SdkHttpRequest request, String name) {
    return request.firstMatchingHeader(name).orElse(null);
  }
}
