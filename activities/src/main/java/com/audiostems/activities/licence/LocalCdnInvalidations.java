package com.audiostems.activities.licence;

import com.audiostems.storage.BlobStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;

/**
 * The local stand-in for a CDN: without one, there is nothing to invalidate, so the request is kept
 * as {@code cdn-invalidations/<reference>.json} in the store, where a person (or a test) can see
 * what a CDN would have been asked.
 */
public final class LocalCdnInvalidations implements CdnInvalidations {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final BlobStore store;
  private final Clock clock;

  public LocalCdnInvalidations(BlobStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** What is kept: the id, the paths, the reason and when it was requested (ISO-8601, UTC). */
  public record Request(String id, List<String> paths, String reason, String requestedAt) {}

  public static String key(String reference) {
    return "cdn-invalidations/" + reference + ".json";
  }

  @Override
  public String invalidate(String reference, List<String> paths, String reason) throws IOException {
    String key = key(reference);
    if (store.exists(key)) {
      // Asked before (a retried withdrawal): the first request stands, with its time.
      try (InputStream in = store.open(key)) {
        return JSON.readValue(in, Request.class).id();
      }
    }
    Request request =
        new Request("local-" + reference, List.copyOf(paths), reason, clock.instant().toString());
    store.storeBytes(key, JSON.writeValueAsBytes(request));
    return request.id();
  }

  /** The request kept for {@code reference}. */
  public Request read(String reference) throws IOException {
    try (InputStream in = store.open(key(reference))) {
      return JSON.readValue(in, Request.class);
    }
  }
}
