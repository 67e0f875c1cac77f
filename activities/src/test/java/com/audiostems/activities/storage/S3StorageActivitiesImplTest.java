package com.audiostems.activities.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.storage.S3BlobStore;
import com.audiostems.storage.testing.S3TestServer;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.PublishManifestRequest;
import com.audiostems.workflows.storage.StoredObject;
import com.audiostems.workflows.storage.TrackManifest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The workflow's storage activities on S3: publishing a manifest and compensating deletes. */
class S3StorageActivitiesImplTest {
  @RegisterExtension static final S3TestServer server = new S3TestServer();

  @Test
  void publishesTheManifestAndDeletesIdempotently() throws Exception {
    try (S3BlobStore store =
        new S3BlobStore(server.settings().keyPrefix("activities/").build(), server.credentials())) {
      StorageActivitiesImpl storage = new StorageActivitiesImpl(store);
      TrackManifest manifest =
          new TrackManifest(
              TrackManifest.SCHEMA_VERSION,
              "t1",
              1,
              "track-t1",
              "run-1",
              "2026-11-24T00:00:00Z",
              null,
              null,
              List.of(),
              List.of(),
              null,
              null,
              null,
              new TrackManifest.Preview(false, null),
              null,
              Map.of("PROBING", 12L));

      StoredObject stored = storage.publishManifest(new PublishManifestRequest("t1", manifest));

      assertThat(stored.key()).isEqualTo(BlobKeys.manifestKey("t1"));
      try (InputStream in = store.open(stored.key())) {
        byte[] json = in.readAllBytes();
        assertThat(
                java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(json)))
            .isEqualTo(stored.sha256());
        JsonNode read = StorageActivitiesImpl.MANIFEST_JSON.readTree(json);
        assertThat(read.get("workflowId").asText()).isEqualTo("track-t1");
        assertThat(read.get("stageMillis").get("PROBING").asLong()).isEqualTo(12);
      }

      storage.deleteObjects(List.of(stored.key(), "tracks/t1/outputs/never-written.mp3"));
      storage.deleteObjects(List.of(stored.key()));

      assertThat(store.exists(stored.key())).isFalse();
      assertThat(store.list("tracks/t1/")).isEmpty();
    }
  }
}
