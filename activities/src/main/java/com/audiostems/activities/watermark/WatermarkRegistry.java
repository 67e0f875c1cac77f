package com.audiostems.activities.watermark;

import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.watermark.PreviewPayloads;
import com.audiostems.workflows.watermark.WatermarkRegistration;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/**
 * The registry of marks in the blob store: one small JSON object per payload ({@link
 * BlobKeys#watermarkRegistryKey}), so that a detected payload leads back to its track.
 */
public final class WatermarkRegistry {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final BlobStore store;

  public WatermarkRegistry(BlobStore store) {
    this.store = store;
  }

  /** Writes (or replaces) the registration of its payload; returns the object's key. */
  public String register(WatermarkRegistration registration) throws IOException {
    String key = BlobKeys.watermarkRegistryKey(registration.payloadId());
    store.storeBytes(key, JSON.writeValueAsBytes(registration));
    return key;
  }

  /** The registration of {@code payloadId}; empty when none is stored (or the id is malformed). */
  public Optional<WatermarkRegistration> lookUp(String payloadId) throws IOException {
    if (!PreviewPayloads.isPayloadId(payloadId)) {
      return Optional.empty();
    }
    String key = BlobKeys.watermarkRegistryKey(payloadId);
    if (!store.exists(key)) {
      return Optional.empty();
    }
    try (InputStream in = store.open(key)) {
      return Optional.of(JSON.readValue(in, WatermarkRegistration.class));
    } catch (NoSuchFileException e) {
      return Optional.empty(); // deleted between the two calls
    }
  }
}
