package com.audiostems.dsp.watermark;

/**
 * How a copy's time axis (and perhaps its pitch) differs from the marked original, as the detector
 * undoes it: the copy plays {@code speed} times as fast, so frame j of the original starts at j ·
 * 1024 / speed samples of the copy (at 44.1 kHz). A resampled speed change (a turntable, a
 * re-upload at the wrong rate) moves every frequency by the same factor; a time-stretch (a phase
 * vocoder or WSOLA, as short-video apps use) keeps the pitch, so the mark's bins stay where they
 * were.
 *
 * @param speed how much faster the copy plays than the original (1.02 = 2 % faster)
 * @param pitchKept true for a time-stretch (bins unscaled), false for a resampled speed change
 */
record Warp(double speed, boolean pitchKept) {

  static final Warp NONE = new Warp(1.0, false);

  /** Factor by which the mark's frequencies moved: the speed, or 1 for a time-stretch. */
  double binScale() {
    return pitchKept ? 1.0 : speed;
  }

  /** Whether the two undo each other's work to within {@code tolerance} of speed. */
  boolean near(Warp other, double tolerance) {
    return Math.abs(speed - other.speed) <= tolerance
        && (pitchKept == other.pitchKept || Math.abs(speed - 1) <= tolerance);
  }

  @Override
  public String toString() {
    return String.format("%s %.4f", pitchKept ? "stretch" : "speed", speed);
  }
}
