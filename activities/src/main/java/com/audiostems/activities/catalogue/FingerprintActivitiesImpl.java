package com.audiostems.activities.catalogue;

import com.audiostems.activities.analysis.PcmDecoder;
import com.audiostems.activities.media.ActivityProgress;
import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.activities.media.SourceCopies;
import com.audiostems.activities.media.WorkDirectory;
import com.audiostems.dsp.fingerprint.Fingerprint;
import com.audiostems.dsp.fingerprint.FingerprintCodec;
import com.audiostems.dsp.fingerprint.Fingerprinter;
import com.audiostems.storage.BlobStore;
import com.audiostems.storage.SafeKeys;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.catalogue.FingerprintActivities;
import com.audiostems.workflows.catalogue.FingerprintRef;
import com.audiostems.workflows.catalogue.FingerprintRequest;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Fingerprints a stored source: ffmpeg decodes it to mono at the fingerprinter's rate (its
 * resampler is better than any hand-written one, and 8 kHz mono is 1/11 of the data), {@link
 * Fingerprinter} computes the landmark hashes, and the serialised fingerprint is stored under the
 * request's key.
 */
public final class FingerprintActivitiesImpl implements FingerprintActivities {
  private final BlobStore store;
  private final PcmDecoder decoder;
  private final Path workDir;

  public FingerprintActivitiesImpl(BlobStore store, MediaProcessRunner runner) {
    this.store = store;
    this.decoder = new PcmDecoder(runner);
    this.workDir = runner.settings().workDir();
  }

  @Override
  public FingerprintRef fingerprint(FingerprintRequest request) {
    SafeKeys.requireSafe(request.sourceKey());
    SafeKeys.requireSafe(request.fingerprintKey());
    ActivityProgress progress = ActivityProgress.heartbeats();
    try (WorkDirectory work = WorkDirectory.create(workDir, "fingerprint-");
        BlobStore.LocalCopy source = SourceCopies.open(store, request.sourceKey(), work.path())) {
      float[] mono = decodeMono(source.path(), progress);
      if (mono.length < Fingerprinter.RATE_HZ) {
        throw ApplicationFailure.newNonRetryableFailure(
            "The audio of " + request.sourceKey() + " is shorter than a second: too short to fingerprint.",
            TrackFailures.EMPTY_FILE);
      }
      Fingerprint fingerprint = new Fingerprinter().fingerprint(mono, Fingerprinter.RATE_HZ);
      store.storeBytes(request.fingerprintKey(), FingerprintCodec.encode(fingerprint));
      progress.accept(1.0);
      return new FingerprintRef(request.fingerprintKey(), fingerprint.size(), fingerprint.durationSeconds());
    } catch (IOException e) {
      throw Activity.wrap(e); // the store or the disk: worth a retry
    }
  }

  private float[] decodeMono(Path file, ActivityProgress progress) throws IOException {
    float[][] samples = {new float[Fingerprinter.RATE_HZ * 60]};
    int[] length = {0};
    decoder.decodeMono(
        file,
        Fingerprinter.RATE_HZ,
        0,
        (block, frames) -> {
          if (length[0] + frames > samples[0].length) {
            samples[0] = Arrays.copyOf(samples[0], Math.max(samples[0].length * 2, length[0] + frames));
          }
          System.arraycopy(block[0], 0, samples[0], length[0], frames);
          length[0] += frames;
        },
        fraction -> progress.accept(0.5)); // duration unknown here: alive, not a share
    return Arrays.copyOf(samples[0], length[0]);
  }
}
