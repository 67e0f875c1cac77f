package com.audiostems.activities.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;

/**
 * Decodes one audio stream of a file in full with ffmpeg to learn how much audio is really there,
 * whether the decoder (or the demuxer) complained on the way, and a digest of the samples: ffmpeg's
 * hash muxer over the samples as interleaved 32-bit integers (s32le), into which every integer
 * depth up to 32 bits maps without loss. Validation digests the source this way and verification
 * each output, so two files hold the same samples exactly when their digests match. The digest is
 * MurmurHash3 (128-bit): it guards against our own encoders' mistakes, not against an adversary,
 * and costs a fraction of SHA-256 inside ffmpeg.
 *
 * <p>Errors are read from ffmpeg's log (level "error") rather than made fatal with -xerror: -xerror
 * stops at the first one, and then neither the length decoded nor whether the damage is in the
 * middle or only at a cut-off end can be told. -err_detect stays at its default: on damaged MP3,
 * AAC, ALAC and FLAC files "crccheck" reported nothing more (ffmpeg's FLAC parser drops frames with
 * bad CRCs before the decoder sees them), and "explode" would turn glitches that a player rides
 * over into rejections of clean-sounding files.
 */
public final class FullDecode {
  /** ffmpeg's name of the digest over the decoded samples. */
  public static final String DIGEST = "murmur3";

  /**
   * @param decodedSeconds samples decoded divided by the sample rate
   * @param exitCode ffmpeg's exit status
   * @param errors what ffmpeg wrote at log level "error" (its tail); blank when all went well
   * @param pcmDigest {@value #DIGEST} of the decoded samples as s32le, lowercase hex; null if
   *     ffmpeg wrote none
   */
  public record Outcome(double decodedSeconds, int exitCode, String errors, String pcmDigest) {
    public boolean clean() {
      return exitCode == 0 && errors.isBlank();
    }

    /**
     * Sample frames decoded, at the stream's rate: exact, as the reported time is the count of
     * samples ({@link #COUNT_SAMPLES}) in whole microseconds, which rounds back to that count at
     * any rate below 1 MHz.
     */
    public long frames(int sampleRateHz) {
      return Math.round(decodedSeconds * sampleRateHz);
    }
  }

  /**
   * How hard the decoder looks for damage. A source is decoded {@link #TOLERANT}ly: ffmpeg goes on
   * past an error so that how much decodes, and where the damage is, can be told. Our own outputs
   * are decoded {@link #STRICT}ly: every check the decoders have ({@code -err_detect
   * crccheck+bitstream+buffer+explode}; FLAC frame CRCs are only verified when asked) and a stop at
   * the first error ({@code -xerror}), because an output must be flawless.
   */
  public enum Strictness {
    TOLERANT,
    STRICT
  }

  /**
   * Timestamps rewritten from the running sample count, so that ffmpeg's reported output time is
   * the number of samples decoded, whatever gaps or overlaps the container's timestamps have. The
   * time base is one sample first, so that the count is an integer: "asetpts=N/SR/TB" in the
   * stream's own time base truncates a float (55296/44100*44100 became 55295 on a FLAC), and a
   * 58751-frame output then read as 58750 against its source's 58751.
   */
  static final String COUNT_SAMPLES = "asettb=1/sr,asetpts=N";

  private final MediaProcessRunner runner;

  public FullDecode(MediaProcessRunner runner) {
    this.runner = runner;
  }

  /**
   * A source's stream, decoded tolerantly: see {@link #decode(Path, String, double, Strictness,
   * DoubleConsumer)}.
   */
  public Outcome decode(
      Path file, int streamIndex, double stopAfterSeconds, DoubleConsumer decodedSoFar)
      throws IOException {
    return decode(file, "0:" + streamIndex, stopAfterSeconds, Strictness.TOLERANT, decodedSoFar);
  }

  /**
   * @param streamSpecifier ffmpeg's -map of the stream, e.g. "0:1" or "0:a:0"
   * @param stopAfterSeconds decoding stops after this much audio, so a file that lies about its
   *     length cannot keep ffmpeg busy for longer than the limits allow; 0 for no limit
   * @param decodedSoFar receives the seconds decoded so far, about twice a second; an exception
   *     from it stops ffmpeg and propagates
   */
  public Outcome decode(
      Path file,
      String streamSpecifier,
      double stopAfterSeconds,
      Strictness strictness,
      DoubleConsumer decodedSoFar)
      throws IOException {
    List<String> command = runner.ffmpegCommand();
    if (strictness == Strictness.STRICT) {
      command.addAll(List.of("-xerror", "-err_detect", "crccheck+bitstream+buffer+explode"));
    }
    command.addAll(MediaProcessRunner.INPUT_SAFETY_ARGS);
    command.addAll(List.of("-i", FfmpegPaths.fileUrl(file)));
    command.addAll(List.of("-map", streamSpecifier, "-af", COUNT_SAMPLES));
    if (stopAfterSeconds > 0) {
      command.addAll(List.of("-t", String.format(Locale.ROOT, "%.3f", stopAfterSeconds)));
    }
    Files.createDirectories(runner.settings().workDir());
    Path digestFile = Files.createTempFile(runner.settings().workDir(), "pcm-", "." + DIGEST);
    try {
      command.addAll(
          List.of("-c:a", "pcm_s32le", "-f", "hash", "-hash", DIGEST, "-y", "file:" + digestFile));
      command.addAll(List.of("-progress", "pipe:1", "-nostats"));
      AtomicLong decodedMicros = new AtomicLong();
      MediaProcessRunner.Result result =
          runner.run(
              command,
              runner.settings().ffmpegTimeout(),
              stdout ->
                  decodedMicros.set(
                      FfmpegProgress.read(stdout, micros -> decodedSoFar.accept(micros / 1e6))));
      return new Outcome(
          decodedMicros.get() / 1e6,
          result.exitCode(),
          result.stderrTail(),
          readDigest(digestFile));
    } finally {
      Files.deleteIfExists(digestFile);
    }
  }

  /** The hash muxer writes "MURMUR3=<hex>"; nothing when ffmpeg stopped before the end. */
  private static String readDigest(Path digestFile) throws IOException {
    String line = Files.readString(digestFile).strip();
    int equals = line.indexOf('=');
    return equals > 0 ? line.substring(equals + 1).toLowerCase(Locale.ROOT) : null;
  }
}
