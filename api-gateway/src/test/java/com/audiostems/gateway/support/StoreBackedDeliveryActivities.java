package com.audiostems.gateway.support;

import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.delivery.DeliveryActivities;
import com.audiostems.workflows.delivery.DeliveryKeys;
import com.audiostems.workflows.delivery.MarkedCopy;
import com.audiostems.workflows.delivery.MarkedCopyRequest;
import com.audiostems.workflows.licence.LicencePayloads;
import com.audiostems.workflows.storage.StoredObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Test-only: writes a small file naming the licence and format under the copy's real key in the
 * real local store (no audio, no mark), so the gateway's links can be followed to it.
 */
public final class StoreBackedDeliveryActivities implements DeliveryActivities {
  private final LocalBlobStore store;

  public StoreBackedDeliveryActivities(LocalBlobStore store) {
    this.store = store;
  }

  /** What the copy of this format for this licence contains. */
  public static byte[] content(String licenceId, String format) {
    return ("marked " + format + " for licence " + licenceId).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public MarkedCopy makeMarkedCopy(MarkedCopyRequest request) {
    String key = DeliveryKeys.copyKey(request.licenceId(), request.format());
    try {
      boolean reused = store.exists(key);
      StoredObject stored =
          store.storeBytes(key, content(request.licenceId(), request.format().name()));
      return new MarkedCopy(
          request.licenceId(),
          request.format(),
          key,
          stored.sha256(),
          stored.bytes(),
          LicencePayloads.forLicence(request.licenceId()),
          "test-key",
          reused);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
