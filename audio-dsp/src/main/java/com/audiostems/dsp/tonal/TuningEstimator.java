package com.audiostems.dsp.tonal;

/**
 * The deviation of a recording's reference pitch from A = 440 Hz, in cents (−50..+50): how far its
 * notes sit from the 12-tone equal-tempered grid.
 *
 * <p>Each peak's offset from the nearest grid pitch votes, weighted by its amplitude, into a
 * circular histogram of 1-cent bins (circular because +50 and −50 cents are the same grid offset);
 * the histogram is smoothed over ±{@value #SMOOTH_CENTS} cents, its maximum found, and refined to
 * the weighted circular mean of the votes within ±{@value #REFINE_CENTS} cents of it. A histogram
 * maximum rather than a plain mean because the inharmonic-looking overtones (the 5th harmonic is 14
 * cents flat of its tempered pitch, the 7th 31 cents) would drag a mean; the harmonic sieve has
 * already weakened them.
 */
final class TuningEstimator {

  static final int SMOOTH_CENTS = 6;
  static final int REFINE_CENTS = 12;

  private final double[] histogram = new double[100];
  private double total;

  /** Adds one peak of {@code frequencyHz} with vote {@code weight} (≥ 0). */
  void add(double frequencyHz, double weight) {
    if (weight <= 0 || frequencyHz <= 0) {
      return;
    }
    double cents = 1200 * Math.log(frequencyHz / 440.0) / Math.log(2);
    double offset = cents - 100 * Math.floor(cents / 100); // 0..100
    // Linear split between the two neighbouring 1-cent bins keeps sub-cent information.
    int lo = (int) Math.floor(offset);
    double frac = offset - lo;
    histogram[Math.floorMod(lo, 100)] += weight * (1 - frac);
    histogram[Math.floorMod(lo + 1, 100)] += weight * frac;
    total += weight;
  }

  /** The estimated offset in cents, −50 (inclusive) to +50; 0 when nothing was added. */
  double offsetCents() {
    if (total <= 0) {
      return 0;
    }
    int best = 0;
    double bestValue = -1;
    for (int c = 0; c < 100; c++) {
      double s = 0;
      for (int d = -SMOOTH_CENTS; d <= SMOOTH_CENTS; d++) {
        s += histogram[Math.floorMod(c + d, 100)] * (SMOOTH_CENTS + 1 - Math.abs(d));
      }
      if (s > bestValue) {
        bestValue = s;
        best = c;
      }
    }
    double sx = 0;
    double sy = 0;
    for (int d = -REFINE_CENTS; d <= REFINE_CENTS; d++) {
      int c = Math.floorMod(best + d, 100);
      double angle = 2 * Math.PI * c / 100;
      sx += histogram[c] * Math.cos(angle);
      sy += histogram[c] * Math.sin(angle);
    }
    double cents = Math.atan2(sy, sx) * 100 / (2 * Math.PI);
    if (cents >= 50) {
      cents -= 100;
    } else if (cents < -50) {
      cents += 100;
    }
    return cents;
  }
}
