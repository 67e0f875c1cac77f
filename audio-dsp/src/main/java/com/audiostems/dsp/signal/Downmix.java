package com.audiostems.dsp.signal;

/** Channel reduction: the one mono mix every analyser, the fingerprinter and the watermark read. */
public final class Downmix {

  private Downmix() {}

  /**
   * The mean of the channels, sample by sample (equal weights, so that no channel dominates); a new
   * array of {@code channels[0].length} samples, at the channels' own rate. No channels give an
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
    // Channel by channel (unit-stride loops), summed from 0 as ((0 + c0) + c1 + ...) · scale.
    float[] first = block[0];
    for (int i = 0; i < frames; i++) {
      out[offset + i] = 0f + first[i];
    }
    for (int c = 1; c < block.length; c++) {
      float[] channel = block[c];
      for (int i = 0; i < frames; i++) {
        out[offset + i] += channel[i];
      }
    }
    float scale = 1f / block.length;
    for (int i = 0; i < frames; i++) {
      out[offset + i] *= scale;
    }
  }
}
