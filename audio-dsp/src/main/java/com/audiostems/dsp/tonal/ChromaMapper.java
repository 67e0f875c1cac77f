package com.audiostems.dsp.tonal;

/**
 * Maps weighted spectral peaks to a 12-bin pitch-class profile (HPCP-like, after Gómez 2006).
 *
 * <p>A peak adds to the pitch classes within ±{@value #WINDOW_SEMITONES}/2 semitones of its
 * tuning-corrected pitch, weighted by cos² of the distance: a peak on a grid pitch counts fully for
 * it, a peak midway between two counts a little for both, so that vibrato and residual mistuning do
 * not flip a note to its neighbour.
 */
final class ChromaMapper {

  static final double WINDOW_SEMITONES = 4.0 / 3.0;

  private final double referenceHz;

  /** {@code tuningOffsetCents}: the grid's offset from A = 440 Hz. */
  ChromaMapper(double tuningOffsetCents) {
    // Pitch class 0 is C: 9 semitones below the (tuned) A.
    this.referenceHz = 440.0 * Math.pow(2, (tuningOffsetCents - 900) / 1200);
  }

  /** Adds {@code weight} of a peak at {@code frequencyHz} into {@code chroma} (12 values). */
  void add(double frequencyHz, double weight, float[] chroma) {
    double pitch = 12 * Math.log(frequencyHz / referenceHz) / Math.log(2);
    long nearest = Math.round(pitch);
    for (long s = nearest - 1; s <= nearest + 1; s++) {
      double d = Math.abs(pitch - s);
      if (d < WINDOW_SEMITONES / 2) {
        double c = Math.cos(Math.PI * d / WINDOW_SEMITONES);
        chroma[(int) Math.floorMod(s, 12L)] += (float) (weight * c * c);
      }
    }
  }
}
