package com.audiostems.activities.watermark;

import com.audiostems.activities.analysis.PcmDecoder;
import java.util.Arrays;

/**
 * Collects a decoder's blocks into whole channels: the watermark's embedder and detector read the
 * whole signal at once. Four bytes per sample and channel (a 5-minute stereo preview at 44.1 kHz
 * is about 106 MB).
 */
public final class PcmBuffer implements PcmDecoder.BlockConsumer {
  private final int sampleRateHz;
  private float[][] channels;
  private int frames;

  public PcmBuffer(int channelCount, int sampleRateHz) {
    this.sampleRateHz = sampleRateHz;
    this.channels = new float[channelCount][1 << 16];
  }

  @Override
  public void accept(float[][] block, int blockFrames) {
    if (frames + blockFrames > channels[0].length) {
      long grown = Math.max((long) frames + blockFrames, (long) channels[0].length * 2);
      if (grown > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("more than " + (Integer.MAX_VALUE - 8) + " sample frames: too long to mark in memory");
      }
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

  /** The channels, trimmed to the frames received (the buffer's own arrays: no further blocks after this). */
  public float[][] channels() {
    for (int c = 0; c < channels.length; c++) {
      if (channels[c].length != frames) {
        channels[c] = Arrays.copyOf(channels[c], frames);
      }
    }
    return channels;
  }
}
