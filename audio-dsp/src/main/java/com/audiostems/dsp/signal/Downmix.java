package com.audiostems.dsp.signal;

/** Channel reduction. */
public final class Downmix {

  private Downmix() {}

  /** The mean of the channels, sample by sample (equal weights, so that no channel dominates). */
  public static float[] mono(float[][] channels) {
    if (channels.length == 0) {
      return new float[0];
    }
    if (channels.length == 1) {
      return channels[0].clone();
    }
    int n = channels[0].length;
    float[] mono = new float[n];
    for (float[] channel : channels) {
      for (int i = 0; i < n; i++) {
        mono[i] += channel[i];
      }
    }
    float scale = 1f / channels.length;
    for (int i = 0; i < n; i++) {
      mono[i] *= scale;
    }
    return mono;
  }
}
