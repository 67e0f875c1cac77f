package com.audiostems.activities.analysis;

import com.audiostems.activities.media.FfmpegPaths;
import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.media.SourceProbe;
import io.temporal.failure.ApplicationFailure;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;

/**
 * Decodes a source's audio stream once, through an ffmpeg pipe, to 32-bit float PCM in blocks of
 * de-interleaved channels: the one pass every analyser consumes. Samples keep the source's rate,
 * except DSD (352.8 kHz and up), which comes at 88.2 kHz: nothing an analyser measures lies above
 * 40 kHz, and a 5-minute DSD256 track would otherwise be 1.6 GB of floats.
 */
public final class PcmDecoder {
  /**
   * Frames per block handed to the consumer: about 0.1–0.2 s, small next to any analysis window.
   */
  static final int BLOCK_FRAMES = 8192;

  /** The rate a DSD source is decoded at. */
  static final int DSD_DECODE_RATE_HZ = 88_200;

  /** Receives consecutive blocks; {@code block[channel][i]} for {@code i < frames}. */
  @FunctionalInterface
  public interface BlockConsumer {
    void accept(float[][] block, int frames);
  }

  private final MediaProcessRunner runner;

  public PcmDecoder(MediaProcessRunner runner) {
    this.runner = runner;
  }

  /** The rate the decoder delivers for this source. */
  public static int decodeRateHz(SourceProbe probe) {
    return probe.sampleRateHz() > 192_000 ? DSD_DECODE_RATE_HZ : probe.sampleRateHz();
  }

  /**
   * Decodes the whole stream into {@code consumer}.
   *
   * @param progress receives the fraction of the probed duration decoded so far
   * @return sample frames delivered
   * @throws ApplicationFailure non-retryable {@link TrackFailures#CORRUPT_AUDIO} when ffmpeg fails
   */
  public long decode(Path file, SourceProbe probe, BlockConsumer consumer, DoubleConsumer progress)
      throws IOException {
    int rate = decodeRateHz(probe);
    return decode(
        file,
        "0:" + probe.audioStreamIndex(),
        rate == probe.sampleRateHz() ? null : plainResampling(rate),
        Math.max(1, probe.channels()),
        probe.durationSeconds() * rate,
        "for analysis",
        consumer,
        progress);
  }

  /**
   * Decodes the first audio stream of {@code file} at a chosen rate (soxr) and channel count
   * (ffmpeg's downmix, as the encoder's {@code -ac}): the preview's PCM, a tag sample, a file to
   * search for a watermark.
   *
   * @param expectedSeconds the stream's length as far as known, for progress (0: unknown)
   * @param purpose what the decode is for, in the failure's message ("for the preview")
   */
  public long decodeAt(
      Path file,
      int rateHz,
      int channels,
      double expectedSeconds,
      String purpose,
      BlockConsumer consumer,
      DoubleConsumer progress)
      throws IOException {
    return decode(
        file,
        "0:a:0",
        plainResampling(rateHz),
        channels,
        expectedSeconds * rateHz,
        purpose,
        consumer,
        progress);
  }

  /**
   * Decodes the first audio stream of {@code file} through a given filter (the resampling an
   * output's encoder would apply, {@code SampleConversion#resampling}) and channel count: a master
   * decoded exactly as a published output was made from it, for a licensee's marked copy.
   *
   * @param audioFilter an ffmpeg {@code -af} value; null for none (the stream's own rate)
   * @param expectedFrames frames the stream should deliver, for progress (0: unknown)
   */
  public long decodeThrough(
      Path file,
      String audioFilter,
      int channels,
      double expectedFrames,
      String purpose,
      BlockConsumer consumer,
      DoubleConsumer progress)
      throws IOException {
    return decode(
        file, "0:a:0", audioFilter, channels, expectedFrames, purpose, consumer, progress);
  }

  private static String plainResampling(int rateHz) {
    return "aresample=" + rateHz + ":resampler=soxr";
  }

  /**
   * @param audioFilter the {@code -af} value; null for none
   * @param expectedFrames frames the stream should deliver, for progress
   */
  private long decode(
      Path file,
      String stream,
      String audioFilter,
      int channels,
      double expectedFrames,
      String purpose,
      BlockConsumer consumer,
      DoubleConsumer progress)
      throws IOException {
    List<String> command = runner.ffmpegCommand();
    command.addAll(MediaProcessRunner.INPUT_SAFETY_ARGS);
    command.addAll(List.of("-i", FfmpegPaths.fileUrl(file), "-map", stream));
    if (audioFilter != null) {
      command.addAll(List.of("-af", audioFilter));
    }
    command.addAll(
        List.of("-ac", Integer.toString(channels), "-c:a", "pcm_f32le", "-f", "f32le", "pipe:1"));
    long[] frames = new long[1];
    double expected = Math.max(1, expectedFrames);
    MediaProcessRunner.Result result =
        runner.run(
            command,
            runner.settings().ffmpegTimeout(),
            stdout ->
                frames[0] =
                    read(
                        stdout,
                        channels,
                        consumer,
                        f -> progress.accept(Math.min(1, f / expected))));
    if (!result.succeeded()) {
      throw ApplicationFailure.newNonRetryableFailure(
          String.format(
              Locale.ROOT,
              "ffmpeg could not decode %s %s (exit %d) after %d frames: %s",
              file.getFileName(),
              purpose,
              result.exitCode(),
              frames[0],
              result.stderrTail()),
          TrackFailures.CORRUPT_AUDIO);
    }
    return frames[0];
  }

  private static long read(
      InputStream stdout, int channels, BlockConsumer consumer, DoubleConsumer framesSoFar)
      throws IOException {
    InputStream in = new BufferedInputStream(stdout, 1 << 16);
    int frameBytes = 4 * channels;
    byte[] bytes = new byte[BLOCK_FRAMES * frameBytes];
    java.nio.FloatBuffer floats =
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    float[] interleaved = new float[BLOCK_FRAMES * channels];
    float[][] block = new float[channels][BLOCK_FRAMES];
    long total = 0;
    long blocks = 0;
    while (true) {
      int filled = in.readNBytes(bytes, 0, bytes.length);
      int frames = filled / frameBytes; // a torn last frame (never from ffmpeg) is dropped
      if (frames == 0) {
        return total;
      }
      floats.clear();
      floats.get(interleaved, 0, frames * channels);
      if (channels == 2) {
        float[] left = block[0];
        float[] right = block[1];
        for (int i = 0, j = 0; i < frames; i++, j += 2) {
          left[i] = interleaved[j];
          right[i] = interleaved[j + 1];
        }
      } else {
        for (int i = 0; i < frames; i++) {
          for (int c = 0; c < channels; c++) {
            block[c][i] = interleaved[i * channels + c];
          }
        }
      }
      consumer.accept(block, frames);
      total += frames;
      if (++blocks % 32 == 0) {
        framesSoFar.accept(total); // every 6 s of 44.1 kHz audio: heartbeats need no more
      }
      if (filled < bytes.length) {
        return total;
      }
    }
  }
}
