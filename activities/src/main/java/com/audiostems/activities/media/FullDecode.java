package com.audiostems.activities.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;

/**
 * Decodes one audio stream of a file in full with ffmpeg to learn how much audio is really there
 * and whether the decoder (or the demuxer) complained on the way. The same pass digests the
 * samples (ffmpeg's hash muxer over s32le PCM), so that the outputs can later be proven bit-exact
 * without decoding the source again.
 *
 * <p>Errors are read from ffmpeg's log (level "error") rather than made fatal with -xerror: -xerror
 * stops at the first one, and then neither the length decoded nor whether the damage is in the
 * middle or only at a cut-off end can be told. -err_detect stays at its default: on damaged MP3,
 * AAC, ALAC and FLAC files "crccheck" reported nothing more (ffmpeg's FLAC parser drops frames with
 * bad CRCs before the decoder sees them), and "explode" would turn glitches that a player rides
 * over into rejections of clean-sounding files.
 */
public final class FullDecode {
  /**
   * @param decodedSeconds samples decoded divided by the sample rate
   * @param exitCode ffmpeg's exit status
   * @param errors what ffmpeg wrote at log level "error" (its tail); blank when all went well
   * @param pcmSha256 SHA-256 of the decoded samples as interleaved s32le; null if ffmpeg failed
   */
  public record Outcome(double decodedSeconds, int exitCode, String errors, String pcmSha256) {
    public boolean clean() {
      return exitCode == 0 && errors.isBlank();
    }
  }

  /**
   * Timestamps rewritten from the running sample count, so that ffmpeg's reported output time is
   * the number of samples decoded, whatever gaps or overlaps the container's timestamps have.
   */
  private static final String COUNT_SAMPLES = "asetpts=N/SR/TB";

  private final MediaProcessRunner runner;

  public FullDecode(MediaProcessRunner runner) {
    this.runner = runner;
  }

  /**
   * @param streamIndex the container's index of the audio stream to decode (others are ignored)
   * @param stopAfterSeconds decoding stops after this much audio, so a file that lies about its
   *     length cannot keep ffmpeg busy for longer than the limits allow
   * @param decodedSoFar receives the seconds decoded so far, about twice a second; an exception
   *     from it stops ffmpeg and propagates
   */
  public Outcome decode(Path file, int streamIndex, double stopAfterSeconds, DoubleConsumer decodedSoFar)
      throws IOException {
    List<String> command = runner.ffmpegCommand();
    command.addAll(MediaProcessRunner.INPUT_SAFETY_ARGS);
    command.addAll(List.of("-i", "file:" + file.toAbsolutePath()));
    command.addAll(List.of("-map", "0:" + streamIndex, "-af", COUNT_SAMPLES));
    command.addAll(List.of("-t", String.format(Locale.ROOT, "%.3f", stopAfterSeconds)));
    command.addAll(List.of("-progress", "pipe:1", "-nostats", "-f", "null", "-"));
    Files.createDirectories(runner.settings().workDir());
    Path digestFile = Files.createTempFile(runner.settings().workDir(), "source-pcm-", ".sha256");
    try {
      // Second output of the same decode: the samples as s32le, hashed by ffmpeg.
      // It counts samples too (asetpts), or its container timestamps would carry the reported time
      // over frames the demuxer dropped.
      command.addAll(List.of("-map", "0:" + streamIndex, "-af", COUNT_SAMPLES));
      command.addAll(List.of("-t", String.format(Locale.ROOT, "%.3f", stopAfterSeconds)));
      command.addAll(List.of("-c:a", "pcm_s32le", "-f", "hash", "-hash", "sha256", "-y", "file:" + digestFile));
      AtomicLong decodedMicros = new AtomicLong();
      MediaProcessRunner.Result result =
          runner.run(
              command,
              runner.settings().ffmpegTimeout(),
              stdout -> decodedMicros.set(FfmpegProgress.read(stdout, micros -> decodedSoFar.accept(micros / 1e6))));
      return new Outcome(decodedMicros.get() / 1e6, result.exitCode(), result.stderrTail(), readDigest(digestFile));
    } finally {
      Files.deleteIfExists(digestFile);
    }
  }

  /** The hash muxer writes "SHA256=<hex>". */
  private static String readDigest(Path digestFile) throws IOException {
    String line = Files.readString(digestFile).strip();
    int equals = line.indexOf('=');
    return equals > 0 && line.startsWith("SHA256") ? line.substring(equals + 1).toLowerCase(Locale.ROOT) : null;
  }
}
