package com.audiostems.activities.quality.render;

import com.audiostems.dsp.quality.Finding;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Which findings the images mark, and where their labels go. */
final class FindingMarks {

  private FindingMarks() {}

  /**
   * True when {@code f} covers the whole file (start at 0, end at the duration, the shape the
   * checks give whole-file findings): such a finding is listed on the page, not shaded over the
   * whole image.
   */
  static boolean wholeFile(Finding f, double durationSeconds) {
    double tolerance = Math.max(0.05, durationSeconds * 0.002);
    return f.startSeconds() <= tolerance && f.endSeconds() >= durationSeconds - tolerance;
  }

  /** True when {@code f} is a frequency (its unit is Hz) with a usable value. */
  static boolean isFrequency(Finding f) {
    return f.unit() != null
        && f.unit().trim().equalsIgnoreCase("Hz")
        && Double.isFinite(f.measured())
        && f.measured() > 0;
  }

  /** True when {@code f} has a finite, non-reversed time range. */
  static boolean hasTimes(Finding f) {
    return Double.isFinite(f.startSeconds())
        && Double.isFinite(f.endSeconds())
        && f.endSeconds() >= f.startSeconds();
  }

  /**
   * Time-range findings to mark as spans: not whole-file, drawn INFO first so ERROR ends on top.
   */
  static List<Finding> spans(
      List<Finding> findings, double durationSeconds, boolean excludeFrequencies) {
    List<Finding> out = new ArrayList<>();
    if (findings == null) {
      return out;
    }
    for (Finding f : findings) {
      if (f == null || f.severity() == null || !hasTimes(f)) {
        continue;
      }
      if (excludeFrequencies && isFrequency(f)) {
        continue;
      }
      if (!wholeFile(f, durationSeconds) && f.startSeconds() < durationSeconds) {
        out.add(f);
      }
    }
    out.sort(Comparator.comparing(Finding::severity).thenComparingDouble(Finding::startSeconds));
    return out;
  }

  /** "16.0 kHz", "440 Hz". */
  static String hertz(double hz) {
    return hz >= 1000
        ? String.format(Locale.ROOT, "%.1f kHz", hz / 1000)
        : String.format(Locale.ROOT, "%.0f Hz", hz);
  }

  /**
   * Places labels in rows without overlaps: each label takes the first row where it fits, and is
   * dropped when none of {@code rows} has room.
   */
  static final class LabelRows {
    private final List<List<int[]>> taken = new ArrayList<>();
    private final int rows;

    LabelRows(int rows) {
      this.rows = rows;
      for (int i = 0; i < rows; i++) {
        taken.add(new ArrayList<>());
      }
    }

    /** The row for a label over columns [x0, x1), or -1 when there is no room. */
    int place(int x0, int x1) {
      for (int r = 0; r < rows; r++) {
        boolean free = true;
        for (int[] span : taken.get(r)) {
          if (x0 < span[1] + 4 && span[0] < x1 + 4) {
            free = false;
            break;
          }
        }
        if (free) {
          taken.get(r).add(new int[] {x0, x1});
          return r;
        }
      }
      return -1;
    }
  }

  /**
   * Draws {@code text} boxed at the left of the span starting at {@code x}, in the first free row
   * below {@code top}, kept inside [{@code minX}, {@code maxX}).
   */
  static void label(
      Graphics2D g,
      LabelRows rows,
      String text,
      int x,
      int top,
      int minX,
      int maxX,
      Color color,
      Color box) {
    int w = Text.width(g, text) + 6;
    if (w <= 6) {
      return;
    }
    int lx = Math.max(minX, Math.min(x, maxX - w));
    int row = rows.place(lx, lx + w);
    if (row < 0) {
      return;
    }
    int rowHeight = Text.ascent(g) + 6;
    Text.drawBoxed(g, text, lx, top + row * rowHeight, color, box);
  }
}
