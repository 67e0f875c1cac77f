package com.audiostems.activities.quality.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;

/**
 * Labels. A JVM without usable fonts (a bare container without fontconfig fonts) fails on the first
 * text it draws; then every later label is skipped and the images still render, without their
 * labels.
 */
final class Text {

  static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Font BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 11);

  private static volatile boolean available = true;

  private Text() {}

  static void prepare(Graphics2D g) {
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(FONT);
  }

  /** Width of {@code s} in the current font; 0 when fonts are unavailable. */
  static int width(Graphics2D g, String s) {
    if (!available) {
      return 0;
    }
    try {
      return g.getFontMetrics().stringWidth(s);
    } catch (RuntimeException | LinkageError | InternalError e) {
      available = false;
      return 0;
    }
  }

  /** Ascent of the current font (a fixed guess when fonts are unavailable). */
  static int ascent(Graphics2D g) {
    if (!available) {
      return 9;
    }
    try {
      FontMetrics m = g.getFontMetrics();
      return m.getAscent();
    } catch (RuntimeException | LinkageError | InternalError e) {
      available = false;
      return 9;
    }
  }

  /** Draws {@code s} with its baseline at {@code y}. */
  static void draw(Graphics2D g, String s, int x, int y, Color color) {
    if (!available) {
      return;
    }
    try {
      g.setColor(color);
      g.drawString(s, x, y);
    } catch (RuntimeException | LinkageError | InternalError e) {
      available = false;
    }
  }

  /** Draws {@code s} on a box of {@code box}, top-left at (x, top); returns the box width. */
  static int drawBoxed(Graphics2D g, String s, int x, int top, Color color, Color box) {
    int w = width(g, s);
    if (w == 0) {
      return 0;
    }
    int a = ascent(g);
    g.setColor(box);
    g.fillRect(x, top, w + 6, a + 4);
    draw(g, s, x + 3, top + a + 1, color);
    return w + 6;
  }
}
