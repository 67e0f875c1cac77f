package com.audiostems.dsp.signal;

/** Channel reduction: the one mono mix every analyser, the fingerprinter and the watermark read. */
public final class Downmix {

  private Downmix() {}

  /**
   * The mean of the channels, sample by sample (equal weights, so that no channel dominates); a
   * new array of {@code channels[0].length} samples, at the channels' own rate. No channels give an
   * empty signal.
   */
  public static float[] mono(float[][] channels) {
    if (channels.length == 0) {
      return new float[0];
    }
    int frames = channels[0].length;
    float[] mono = new float[frames];
    mixInto(channels, frames, mono, 0);
    return mono;
  }

  /**
   * Writes the mean of the channels of the first {@code frames} frames of {@code block} to {@code
   * out[offset ..]}: the streaming form of {@link #mono}, for decoders' blocks.
   */
  public static void mixInto(float[][] block, int frames, float[] out, int offset) {
    float scale = 1f / block.length;
    for (int i = 0; i < frames; i++) {
      float sum = 0;
      for (float[] channel : block) {
        sum += channel[i];
      }
      out[offset + i] = sum * scale;
    }
  }
}
