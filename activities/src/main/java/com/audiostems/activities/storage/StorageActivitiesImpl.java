package com.audiostems.activities.storage;

import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.PublishManifestRequest;
import com.audiostems.workflows.storage.StorageActivities;
import com.audiostems.workflows.storage.StoredObject;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

public class StorageActivitiesImpl implements StorageActivities {
  /** How manifests are written: indented, so that people can read them. */
  public static final ObjectMapper MANIFEST_JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final BlobStore store;

  public StorageActivitiesImpl(BlobStore store) {
    this.store = store;
  }

  @Override
  public StoredObject publishManifest(PublishManifestRequest request) {
    try {
      byte[] json = MANIFEST_JSON.writeValueAsBytes(request.manifest());
      return store.storeBytes(BlobKeys.manifestKey(request.trackId()), json);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not write the manifest of track " + request.trackId(), e);
    }
  }

  @Override
  public void deleteObjects(List<String> keys) {
    for (String key : keys) {
      try {
        store.delete(StorageFailures.requireSafe(key));
      } catch (IOException e) {
        // Retried by the workflow's storage policy; deletes of the keys already gone are no-ops.
        throw new UncheckedIOException("Could not delete " + key, e);
      }
    }
  }
}
