package com.audiostems.activities.quality.render;

import java.awt.Graphics2D;
import java.util.Locale;

/** Tick marks and labels for seconds / minutes under a plot. */
final class TimeAxis {

  /** Candidate tick steps in seconds; the smallest that leaves at least {@link #MIN_SPACING_PX}. */
  private static final double[] STEPS = {
    0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200
  };

  static final int MIN_SPACING_PX = 70;

  private TimeAxis() {}

  /** The tick step for {@code durationSeconds} over {@code widthPx}. */
  static double step(double durationSeconds, int widthPx) {
    for (double s : STEPS) {
      if (s / durationSeconds * widthPx >= MIN_SPACING_PX) {
        return s;
      }
    }
    return STEPS[STEPS.length - 1];
  }

  /** "0:30", "1:05:00" for tracks of a minute or more; "2.5 s" below. */
  static String label(double seconds, double step, double durationSeconds) {
    if (durationSeconds < 60) {
      return step < 1
          ? String.format(Locale.ROOT, "%.1f s", seconds)
          : String.format(Locale.ROOT, "%.0f s", seconds);
    }
    long s = Math.round(seconds);
    long h = s / 3600;
    long m = (s % 3600) / 60;
    long sec = s % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
        : String.format(Locale.ROOT, "%d:%02d", m, sec);
  }

  /** Draws the axis line under {@code plot} with ticks and labels. */
  static void draw(Graphics2D g, PlotArea plot, double durationSeconds) {
    g.setColor(Palette.AXIS);
    g.drawLine(plot.x(), plot.bottom(), plot.right() - 1, plot.bottom());
    if (!(durationSeconds > 0)) {
      return;
    }
    double step = step(durationSeconds, plot.width());
    int ascent = Text.ascent(g);
    for (int i = 0; ; i++) {
      double t = i * step;
      if (t > durationSeconds + 1e-9) {
        break;
      }
      int x = plot.xForSeconds(t, durationSeconds);
      if (x >= plot.right()) {
        x = plot.right() - 1;
      }
      g.setColor(Palette.AXIS);
      g.drawLine(x, plot.bottom(), x, plot.bottom() + 4);
      String s = label(t, step, durationSeconds);
      int w = Text.width(g, s);
      int lx = Math.max(plot.x() - w / 2, Math.min(x - w / 2, plot.right() - w));
      Text.draw(g, s, Math.max(0, lx), plot.bottom() + 5 + ascent, Palette.AXIS_TEXT);
    }
  }
}
