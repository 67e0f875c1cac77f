package com.audiostems.dsp.tonal;

/** The mode of a key: major (Ionian) or minor (natural, harmonic and melodic minor together). */
public enum Mode {
  MAJOR,
  MINOR;

  /** "major" or "minor", as in key names. */
  public String label() {
    return this == MAJOR ? "major" : "minor";
  }
}
