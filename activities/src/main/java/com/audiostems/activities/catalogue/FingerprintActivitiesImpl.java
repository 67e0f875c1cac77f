package com.audiostems.activities.catalogue;

import com.audiostems.activities.media.ActivityProgress;
import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.activities.media.SourceCopies;
import com.audiostems.activities.media.WorkDirectory;
import com.audiostems.activities.storage.StorageFailures;
import com.audiostems.dsp.fingerprint.Fingerprint;
import com.audiostems.dsp.fingerprint.FingerprintCodec;
import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.catalogue.FingerprintActivities;
import com.audiostems.workflows.catalogue.FingerprintRef;
import com.audiostems.workflows.catalogue.FingerprintRequest;
import io.temporal.activity.Activity;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Fingerprints a stored source (through this host's working copy when it holds one) with {@link
 * SourceFingerprinter} and stores the serialised fingerprint under the request's key. Audio under
 * {@link SourceFingerprinter#MIN_SECONDS} is stored as a fingerprint without hashes, and the
 * reference says why: the track goes on, and its lookup matches nothing.
 */
public final class FingerprintActivitiesImpl implements FingerprintActivities {
  private final BlobStore store;
  private final SourceFingerprinter fingerprinter;
  private final Path workDir;

  public FingerprintActivitiesImpl(BlobStore store, MediaProcessRunner runner) {
    this.store = store;
    this.fingerprinter = new SourceFingerprinter(runner);
    this.workDir = runner.settings().workDir();
  }

  @Override
  public FingerprintRef fingerprint(FingerprintRequest request) {
    StorageFailures.requireSafe(request.sourceKey());
    StorageFailures.requireSafe(request.fingerprintKey());
    ActivityProgress progress = ActivityProgress.heartbeats();
    try (WorkDirectory work = WorkDirectory.create(workDir, "fingerprint-");
        BlobStore.LocalCopy source = SourceCopies.open(store, request.sourceKey(), work.path())) {
      Fingerprint fingerprint =
          fingerprinter.fingerprint(source.path(), request.sourceKey(), progress);
      store.storeBytes(request.fingerprintKey(), FingerprintCodec.encode(fingerprint));
      progress.accept(1.0);
      return new FingerprintRef(
          request.fingerprintKey(),
          fingerprint.size(),
          fingerprint.durationSeconds(),
          SourceFingerprinter.skippedReason(fingerprint));
    } catch (IOException e) {
      throw Activity.wrap(e); // the store or the disk: worth a retry
    }
  }
}
