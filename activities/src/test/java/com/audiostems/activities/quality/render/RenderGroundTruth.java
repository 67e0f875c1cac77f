package com.audiostems.activities.quality.render;

import java.awt.image.BufferedImage;

/**
 * The test signals of the render tests and what the images must show for them, worked out from the
 * signals' definitions and the axes' formulas (not from the renderer's code):
 *
 * <p>The signals themselves are audio-dsp's test {@code SummarySignals}:
 *
 * <ul>
 *   <li>{@code sine}: one tone; on a log axis from 20 Hz to Nyquist its row is {@code plot.y +
 *       floor((1 - ln(f / 20) / ln(nyquist / 20)) * plot.height)}, see {@link #expectedLogRow}. 1
 *       kHz and 10 kHz at 48 kHz in the default 1600 x 400 image are rows 180 and 65; 16 kHz at
 *       44.1 kHz is row 38, so rows 22 .. 37 lie above a 16 kHz cut-off.
 *   <li>{@code bandLimitedNoise}: white noise with nothing above a cut-off (a brick wall, as a
 *       lossy encoder's low-pass): rows above the cut-off are black, rows below bright.
 *   <li>{@code clippedStereo}: a 0.5-amplitude 220 Hz sine in both channels, 10 s at 48 kHz, whose
 *       left channel is driven to 1.5 and hard-clipped to ±1 from {@code CLIP_START_S} to {@code
 *       CLIP_END_S}: those columns of the left lane are red, no others.
 *   <li>{@link #SPAN_START_S} .. {@link #SPAN_END_S}: a WARNING finding's span over the same track:
 *       shaded amber between its columns (x = plot.x + t / 10 s * plot.width), untouched outside.
 * </ul>
 */
final class RenderGroundTruth {

  private RenderGroundTruth() {}

  /** A WARNING finding's time range over the clipped track. */
  static final double SPAN_START_S = 6.0;

  static final double SPAN_END_S = 7.0;

  /** Row of {@code hz} on the default log axis (20 Hz .. Nyquist) of {@code plot}. */
  static int expectedLogRow(PlotArea plot, double hz, double nyquistHz) {
    double t = Math.log(hz / 20) / Math.log(nyquistHz / 20);
    return plot.y() + (int) Math.floor((1 - t) * plot.height());
  }

  /** Column where second {@code t} of a {@code duration}-second track starts. */
  static int expectedX(PlotArea plot, double t, double duration) {
    return plot.x() + (int) Math.floor(t / duration * plot.width());
  }

  /** Relative luminance of a pixel, 0 .. 255. */
  static double luminance(int rgb) {
    int r = (rgb >> 16) & 0xff;
    int g = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }

  /** Mean luminance of row {@code y} over the plot's columns. */
  static double rowLuminance(BufferedImage image, PlotArea plot, int y) {
    double sum = 0;
    for (int x = plot.x(); x < plot.right(); x++) {
      sum += luminance(image.getRGB(x, y));
    }
    return sum / plot.width();
  }

  /** The plot row with the highest mean luminance. */
  static int brightestRow(BufferedImage image, PlotArea plot) {
    int best = plot.y();
    double bestL = -1;
    for (int y = plot.y(); y < plot.bottom(); y++) {
      double l = rowLuminance(image, plot, y);
      if (l > bestL) {
        bestL = l;
        best = y;
      }
    }
    return best;
  }

  static boolean reddish(int rgb) {
    int r = (rgb >> 16) & 0xff;
    int g = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    return r >= 180 && g <= 90 && b <= 90;
  }
}
