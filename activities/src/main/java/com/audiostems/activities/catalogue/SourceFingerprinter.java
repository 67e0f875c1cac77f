package com.audiostems.activities.catalogue;

import com.audiostems.activities.analysis.PcmDecoder;
import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.dsp.fingerprint.Fingerprint;
import com.audiostems.dsp.fingerprint.Fingerprinter;
import com.audiostems.workflows.TrackFailures;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.DoubleConsumer;

/**
 * Fingerprints an audio file: ffmpeg decodes it to mono at the fingerprinter's rate (its resampler
 * is better than a hand-written one, and 8 kHz mono is a small share of the data), then {@link
 * Fingerprinter} computes the landmark hashes. Used by the activity and by {@code audiostems
 * reference add}.
 */
public final class SourceFingerprinter {
  private final PcmDecoder decoder;

  public SourceFingerprinter(MediaProcessRunner runner) {
    this.decoder = new PcmDecoder(runner);
  }

  /**
   * @param alive called now and then while decoding (heartbeats)
   * @throws ApplicationFailure non-retryable {@link TrackFailures#EMPTY_FILE} for under a second of
   *     audio, {@link TrackFailures#CORRUPT_AUDIO} when ffmpeg cannot decode it
   */
  public Fingerprint fingerprint(Path file, String name, DoubleConsumer alive) throws IOException {
    float[] mono = decodeMono(file, alive);
    if (mono.length < Fingerprinter.RATE_HZ) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The audio of " + name + " is shorter than a second: too short to fingerprint.", TrackFailures.EMPTY_FILE);
    }
    return new Fingerprinter().fingerprint(mono, Fingerprinter.RATE_HZ);
  }

  private float[] decodeMono(Path file, DoubleConsumer alive) throws IOException {
    float[][] samples = {new float[Fingerprinter.RATE_HZ * 60]};
    int[] length = {0};
    decoder.decodeAt(
        file,
        Fingerprinter.RATE_HZ,
        1,
        0, // duration unknown here: the decoder's progress only says it is alive
        "for the fingerprint",
        (block, frames) -> {
          if (length[0] + frames > samples[0].length) {
            samples[0] = Arrays.copyOf(samples[0], Math.max(samples[0].length * 2, length[0] + frames));
          }
          System.arraycopy(block[0], 0, samples[0], length[0], frames);
          length[0] += frames;
        },
        alive);
    return Arrays.copyOf(samples[0], length[0]);
  }
}
