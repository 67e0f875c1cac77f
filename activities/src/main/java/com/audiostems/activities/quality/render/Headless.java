package com.audiostems.activities.quality.render;

/** Makes sure AWT is used headless (CI and the workers have no display). */
final class Headless {

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private Headless() {}

  /** Triggers the static initialiser; call before touching any AWT class. */
  static void ensure() {}
}
