package com.audiostems.activities.quality.render;

import com.audiostems.dsp.quality.Finding;
import com.audiostems.dsp.quality.summary.SpectrogramSummary;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The spectrogram of a track as an image: power in dB (0 dB = a full-scale sine, floor -120 dB by
 * default) in the "inferno" colour map, on a log (or linear) frequency axis from 20 Hz (0 Hz) up to
 * the source's Nyquist frequency, so a band the source lacks (a lossy encoder's cut-off, the top
 * half of an upsampled file) shows as black rows. A time axis below, a dB colour bar on the right,
 * frequency findings (unit Hz) as dashed horizontal lines at the measured frequency over their time
 * range, and other time-range findings as coloured bars above the plot with their edges marked
 * through it.
 */
public final class SpectrogramImage {

  static {
    Headless.ensure();
  }

  /** How rows map to frequencies. */
  public enum FrequencyScale {
    /** Equal ratios get equal heights, from {@link Options#minFrequencyHz()} to Nyquist. */
    LOG,
    /** Equal widths in Hz get equal heights, from 0 Hz to Nyquist. */
    LINEAR
  }

  /**
   * How to draw.
   *
   * @param width image width in pixels
   * @param height image height in pixels
   * @param scale the frequency axis
   * @param minFrequencyHz the bottom of a log axis
   * @param floorDb the level drawn black
   * @param ceilingDb the level drawn at the top of the colour map
   */
  public record Options(
      int width,
      int height,
      FrequencyScale scale,
      double minFrequencyHz,
      double floorDb,
      double ceilingDb) {

    public Options {
      if (!(minFrequencyHz > 0) || !(ceilingDb > floorDb) || scale == null) {
        throw new IllegalArgumentException(
            "need a positive bottom frequency, a scale and ceiling > floor");
      }
    }

    /** 1600 x 400, log frequency from 20 Hz, -120 .. 0 dB. */
    public static Options defaults() {
      return new Options(DEFAULT_WIDTH, DEFAULT_HEIGHT, FrequencyScale.LOG, 20, -120, 0);
    }

    public Options withSize(int w, int h) {
      return new Options(w, h, scale, minFrequencyHz, floorDb, ceilingDb);
    }

    public Options withScale(FrequencyScale s) {
      return new Options(width, height, s, minFrequencyHz, floorDb, ceilingDb);
    }
  }

  public static final int DEFAULT_WIDTH = 1600;
  public static final int DEFAULT_HEIGHT = 400;

  static final int LEFT = 52;
  static final int RIGHT = 52;
  static final int TOP = 22;
  static final int BOTTOM = 24;

  /** Height of a time-range finding's bar above the plot. */
  static final int SPAN_BAR = 5;

  private SpectrogramImage() {}

  /** The rectangle holding the spectrogram in an image of {@code width} x {@code height}. */
  public static PlotArea plotArea(int width, int height) {
    return new PlotArea(LEFT, TOP, width - LEFT - RIGHT, height - TOP - BOTTOM);
  }

  /** The number of summary columns that maps one to one onto the pixels of an image this wide. */
  public static int plotWidth(int width) {
    return width - LEFT - RIGHT;
  }

  /** Position of {@code hz} on the axis: 0 at the bottom edge, 1 at Nyquist (the top edge). */
  static double axisFraction(Options o, double nyquistHz, double hz) {
    if (o.scale() == FrequencyScale.LINEAR) {
      return hz / nyquistHz;
    }
    double lo = Math.min(o.minFrequencyHz(), nyquistHz / 2);
    return Math.log(Math.max(hz, 1e-9) / lo) / Math.log(nyquistHz / lo);
  }

  /** The frequency at axis fraction {@code t} (inverse of {@link #axisFraction}). */
  static double frequencyAt(Options o, double nyquistHz, double t) {
    if (o.scale() == FrequencyScale.LINEAR) {
      return t * nyquistHz;
    }
    double lo = Math.min(o.minFrequencyHz(), nyquistHz / 2);
    return lo * Math.pow(nyquistHz / lo, t);
  }

  /** The row of {@code hz} in {@code plot} (clamped to the plot). */
  public static int yForFrequency(Options o, PlotArea plot, double nyquistHz, double hz) {
    double t = axisFraction(o, nyquistHz, hz);
    int y = plot.y() + (int) Math.floor((1 - t) * plot.height());
    return Math.max(plot.y(), Math.min(plot.bottom() - 1, y));
  }

  /** {@link #render(SpectrogramSummary, List, Options)} with {@link Options#defaults()}. */
  public static BufferedImage render(SpectrogramSummary summary, List<Finding> findings) {
    return render(summary, findings, Options.defaults());
  }

  /** The spectrogram of {@code summary} with {@code findings} marked. */
  public static BufferedImage render(
      SpectrogramSummary summary, List<Finding> findings, Options o) {
    PlotArea plot = plotArea(o.width(), o.height());
    BufferedImage image = new BufferedImage(o.width(), o.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      Text.prepare(g);
      g.setColor(Palette.BACKGROUND);
      g.fillRect(0, 0, o.width(), o.height());
      image.setRGB(
          plot.x(),
          plot.y(),
          plot.width(),
          plot.height(),
          pixels(summary, o, plot),
          0,
          plot.width());
      double duration = summary.durationSeconds();
      drawFrequencyAxis(g, o, plot, summary.nyquistHz());
      drawColourBar(g, o, plot);
      TimeAxis.draw(g, plot, duration);
      drawFindings(g, o, plot, summary, findings);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** The plot's pixels, row by row. */
  private static int[] pixels(SpectrogramSummary s, Options o, PlotArea plot) {
    int w = plot.width();
    int h = plot.height();
    int bins = s.binCount();
    double binWidth = s.binWidthHz();
    double nyquist = s.nyquistHz();

    // Each row averages the bins whose centres fall in its band, or interpolates between the two
    // nearest bins when the band is narrower than a bin.
    int[] first = new int[h];
    int[] last = new int[h];
    double[] frac = new double[h];
    for (int r = 0; r < h; r++) {
      double fTop = frequencyAt(o, nyquist, 1 - (double) r / h);
      double fBottom = frequencyAt(o, nyquist, 1 - (double) (r + 1) / h);
      int k0 = (int) Math.ceil(fBottom / binWidth);
      int k1 = (int) Math.ceil(fTop / binWidth) - 1;
      if (r == 0) {
        k1 = bins - 1; // Nyquist belongs to the top row
      }
      k0 = Math.max(0, k0);
      k1 = Math.min(bins - 1, k1);
      if (k1 >= k0) {
        first[r] = k0;
        last[r] = k1;
        frac[r] = -1;
      } else {
        double pos = Math.min(bins - 1, frequencyAt(o, nyquist, 1 - (r + 0.5) / h) / binWidth);
        int k = Math.min(bins - 2, (int) Math.floor(pos));
        first[r] = k;
        last[r] = k + 1;
        frac[r] = pos - k;
      }
    }

    // Columns: the mean power of the summary columns under each pixel column; a pixel column with
    // none (a short track) takes its nearest column with data.
    int columns = s.columns();
    int[] withData = new int[columns];
    int dataColumns = 0;
    for (int c = 0; c < columns; c++) {
      if (s.frameCount(c) > 0) {
        withData[dataColumns++] = c;
      }
    }
    int[] out = new int[w * h];
    int empty = Palette.BACKGROUND.getRGB();
    double floor = o.floorDb();
    double range = o.ceilingDb() - o.floorDb();
    double[] col = new double[bins];
    for (int px = 0; px < w; px++) {
      java.util.Arrays.fill(col, 0);
      int c0 = (int) ((long) px * columns / w);
      int c1 = Math.max(c0 + 1, (int) ((long) (px + 1) * columns / w));
      int used = 0;
      for (int c = c0; c < c1 && c < columns; c++) {
        if (s.frameCount(c) > 0) {
          add(s, c, col);
          used++;
        }
      }
      if (used == 0 && dataColumns > 0) {
        add(s, nearest(withData, dataColumns, (c0 + c1 - 1) / 2.0), col);
        used = 1;
      }
      if (used == 0) {
        for (int r = 0; r < h; r++) {
          out[r * w + px] = empty;
        }
        continue;
      }
      for (int r = 0; r < h; r++) {
        double p;
        if (frac[r] < 0) {
          double sum = 0;
          for (int k = first[r]; k <= last[r]; k++) {
            sum += col[k];
          }
          p = sum / (last[r] - first[r] + 1);
        } else {
          p = col[first[r]] * (1 - frac[r]) + col[last[r]] * frac[r];
        }
        p /= used;
        double db = 10 * Math.log10(Math.max(1e-20, p));
        out[r * w + px] = Colormap.argb((db - floor) / range);
      }
    }
    return out;
  }

  private static void add(SpectrogramSummary s, int column, double[] acc) {
    for (int k = 0; k < acc.length; k++) {
      acc[k] += s.power(column, k);
    }
  }

  private static int nearest(int[] sorted, int n, double target) {
    int best = sorted[0];
    for (int i = 0; i < n; i++) {
      if (Math.abs(sorted[i] - target) < Math.abs(best - target)) {
        best = sorted[i];
      }
    }
    return best;
  }

  /** "500", "1k", "22.05k". */
  static String hzLabel(double hz) {
    if (hz < 1000) {
      return String.format(Locale.ROOT, "%.0f", hz);
    }
    String k = String.format(Locale.ROOT, "%.2f", hz / 1000);
    k = k.replaceAll("0+$", "").replaceAll("\\.$", "");
    return k + "k";
  }

  private static void drawFrequencyAxis(Graphics2D g, Options o, PlotArea plot, double nyquist) {
    int ascent = Text.ascent(g);
    g.setColor(Palette.AXIS);
    g.drawLine(plot.x() - 1, plot.y(), plot.x() - 1, plot.bottom() - 1);
    Text.draw(g, "Hz", 4, 11, Palette.AXIS_TEXT);
    List<Double> ticks = new ArrayList<>();
    if (o.scale() == FrequencyScale.LOG) {
      for (double decade = 10; decade <= nyquist; decade *= 10) {
        for (double m : new double[] {1, 2, 5}) {
          double f = m * decade;
          if (f >= o.minFrequencyHz() && f < nyquist) {
            ticks.add(f);
          }
        }
      }
    } else {
      double step = 500;
      for (double s : new double[] {500, 1000, 2000, 5000, 10000, 20000, 50000}) {
        step = s;
        if (s / nyquist * plot.height() >= 2.5 * ascent) {
          break;
        }
      }
      for (double f = 0; f < nyquist; f += step) {
        ticks.add(f);
      }
    }
    // Nyquist first (it says what the source's rate is), then the ticks that have room.
    List<Integer> used = new ArrayList<>();
    tick(g, plot, plot.y(), hzLabel(nyquist), ascent, used);
    for (double f : ticks) {
      tick(g, plot, yForFrequency(o, plot, nyquist, f), hzLabel(f), ascent, used);
    }
  }

  private static void tick(
      Graphics2D g, PlotArea plot, int y, String label, int ascent, List<Integer> used) {
    for (int u : used) {
      if (Math.abs(u - y) < ascent + 2) {
        return;
      }
    }
    used.add(y);
    g.setColor(Palette.AXIS);
    g.drawLine(plot.x() - 5, y, plot.x() - 2, y);
    int baseline = Math.max(ascent, Math.min(plot.bottom(), y + ascent / 2));
    Text.draw(g, label, plot.x() - 7 - Text.width(g, label), baseline, Palette.AXIS_TEXT);
  }

  private static void drawColourBar(Graphics2D g, Options o, PlotArea plot) {
    int x = plot.right() + 8;
    int barWidth = 10;
    for (int y = plot.y(); y < plot.bottom(); y++) {
      double t = 1 - (y - plot.y() + 0.5) / plot.height();
      g.setColor(new Color(Colormap.argb(t)));
      g.fillRect(x, y, barWidth, 1);
    }
    int ascent = Text.ascent(g);
    Text.draw(g, "dB", x, 11, Palette.AXIS_TEXT);
    double range = o.ceilingDb() - o.floorDb();
    double step = range >= 100 ? 20 : range >= 40 ? 10 : 5;
    for (double db = o.ceilingDb(); db >= o.floorDb() - 1e-9; db -= step) {
      int y = plot.y() + (int) Math.round((o.ceilingDb() - db) / range * (plot.height() - 1));
      g.setColor(Palette.AXIS);
      g.drawLine(x + barWidth, y, x + barWidth + 2, y);
      Text.draw(
          g,
          String.format(Locale.ROOT, "%.0f", db),
          x + barWidth + 4,
          Math.min(plot.bottom(), y + ascent / 2),
          Palette.AXIS_TEXT);
    }
  }

  private static void drawFindings(
      Graphics2D g, Options o, PlotArea plot, SpectrogramSummary s, List<Finding> findings) {
    double duration = s.durationSeconds();
    double nyquist = s.nyquistHz();
    Stroke solid = g.getStroke();

    // Time ranges: a bar above the plot, edges through it.
    List<Finding> spans = FindingMarks.spans(findings, duration, true);
    for (Finding f : spans) {
      Color c = Palette.severity(f.severity());
      int x0 = plot.xForSeconds(f.startSeconds(), duration);
      int x1 = Math.min(plot.right(), Math.max(x0 + 2, plot.xForSeconds(f.endSeconds(), duration)));
      x0 = Math.min(x0, x1 - 1);
      g.setColor(c);
      g.fillRect(x0, plot.y() - SPAN_BAR - 1, x1 - x0, SPAN_BAR);
      g.setColor(Palette.alpha(Palette.onDark(f.severity()), 150));
      g.drawLine(x0, plot.y(), x0, plot.bottom() - 1);
      g.drawLine(x1 - 1, plot.y(), x1 - 1, plot.bottom() - 1);
    }
    FindingMarks.LabelRows rows = new FindingMarks.LabelRows(1);
    for (int i = spans.size() - 1; i >= 0; i--) {
      Finding f = spans.get(i);
      int x0 = plot.xForSeconds(f.startSeconds(), duration);
      FindingMarks.label(
          g,
          rows,
          f.code(),
          x0,
          0,
          plot.x(),
          plot.right(),
          Color.BLACK,
          WaveformImage.tint(Palette.severity(f.severity())));
    }

    // Frequencies: a dashed line at the measured frequency over the finding's time range.
    if (findings == null) {
      return;
    }
    Stroke dashed =
        new BasicStroke(
            2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f);
    int ascent = Text.ascent(g);
    for (Finding f : findings) {
      if (f == null
          || f.severity() == null
          || !FindingMarks.isFrequency(f)
          || f.measured() > nyquist) {
        continue;
      }
      boolean whole = !FindingMarks.hasTimes(f) || FindingMarks.wholeFile(f, duration);
      int x0 = whole ? plot.x() : plot.xForSeconds(f.startSeconds(), duration);
      int x1 =
          whole
              ? plot.right()
              : Math.min(
                  plot.right(), Math.max(x0 + 2, plot.xForSeconds(f.endSeconds(), duration)));
      int y = yForFrequency(o, plot, nyquist, f.measured());
      g.setColor(Palette.onDark(f.severity()));
      g.setStroke(dashed);
      g.drawLine(x0, y, x1 - 1, y);
      g.setStroke(solid);
      String label = f.code() + " " + FindingMarks.hertz(f.measured());
      int w = Text.width(g, label) + 6;
      int top = y - ascent - 7 >= plot.y() ? y - ascent - 7 : y + 3;
      Text.drawBoxed(
          g,
          label,
          Math.max(x0, x1 - w - 4),
          top,
          Color.BLACK,
          WaveformImage.tint(Palette.severity(f.severity())));
    }
  }
}
