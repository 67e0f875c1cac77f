package com.audiostems.gateway.support;

import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.PublishManifestRequest;
import com.audiostems.workflows.storage.StorageActivities;
import com.audiostems.workflows.storage.StoredObject;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The workflow's publish and delete steps on the real local store, as the activities module does
 * them.
 */
public final class StoreBackedStorageActivities implements StorageActivities {
  private final LocalBlobStore store;
  private final ObjectMapper json;

  public StoreBackedStorageActivities(LocalBlobStore store, ObjectMapper json) {
    this.store = store;
    this.json = json;
  }

  @Override
  public StoredObject publishManifest(PublishManifestRequest request) {
    try {
      return store.storeBytes(
          BlobKeys.manifestKey(request.trackId()), json.writeValueAsBytes(request.manifest()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void deleteObjects(List<String> keys) {
    try {
      for (String key : keys) {
        store.delete(key);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
