package com.audiostems.dsp.testing.music;

/**
 * The mode of a piece's key. Minor pieces use the natural minor scale for their melodies and the
 * harmonic-minor leading tone on the dominant chord, as tonal music does, so that a key analyser
 * has the cue (a raised 7th) that separates a minor key from its relative major.
 */
public enum Mode {
  MAJOR,
  MINOR;

  /** Scale degrees in semitones above the tonic (natural minor for {@link #MINOR}). */
  public int[] scale() {
    return this == MAJOR ? new int[] {0, 2, 4, 5, 7, 9, 11} : new int[] {0, 2, 3, 5, 7, 8, 10};
  }
}
