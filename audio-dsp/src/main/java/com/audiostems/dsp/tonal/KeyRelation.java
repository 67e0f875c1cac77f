package com.audiostems.dsp.tonal;

/**
 * How one key stands to another; the kinds of near miss that key estimators make and that the MIREX
 * key score gives partial credit for.
 */
public enum KeyRelation {
  /** The same tonic and mode. */
  SAME,
  /** Same mode, tonic a perfect fifth above or below (dominant or subdominant key). */
  FIFTH,
  /** Same key signature, other mode: C major and A minor. */
  RELATIVE,
  /** Same tonic, other mode: C major and C minor. */
  PARALLEL,
  /** Any other pair. */
  OTHER
}
