package com.audiostems.activities.quality.render;

/**
 * The rectangle of an image that holds the data (the rest holds axes and labels), in pixels:
 * columns {@code x .. x + width - 1}, rows {@code y .. y + height - 1}.
 */
public record PlotArea(int x, int y, int width, int height) {

  public PlotArea {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "image too small for its margins: plot " + width + "x" + height);
    }
  }

  /** One past the last column. */
  public int right() {
    return x + width;
  }

  /** One past the last row. */
  public int bottom() {
    return y + height;
  }

  /**
   * The column of time {@code seconds} in a plot that spans {@code 0 .. durationSeconds} (column
   * {@code x} starts at 0 s, column {@code right()} would start at the duration), clamped to the
   * plot.
   */
  public int xForSeconds(double seconds, double durationSeconds) {
    if (!(durationSeconds > 0)) {
      return x;
    }
    double px = x + seconds / durationSeconds * width;
    return (int) Math.max(x, Math.min(right(), Math.floor(px)));
  }
}
