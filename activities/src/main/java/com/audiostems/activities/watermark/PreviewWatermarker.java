package com.audiostems.activities.watermark;

import com.audiostems.activities.analysis.PcmDecoder;
import com.audiostems.activities.media.EncoderArguments;
import com.audiostems.activities.media.EncoderArguments.LaneOutput;
import com.audiostems.activities.media.FfmpegProgress;
import com.audiostems.activities.media.HlsLadderEncoder;
import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.activities.media.MediaSettings;
import com.audiostems.dsp.loudness.LoudnessMeter;
import com.audiostems.dsp.watermark.Payload;
import com.audiostems.dsp.watermark.WatermarkEmbedder;
import com.audiostems.dsp.watermark.WatermarkKey;
import com.audiostems.workflows.media.HlsLadderPlan;
import com.audiostems.workflows.media.OutputSpec;
import com.audiostems.workflows.watermark.PreviewPayloads;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the watermarked preview: the source decoded to PCM at the preview's rate and channel count,
 * the audible tag mixed in, the invisible mark embedded with the deployment's current key, and the
 * result encoded by ffmpeg from a stdin pipe with the preview's own encoder settings ({@link
 * EncoderArguments#fromPcmPipe}). The mark goes in after the tag so that it is shaped by what the
 * listener hears, and nothing between the mark and the encoder changes the samples.
 *
 * <p>Asked for an HLS ladder, it pipes the same marked samples into a second ffmpeg process that
 * encodes the AAC renditions ({@link HlsLadderEncoder}): no second decode, no second mark, so every
 * rendition carries the preview's mark and tag.
 */
public final class PreviewWatermarker {
  private static final Logger log = LoggerFactory.getLogger(PreviewWatermarker.class);

  /** Shares of the reported progress: decoding, marking, then encoding. */
  private static final double DECODED = 0.35;

  private static final double MARKED = 0.5;

  private final MediaProcessRunner runner;
  private final WatermarkSettings settings;
  private final PcmDecoder decoder;
  private final WatermarkEmbedder embedder = new WatermarkEmbedder();
  private final HlsLadderEncoder ladderEncoder;

  public PreviewWatermarker(MediaProcessRunner runner, WatermarkSettings settings) {
    this.runner = runner;
    this.settings = settings;
    this.decoder = new PcmDecoder(runner);
    this.ladderEncoder = new HlsLadderEncoder(runner);
    java.nio.file.Path sample = settings.previewTag().sampleFile();
    if (sample != null
        && !(java.nio.file.Files.isRegularFile(sample) && java.nio.file.Files.isReadable(sample))) {
      // Checked at start-up rather than on the first track's encode.
      throw new IllegalArgumentException(
          "audiostems.watermark.preview-tag.sample-file " + sample + " is not a readable file");
    }
    log.info(
        "Previews are watermarked with key {}; detection tries {}",
        settings.keys().current().id(),
        settings.keys().ids());
  }

  /**
   * What went into the preview's encoder.
   *
   * @param payloadId the mark's payload
   * @param keyId the key it was embedded with
   * @param markedIntegratedLufs integrated loudness of the tagged and marked PCM
   * @param tagStartsSeconds where the audible tags start
   * @param ffmpegSeconds how long the decode and the encodes ran
   * @param ladder the HLS ladder made from the same samples, its files not yet stored; null when
   *     none was asked for
   */
  public record MarkedPreview(
      String payloadId,
      String keyId,
      double markedIntegratedLufs,
      List<Double> tagStartsSeconds,
      double ffmpegSeconds,
      HlsLadderEncoder.Ladder ladder) {}

  /**
   * Writes the marked preview of {@code trackId} to {@code output.file()}.
   *
   * @param sourceSeconds the source's duration, for progress
   * @param progress receives 0..1; what it throws (a cancelled activity) stops ffmpeg and
   *     propagates
   */
  public MarkedPreview encode(
      Path sourceFile,
      double sourceSeconds,
      LaneOutput output,
      String trackId,
      DoubleConsumer progress)
      throws IOException {
    return encode(sourceFile, sourceSeconds, output, trackId, null, null, progress);
  }

  /**
   * The same, and with a {@code ladder} plan the HLS ladder of the marked samples, written into
   * {@code ladderDirectory}.
   */
  public MarkedPreview encode(
      Path sourceFile,
      double sourceSeconds,
      LaneOutput output,
      String trackId,
      HlsLadderPlan ladder,
      Path ladderDirectory,
      DoubleConsumer progress)
      throws IOException {
    OutputSpec spec = output.spec();
    MediaSettings media = runner.settings();
    long started = System.nanoTime();
    PcmBuffer pcm =
        new PcmBuffer(
            spec.channels(),
            spec.sampleRateHz(),
            (long) (sourceSeconds * spec.sampleRateHz()),
            (long) (media.maxDurationSeconds() * spec.sampleRateHz()) + spec.sampleRateHz());
    decoder.decodeAt(
        sourceFile,
        spec.sampleRateHz(),
        spec.channels(),
        sourceSeconds,
        "for the preview",
        pcm,
        f -> progress.accept(DECODED * f));
    double decodeSeconds = (System.nanoTime() - started) / 1e9;
    progress.accept(DECODED);

    float[][] tagged = pcm.channels();
    List<Double> tagStarts =
        PreviewTag.forRate(settings.previewTag(), spec.sampleRateHz(), decoder).mixInto(tagged);
    WatermarkKey key = settings.keys().current();
    String payloadId = PreviewPayloads.forTrack(trackId);
    record Marked(float[][] channels, double integratedLufs) {}
    Marked done =
        HeartbeatingComputation.run(
            "preview-mark-" + trackId,
            () -> {
              float[][] channels =
                  embedder.embed(tagged, spec.sampleRateHz(), Payload.ofHex(payloadId), key);
              return new Marked(
                  channels, LoudnessMeter.measure(channels, spec.sampleRateHz()).integratedLufs());
            },
            DECODED,
            MARKED,
            progress);
    float[][] marked = done.channels();
    double lufs = done.integratedLufs();
    progress.accept(MARKED);

    List<String> command = runner.ffmpegCommand();
    command.addAll(EncoderArguments.fromPcmPipe(output, media.maxOutputBytes()));
    double seconds = Math.max(1e-9, pcm.seconds());
    // The MP3 and the ladder encode side by side from the same marked samples; the encoding's
    // share of the progress is the mean of the two.
    double[] encoded = {0, ladder == null ? 1 : 0};
    java.util.function.DoubleConsumer mp3Progress = f -> reportEncoding(progress, encoded, 0, f);
    long encodeStarted = System.nanoTime();
    java.util.concurrent.CompletableFuture<HlsLadderEncoder.Ladder> streams =
        ladder == null
            ? java.util.concurrent.CompletableFuture.completedFuture(null)
            : java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return ladderEncoder.encode(
                        ladder,
                        spec.sampleRateHz(),
                        spec.channels(),
                        seconds,
                        stdin -> writeInterleaved(marked, stdin),
                        ladderDirectory,
                        true,
                        f -> reportEncoding(progress, encoded, 1, f));
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                },
                runnable -> Thread.ofPlatform().name("hls-ladder").daemon().start(runnable));
    MediaProcessRunner.Result result;
    try {
      result =
          runner.run(
              command,
              media.ffmpegTimeout(),
              stdin -> writeInterleaved(marked, stdin),
              stdout ->
                  FfmpegProgress.read(
                      stdout,
                      micros ->
                          mp3Progress.accept(Math.max(0, Math.min(1, micros / 1e6 / seconds)))));
    } catch (IOException | RuntimeException e) {
      awaitQuietly(streams);
      throw e;
    }
    if (!result.succeeded()) {
      awaitQuietly(streams);
      throw new IOException(
          "ffmpeg could not encode the marked preview (exit "
              + result.exitCode()
              + "): "
              + result.stderrTail());
    }
    HlsLadderEncoder.Ladder ladderMade = awaitLadder(streams);
    double encodeSeconds = (System.nanoTime() - encodeStarted) / 1e9;
    progress.accept(1.0);
    return new MarkedPreview(
        payloadId, key.id(), lufs, tagStarts, decodeSeconds + encodeSeconds, ladderMade);
  }

  private static void reportEncoding(
      DoubleConsumer progress, double[] encoded, int which, double fraction) {
    synchronized (encoded) {
      encoded[which] = Math.max(encoded[which], fraction);
      progress.accept(MARKED + (1 - MARKED) * (encoded[0] + encoded[1]) / 2);
    }
  }

  /** The ladder's result, its failure as the preview's own (an IOException keeps its type). */
  private static HlsLadderEncoder.Ladder awaitLadder(
      java.util.concurrent.CompletableFuture<HlsLadderEncoder.Ladder> streams) throws IOException {
    try {
      return streams.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof java.io.UncheckedIOException io) {
        throw io.getCause();
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException("the preview's HLS ladder failed", e.getCause());
    }
  }

  /** Lets the ladder's processes end before the preview's failure is reported. */
  private static void awaitQuietly(java.util.concurrent.CompletableFuture<?> streams) {
    try {
      streams.join();
    } catch (RuntimeException ignored) {
      // The MP3's failure is the one reported.
    }
  }

  /** The channels as interleaved little-endian 32-bit floats, ffmpeg's {@code f32le}. */
  private static void writeInterleaved(float[][] channels, OutputStream stdin) throws IOException {
    OutputStream out = new BufferedOutputStream(stdin, 1 << 16);
    int frames = channels[0].length;
    int blockFrames = 4096;
    ByteBuffer block =
        ByteBuffer.allocate(blockFrames * channels.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int start = 0; start < frames; start += blockFrames) {
      block.clear();
      int end = Math.min(frames, start + blockFrames);
      for (int i = start; i < end; i++) {
        for (float[] channel : channels) {
          block.putFloat(channel[i]);
        }
      }
      out.write(block.array(), 0, block.position());
    }
    out.flush();
  }
}
