package com.audiostems.activities.quality.render;

import com.audiostems.dsp.quality.Severity;
import java.awt.Color;

/** Colours shared by the images (and mirrored in the page's CSS). */
final class Palette {

  private Palette() {}

  static final Color BACKGROUND = Color.WHITE;
  static final Color AXIS = new Color(0x44, 0x44, 0x44);
  static final Color AXIS_TEXT = new Color(0x33, 0x33, 0x33);
  static final Color LANE = new Color(0xf7, 0xf8, 0xfa);
  static final Color PEAK = new Color(0x7f, 0xb2, 0xe5);
  static final Color RMS = new Color(0x1f, 0x5f, 0xa6);
  static final Color CLIP = new Color(0xe0, 0x10, 0x10);
  static final Color REF_LINE = new Color(0xb8, 0xbc, 0xc4);
  static final Color ZERO_LINE = new Color(0x90, 0x96, 0xa0);

  /** The colour of a finding's marks: grey-blue for INFO, amber for WARNING, red for ERROR. */
  static Color severity(Severity s) {
    return switch (s) {
      case INFO -> new Color(0x3d, 0x7e, 0xc9);
      case WARNING -> new Color(0xf0, 0x9a, 0x00);
      case ERROR -> new Color(0xd3, 0x1f, 0x2f);
    };
  }

  /** The same colour with an alpha. */
  static Color alpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  /** A lighter variant for marks on the dark spectrogram. */
  static Color onDark(Severity s) {
    return switch (s) {
      case INFO -> new Color(0x8f, 0xd3, 0xff);
      case WARNING -> new Color(0xff, 0xd2, 0x4a);
      case ERROR -> new Color(0xff, 0x4d, 0x5e);
    };
  }
}
