package com.audiostems.activities.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleConsumer;

/**
 * Decodes a file's first audio stream in full to 32-bit little-endian PCM ({@code s32le}) at its own
 * rate and channel count, and digests the stream. Every integer depth up to 32 bits maps into s32
 * without loss, so two files hold the same samples exactly when their digests match.
 *
 * <p>The decoders check what they can ({@code -err_detect crccheck+bitstream+buffer+explode}: FLAC
 * frame CRCs are only verified when asked) and ffmpeg stops at the first error ({@code -xerror});
 * any error line on stderr also counts, because some decoders conceal damage and carry on.
 */
final class PcmDecoder {
  static final int BYTES_PER_SAMPLE = 4;

  private final MediaProcessRunner runner;

  PcmDecoder(MediaProcessRunner runner) {
    this.runner = runner;
  }

  /**
   * @param errors what the decoder reported; empty when the file decoded cleanly
   */
  record Decoded(PcmDigest pcm, String errors) {
    boolean clean() {
      return errors.isEmpty();
    }

    long frames(int channels) {
      return pcm.bytes() / ((long) BYTES_PER_SAMPLE * channels);
    }
  }

  /**
   * @param expectedBytes roughly how much PCM to expect, to report progress; 0 when unknown
   * @param fraction told 0..1 while the stream is read
   */
  Decoded decode(Path file, long expectedBytes, DoubleConsumer fraction) throws IOException {
    List<String> command = runner.ffmpegCommand();
    command.add("-xerror");
    command.addAll(MediaProcessRunner.INPUT_SAFETY_ARGS);
    command.addAll(
        List.of(
            "-err_detect", "crccheck+bitstream+buffer+explode",
            "-i", FfmpegPaths.fileUrl(file),
            "-map", "0:a:0",
            "-f", "s32le",
            "pipe:1"));
    AtomicReference<PcmDigest> digest = new AtomicReference<>();
    MediaProcessRunner.Result result =
        runner.run(
            command,
            runner.settings().ffmpegTimeout(),
            stdout ->
                digest.set(
                    PcmDigest.of(
                        stdout, bytes -> fraction.accept(expectedBytes > 0 ? Math.min(1, (double) bytes / expectedBytes) : 0))));
    String errors = result.stderrTail().strip();
    if (result.exitCode() != 0 && errors.isEmpty()) {
      errors = "ffmpeg exited with " + result.exitCode();
    }
    return new Decoded(digest.get(), errors);
  }
}
