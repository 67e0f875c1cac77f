package com.audiostems.activities.quality.render;

/**
 * Matplotlib's "inferno" colour map (perceptually uniform, monotonic in lightness, readable in grey
 * scale and by most colour-blind readers), interpolated linearly between its values at 0, 0.1, ...,
 * 1. Dark is quiet, so an empty band reads as black.
 */
final class Colormap {

  private static final int[] ANCHORS = {
    0x000004, 0x160b39, 0x420a68, 0x6a176e, 0x932667, 0xbc3754, 0xdd513a, 0xf37819, 0xfca50a,
    0xf6d746, 0xfcffa4
  };

  private static final int STEPS = 1024;
  private static final int[] LUT = new int[STEPS];

  static {
    int segments = ANCHORS.length - 1;
    for (int i = 0; i < STEPS; i++) {
      double t = (double) i / (STEPS - 1) * segments;
      int k = Math.min(segments - 1, (int) t);
      double f = t - k;
      LUT[i] = 0xff000000 | mix(ANCHORS[k], ANCHORS[k + 1], f);
    }
  }

  private Colormap() {}

  /** ARGB of {@code t} in [0, 1] (clamped). */
  static int argb(double t) {
    if (!(t > 0)) {
      return LUT[0];
    }
    if (t >= 1) {
      return LUT[STEPS - 1];
    }
    return LUT[(int) Math.round(t * (STEPS - 1))];
  }

  private static int mix(int a, int b, double f) {
    int r = (int) Math.round(((a >> 16) & 0xff) * (1 - f) + ((b >> 16) & 0xff) * f);
    int g = (int) Math.round(((a >> 8) & 0xff) * (1 - f) + ((b >> 8) & 0xff) * f);
    int bl = (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
    return (r << 16) | (g << 8) | bl;
  }
}
