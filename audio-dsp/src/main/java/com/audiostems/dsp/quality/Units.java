package com.audiostems.dsp.quality;

import java.util.Locale;

/** Small conversions shared by the checks. */
final class Units {
  private Units() {}

  /** Amplitude (full scale 1.0) to dBFS; -Infinity for 0. */
  static double db(double amplitude) {
    return 20 * Math.log10(Math.abs(amplitude));
  }

  /** Power ratio to dB; -Infinity for 0. */
  static double powerDb(double power) {
    return 10 * Math.log10(power);
  }

  static double amplitude(double db) {
    return Math.pow(10, db / 20);
  }

  static String f1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String kHz(double hz) {
    return String.format(Locale.ROOT, "%.1f kHz", hz / 1000);
  }

  /** m:ss.s */
  static String time(double seconds) {
    int m = (int) (seconds / 60);
    return String.format(Locale.ROOT, "%d:%04.1f", m, seconds - 60 * m);
  }
}
