package com.audiostems.dsp.tonal;

/**
 * The MIREX audio key detection score of one estimate against the reference key: 1.0 for the same
 * key, 0.5 for the key a perfect fifth above in the same mode (the reference's dominant), 0.3 for
 * the relative key, 0.2 for the parallel key, 0 otherwise.
 *
 * <p>As in MIREX and mir_eval's default, only the fifth <em>above</em> earns 0.5: an estimate on
 * the subdominant scores 0 (a subdominant estimate is a {@link KeyRelation#FIFTH} all the same).
 */
public final class MirexKeyScore {

  private MirexKeyScore() {}

  /** The weighted score, 0..1, of {@code estimate} for a piece in {@code reference}. */
  public static double score(Key reference, Key estimate) {
    if (estimate.equals(reference)) {
      return 1.0;
    }
    int interval = Math.floorMod(estimate.tonicPitchClass() - reference.tonicPitchClass(), 12);
    if (estimate.mode() == reference.mode() && interval == 7) {
      return 0.5;
    }
    if (estimate.equals(reference.relative())) {
      return 0.3;
    }
    if (estimate.equals(reference.parallel())) {
      return 0.2;
    }
    return 0.0;
  }
}
