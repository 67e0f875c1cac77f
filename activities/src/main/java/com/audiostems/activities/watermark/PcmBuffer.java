package com.audiostems.activities.watermark;

import com.audiostems.activities.analysis.PcmDecoder;
import com.audiostems.workflows.TrackFailures;
import io.temporal.failure.ApplicationFailure;
import java.util.Arrays;

/**
 * Collects a decoder's blocks into whole channels: the watermark's embedder and detector read the
 * whole signal at once. Four bytes per sample and channel (a 5-minute stereo preview at 44.1 kHz is
 * about 106 MB).
 */
public final class PcmBuffer implements PcmDecoder.BlockConsumer {
  private final int sampleRateHz;
  private final long maxFrames;
  private float[][] channels;
  private int frames;

  /**
   * @param expectedFrames the length the stream should have, allocated at once (0: unknown)
   * @param maxFrames more than this fails the decode with a non-retryable TooLong: the duration
   *     limit holds for what is decoded, whatever a header claimed
   */
  public PcmBuffer(int channelCount, int sampleRateHz, long expectedFrames, long maxFrames) {
    this.sampleRateHz = sampleRateHz;
    this.maxFrames = Math.min(maxFrames, Integer.MAX_VALUE - 8);
    int initial = (int) Math.max(1 << 16, Math.min(this.maxFrames, expectedFrames + sampleRateHz));
    this.channels = new float[channelCount][initial];
  }

  @Override
  public void accept(float[][] block, int blockFrames) {
    if (frames + blockFrames > channels[0].length) {
      if ((long) frames + blockFrames > maxFrames) {
        throw ApplicationFailure.newNonRetryableFailure(
            String.format(
                java.util.Locale.ROOT,
                "The audio goes on past %.0f s, the longest this deployment decodes (audiostems.media.max-duration).",
                (double) maxFrames / sampleRateHz),
            TrackFailures.TOO_LONG);
      }
      long grown =
          Math.min(maxFrames, Math.max((long) frames + blockFrames, (long) channels[0].length * 2));
      for (int c = 0; c < channels.length; c++) {
        channels[c] = Arrays.copyOf(channels[c], (int) grown);
      }
    }
    for (int c = 0; c < channels.length; c++) {
      System.arraycopy(block[c], 0, channels[c], frames, blockFrames);
    }
    frames += blockFrames;
  }

  public int frames() {
    return frames;
  }

  public int sampleRateHz() {
    return sampleRateHz;
  }

  public double seconds() {
    return (double) frames / sampleRateHz;
  }

  /**
   * The channels, trimmed to the frames received (the buffer's own arrays: no further blocks after
   * this).
   */
  public float[][] channels() {
    for (int c = 0; c < channels.length; c++) {
      if (channels[c].length != frames) {
        channels[c] = Arrays.copyOf(channels[c], frames);
      }
    }
    return channels;
  }
}
