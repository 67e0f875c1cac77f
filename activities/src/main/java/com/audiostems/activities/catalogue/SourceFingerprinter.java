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
import java.util.Locale;
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
   * Audio shorter than this is not fingerprinted: a one-shot, a hit or a sound effect yields a
   * handful of landmarks at most, too few to tell one recording from another.
   */
  public static final double MIN_SECONDS = 1.0;

  /**
   * @param alive called now and then while decoding (heartbeats)
   * @return the fingerprint; for audio shorter than {@link #MIN_SECONDS}, one without hashes
   *     ({@link #skippedReason} says why) that matches nothing
   * @throws ApplicationFailure non-retryable {@link TrackFailures#CORRUPT_AUDIO} when ffmpeg cannot
   *     decode it
   */
  public Fingerprint fingerprint(Path file, String name, DoubleConsumer alive) throws IOException {
    float[] mono = decodeMono(file, alive);
    // None at the fingerprint's rate is not "no samples": validation has rejected sources without
    // any, and a few samples at 44.1 kHz resample to none (a one-frame WAV was rejected EmptyFile
    // here, issue 15). It is too short to fingerprint, like any one-shot under MIN_SECONDS.
    if (mono.length < MIN_SECONDS * Fingerprinter.RATE_HZ) {
      double seconds = (double) mono.length / Fingerprinter.RATE_HZ;
      return new Fingerprint(
          new int[0], new int[0], new int[0], new byte[0], Fingerprinter.FRAME_RATE_HZ, seconds);
    }
    return new Fingerprinter().fingerprint(mono, Fingerprinter.RATE_HZ);
  }

  /**
   * Why {@code fingerprint} has no hashes because its audio was too short to fingerprint, in a
   * sentence for the manifest; null when it was fingerprinted.
   */
  public static String skippedReason(Fingerprint fingerprint) {
    if (fingerprint.durationSeconds() >= MIN_SECONDS) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "The audio lasts %.2f s, under the %.0f s a fingerprint needs: it was not fingerprinted, so it was not"
            + " checked for duplicates or reference works and later uploads are not checked against it.",
        fingerprint.durationSeconds(),
        MIN_SECONDS);
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
            samples[0] =
                Arrays.copyOf(samples[0], Math.max(samples[0].length * 2, length[0] + frames));
          }
          System.arraycopy(block[0], 0, samples[0], length[0], frames);
          length[0] += frames;
        },
        alive);
    return Arrays.copyOf(samples[0], length[0]);
  }
}
