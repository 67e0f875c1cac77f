package com.audiostems.activities.quality.render;

import com.audiostems.dsp.quality.Finding;
import com.audiostems.dsp.quality.summary.WaveformSummary;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The waveform of a track as an image: one lane per channel (L and R for stereo) on a linear
 * amplitude scale, peaks (min to max) in light blue with the RMS in dark blue, reference lines at
 * 0, -6 and -20 dBFS, columns with clipped samples in red (with red ticks on the lane edges), a
 * time axis, and every time-range finding shaded in its severity's colour and labelled with its
 * code. Whole-file findings are left to the page.
 */
public final class WaveformImage {

  static {
    Headless.ensure();
  }

  public static final int DEFAULT_WIDTH = 1600;
  public static final int DEFAULT_HEIGHT = 300;

  static final int LEFT = 44;
  static final int RIGHT = 12;
  static final int TOP = 16;
  static final int BOTTOM = 24;
  static final int LANE_GAP = 6;

  /** Height of the red ticks on a lane's edges over a clipped column. */
  static final int CLIP_TICK = 4;

  /** The reference levels in dBFS, drawn as lines and labelled on the left. */
  static final double[] REFERENCE_DBFS = {0, -6, -20};

  private WaveformImage() {}

  /** The rectangle holding all lanes in an image of {@code width} x {@code height}. */
  public static PlotArea plotArea(int width, int height) {
    return new PlotArea(LEFT, TOP, width - LEFT - RIGHT, height - TOP - BOTTOM);
  }

  /** The number of summary columns that maps one to one onto the pixels of an image this wide. */
  public static int plotWidth(int width) {
    return width - LEFT - RIGHT;
  }

  /** The rectangle of lane {@code channel} of {@code channelCount}. */
  public static PlotArea lane(int width, int height, int channelCount, int channel) {
    PlotArea p = plotArea(width, height);
    int laneHeight = (p.height() - LANE_GAP * (channelCount - 1)) / channelCount;
    return new PlotArea(p.x(), p.y() + channel * (laneHeight + LANE_GAP), p.width(), laneHeight);
  }

  /**
   * The row of amplitude {@code a} (full scale ±1) in {@code lane}: +1 on its top row, -1 on its
   * bottom row.
   */
  public static int yForAmplitude(PlotArea lane, double a) {
    double clamped = Math.max(-1, Math.min(1, a));
    return lane.y() + (int) Math.round((1 - clamped) * (lane.height() - 1) / 2);
  }

  /** {@link #render(WaveformSummary, List, int, int)} at 1600 x 300. */
  public static BufferedImage render(WaveformSummary summary, List<Finding> findings) {
    return render(summary, findings, DEFAULT_WIDTH, DEFAULT_HEIGHT);
  }

  /**
   * The waveform of {@code summary} with {@code findings} marked, {@code width} x {@code height}
   * pixels.
   */
  public static BufferedImage render(
      WaveformSummary summary, List<Finding> findings, int width, int height) {
    PlotArea plot = plotArea(width, height);
    int channels = summary.channelCount();
    if (lane(width, height, channels, 0).height() < 8) {
      throw new IllegalArgumentException(
          "image too low for " + channels + " lanes: " + height + " px");
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      Text.prepare(g);
      g.setColor(Palette.BACKGROUND);
      g.fillRect(0, 0, width, height);
      double duration = summary.durationSeconds();
      for (int ch = 0; ch < channels; ch++) {
        drawLane(g, summary, ch, lane(width, height, channels, ch), width);
      }
      drawFindings(g, plot, findings, duration);
      TimeAxis.draw(g, plot, duration);
      Text.draw(g, "dBFS", 4, 9, Palette.AXIS_TEXT);
    } finally {
      g.dispose();
    }
    return image;
  }

  private static String channelName(int channel, int channels) {
    if (channels == 1) {
      return "mono";
    }
    if (channels == 2) {
      return channel == 0 ? "L" : "R";
    }
    return "ch " + (channel + 1);
  }

  private static void drawLane(Graphics2D g, WaveformSummary s, int ch, PlotArea lane, int width) {
    g.setColor(Palette.LANE);
    g.fillRect(lane.x(), lane.y(), lane.width(), lane.height());

    // Reference lines, mirrored above and below the centre, labelled on the upper half.
    Stroke solid = g.getStroke();
    Stroke dashed =
        new BasicStroke(
            1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f);
    int ascent = Text.ascent(g);
    int lastLabelY = -1_000_000;
    for (double db : REFERENCE_DBFS) {
      double a = Math.pow(10, db / 20);
      int yUp = yForAmplitude(lane, a);
      int yDown = yForAmplitude(lane, -a);
      g.setColor(db == 0 ? Palette.ZERO_LINE : Palette.REF_LINE);
      g.setStroke(db == 0 ? solid : dashed);
      g.drawLine(lane.x(), yUp, lane.right() - 1, yUp);
      g.drawLine(lane.x(), yDown, lane.right() - 1, yDown);
      String label = db == 0 ? "0" : String.valueOf((int) db);
      int labelY = yUp + ascent / 2;
      if (labelY - lastLabelY >= ascent + 1) {
        Text.draw(g, label, lane.x() - 6 - Text.width(g, label), labelY, Palette.AXIS_TEXT);
        lastLabelY = labelY;
      }
    }
    g.setStroke(solid);
    int centre = yForAmplitude(lane, 0);
    g.setColor(Palette.REF_LINE);
    g.drawLine(lane.x(), centre, lane.right() - 1, centre);

    // The data, one pixel column at a time.
    int columns = s.columns();
    int w = lane.width();
    for (int px = 0; px < w; px++) {
      int c0 = (int) ((long) px * columns / w);
      int c1 = Math.max(c0 + 1, (int) ((long) (px + 1) * columns / w));
      float lo = Float.POSITIVE_INFINITY;
      float hi = Float.NEGATIVE_INFINITY;
      double squares = 0;
      long count = 0;
      long clipped = 0;
      for (int c = c0; c < c1 && c < columns; c++) {
        if (s.count(c) == 0) {
          continue;
        }
        lo = Math.min(lo, s.min(ch, c));
        hi = Math.max(hi, s.max(ch, c));
        squares += s.sumSquares(ch, c);
        count += s.count(c);
        clipped += s.clippedSamples(ch, c);
      }
      if (count == 0) {
        continue;
      }
      int x = lane.x() + px;
      int yHi = yForAmplitude(lane, hi);
      int yLo = yForAmplitude(lane, lo);
      g.setColor(clipped > 0 ? Palette.CLIP : Palette.PEAK);
      g.fillRect(x, yHi, 1, yLo - yHi + 1);
      if (clipped == 0) {
        double rms = Math.sqrt(squares / count);
        int yr0 = yForAmplitude(lane, Math.min(rms, hi));
        int yr1 = yForAmplitude(lane, Math.max(-rms, lo));
        if (yr1 >= yr0) {
          g.setColor(Palette.RMS);
          g.fillRect(x, yr0, 1, yr1 - yr0 + 1);
        }
      } else {
        g.setColor(Palette.CLIP);
        g.fillRect(x, lane.y(), 1, CLIP_TICK);
        g.fillRect(x, lane.bottom() - CLIP_TICK, 1, CLIP_TICK);
      }
    }
    Text.drawBoxed(
        g,
        channelName(ch, s.channelCount()),
        lane.x() + 2,
        lane.bottom() - ascent - 6,
        Palette.AXIS_TEXT,
        Palette.alpha(Color.WHITE, 190));
  }

  private static void drawFindings(
      Graphics2D g, PlotArea plot, List<Finding> findings, double duration) {
    List<Finding> spans = FindingMarks.spans(findings, duration, false);
    for (Finding f : spans) {
      Color c = Palette.severity(f.severity());
      int x0 = plot.xForSeconds(f.startSeconds(), duration);
      int x1 = Math.max(x0 + 2, plot.xForSeconds(f.endSeconds(), duration));
      x1 = Math.min(x1, plot.right());
      x0 = Math.min(x0, x1 - 1);
      g.setColor(Palette.alpha(c, 64));
      g.fillRect(x0, plot.y(), x1 - x0, plot.height());
      g.setColor(Palette.alpha(c, 200));
      g.drawLine(x0, plot.y(), x0, plot.bottom() - 1);
      g.drawLine(x1 - 1, plot.y(), x1 - 1, plot.bottom() - 1);
    }
    FindingMarks.LabelRows rows = new FindingMarks.LabelRows(3);
    // Labels of the most severe findings first, so that they get the room.
    for (int i = spans.size() - 1; i >= 0; i--) {
      Finding f = spans.get(i);
      int x0 = plot.xForSeconds(f.startSeconds(), duration);
      Color c = Palette.severity(f.severity());
      FindingMarks.label(
          g, rows, f.code(), x0 + 1, plot.y() + 2, plot.x(), plot.right(), Color.BLACK, tint(c));
    }
  }

  /** {@code c} halfway to white, opaque. */
  static Color tint(Color c) {
    return new Color(
        (c.getRed() + 255) / 2, (c.getGreen() + 255) / 2, (c.getBlue() + 255) / 2, 235);
  }
}
