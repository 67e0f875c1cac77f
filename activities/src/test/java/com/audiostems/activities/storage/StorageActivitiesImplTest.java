package com.audiostems.activities.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.PublishManifestRequest;
import com.audiostems.workflows.storage.TrackManifest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageActivitiesImplTest {
  @TempDir Path temp;

  @Test
  void publishesTheManifestAsReadableJsonAndDeletesIdempotently() throws Exception {
    LocalBlobStore store = new LocalBlobStore(temp);
    StorageActivitiesImpl storage = new StorageActivitiesImpl(store);
    TrackManifest manifest =
        new TrackManifest(
            1,
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

    var stored = storage.publishManifest(new PublishManifestRequest("t1", manifest));

    assertThat(stored.key()).isEqualTo(BlobKeys.manifestKey("t1"));
    JsonNode json =
        StorageActivitiesImpl.MANIFEST_JSON.readTree(store.pathOf(stored.key()).toFile());
    assertThat(json.get("workflowId").asText()).isEqualTo("track-t1");
    assertThat(json.get("stageMillis").get("PROBING").asLong()).isEqualTo(12);
    assertThat(json.get("preview").get("watermarked").asBoolean()).isFalse();

    storage.deleteObjects(List.of(stored.key(), "tracks/t1/outputs/never-written.mp3"));
    assertThat(store.exists(stored.key())).isFalse();
  }
}
