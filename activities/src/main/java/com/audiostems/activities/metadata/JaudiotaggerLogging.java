package com.audiostems.activities.metadata;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * jaudiotagger logs through java.util.logging, at INFO and WARNING, for every odd frame or padding
 * it meets: pages of noise per file. Our own warnings say what matters.
 */
final class JaudiotaggerLogging {
  /** Held here: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
  private static final Logger JAUDIOTAGGER = Logger.getLogger("org.jaudiotagger");

  static {
    JAUDIOTAGGER.setLevel(Level.OFF);
  }

  private JaudiotaggerLogging() {}

  /** Makes sure the level is set (by loading this class). */
  static void silence() {
    JAUDIOTAGGER.setLevel(Level.OFF);
  }
}
