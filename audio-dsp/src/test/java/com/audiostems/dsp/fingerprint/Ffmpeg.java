package com.audiostems.dsp.fingerprint;

import com.audiostems.dsp.testing.FfmpegRoundTrip;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Mono audio through ffmpeg: {@link FfmpegRoundTrip} with a mono, 16-bit delivery. */
final class Ffmpeg {

  private Ffmpeg() {}

  /**
   * Encodes {@code x} with {@code encode} (args, last = output suffix; empty = no encode step) and
   * decodes with {@code decode} args (e.g. {@code -af ...}, {@code -ar 48000}); returns mono PCM.
   */
  static float[] run(
      float[] x, int rateHz, Path dir, String name, List<String> encode, List<String> decode)
      throws IOException, InterruptedException {
    List<String> mono = new ArrayList<>(decode);
    mono.addAll(List.of("-ac", "1"));
    return FfmpegRoundTrip.apply(
        new float[][] {x}, rateHz, dir, name, encode, mono, FfmpegRoundTrip.Samples.S16)[0];
  }
}
