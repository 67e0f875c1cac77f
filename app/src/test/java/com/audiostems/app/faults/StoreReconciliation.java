package com.audiostems.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.storage.TrackManifest;
import com.audiostems.workflows.track.TrackManifests;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a fault test checks of the store once every track has ended: each published output is whole
 * (the size and SHA-256 its manifest records, read back from the store) and verified, and the
 * store's listing of track objects and watermark registrations is exactly what the published
 * manifests own ({@link TrackManifests#ownedKeys}): nothing lost, nothing orphaned by an attempt
 * that a fault cut short, nothing left of a track that failed.
 */
public final class StoreReconciliation {
  private StoreReconciliation() {}

  public static void assertWholeAndNothingElse(BlobStore store, List<TrackManifest> published)
      throws IOException {
    List<String> owned = new ArrayList<>();
    for (TrackManifest manifest : published) {
      for (EncodedOutput output : manifest.outputs()) {
        assertThat(store.exists(output.key())).as(output.key()).isTrue();
        Digest digest = digest(store, output.key());
        assertThat(digest.bytes()).as(output.key() + ": bytes").isEqualTo(output.bytes());
        assertThat(digest.sha256()).as(output.key() + ": SHA-256").isEqualTo(output.sha256());
      }
      assertThat(manifest.verification().checks())
          .as(manifest.trackId() + ": verification")
          .allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
      owned.addAll(TrackManifests.ownedKeys(manifest));
      // The quality report's waveform peaks, which the manifest does not list.
      owned.addAll(TrackManifests.peaksKeys(manifest));
    }
    List<String> listed = new ArrayList<>(store.list("tracks/"));
    listed.addAll(store.list("watermarks/"));
    assertThat(listed)
        .as("the store's track objects and watermark registrations against the manifests")
        .containsExactlyInAnyOrderElementsOf(owned);
  }

  private record Digest(long bytes, String sha256) {}

  private static Digest digest(BlobStore store, String key) throws IOException {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long bytes = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = store.open(key)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha256.update(buffer, 0, n);
        bytes += n;
      }
    }
    return new Digest(bytes, HexFormat.of().formatHex(sha256.digest()));
  }
}
