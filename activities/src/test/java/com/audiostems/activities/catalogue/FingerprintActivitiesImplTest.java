package com.audiostems.activities.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.activities.media.MediaSettings;
import com.audiostems.activities.testing.TestAudio;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.catalogue.CatalogueActivities;
import com.audiostems.workflows.catalogue.CatalogueEntry;
import com.audiostems.workflows.catalogue.CatalogueMatches;
import com.audiostems.workflows.catalogue.FingerprintActivities;
import com.audiostems.workflows.catalogue.FingerprintRef;
import com.audiostems.workflows.catalogue.FingerprintRequest;
import com.audiostems.workflows.catalogue.LookupRequest;
import com.audiostems.workflows.storage.BlobKeys;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: one-shots, hits and sound effects under a second were rejected EmptyFile "too short to
 * fingerprint". They are stored without hashes, with the reason, and match nothing.
 */
class FingerprintActivitiesImplTest {
  @TempDir Path dir;
  private TestActivityEnvironment env;
  private LocalBlobStore store;
  private FingerprintCatalogues indexes;
  private FingerprintActivities fingerprints;
  private CatalogueActivities catalogue;

  @BeforeEach
  void setUp() throws IOException {
    store = new LocalBlobStore(dir.resolve("store"));
    indexes = FingerprintCatalogues.open(dir.resolve("catalogue"));
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new FingerprintActivitiesImpl(
            store, new MediaProcessRunner(MediaSettings.defaults(dir.resolve("work")))),
        new CatalogueActivitiesImpl(store, indexes));
    fingerprints = env.newActivityStub(FingerprintActivities.class);
    catalogue = env.newActivityStub(CatalogueActivities.class);
  }

  @AfterEach
  void tearDown() throws Exception {
    env.close();
    indexes.close();
  }

  @Test
  void aHalfSecondOneShotHasNoHashesSaysWhyAndMatchesNothingEvenItself() throws IOException {
    FingerprintRef hit = fingerprint("hit-1", 0.5);

    assertThat(hit.hashCount()).isZero();
    assertThat(hit.durationSeconds()).isCloseTo(0.5, within(0.01));
    assertThat(hit.skippedReason())
        .contains("0.50 s", "under the 1 s", "not checked for duplicates");
    catalogue.addTrack(new CatalogueEntry("hit-1", "Hit", hit.key()));
    FingerprintRef again = fingerprint("hit-2", 0.5);
    CatalogueMatches matches = catalogue.lookup(new LookupRequest("hit-2", again.key()));
    assertThat(matches.tracks()).isEmpty();
    assertThat(matches.references()).isEmpty();
  }

  @Test
  void aSecondOrMoreIsFingerprinted() throws IOException {
    FingerprintRef track = fingerprint("long-1", 3.0);

    assertThat(track.hashCount()).isPositive();
    assertThat(track.skippedReason()).isNull();
  }

  private FingerprintRef fingerprint(String trackId, double seconds) throws IOException {
    Path wav = TestAudio.wav(dir.resolve(trackId + ".wav"), 48_000, 16, 2, seconds);
    String key = BlobKeys.sourceKey(trackId, "source.wav");
    store.store(key, wav);
    return fingerprints.fingerprint(
        new FingerprintRequest(trackId, key, BlobKeys.fingerprintKey(trackId)));
  }
}
