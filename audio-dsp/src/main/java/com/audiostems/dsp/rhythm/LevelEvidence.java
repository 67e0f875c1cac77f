package com.audiostems.dsp.rhythm;

/**
 * How well a beat sequence tracked at one metrical level behaves like the beat, from the accents at
 * and between its beats. Two questions, after Smith's "beat critic":
 *
 * <ul>
 *   <li>Is it too slow? Then there are accents between its beats as strong as on them (a half-time
 *       track of a rock beat has the snare exactly halfway): {@code subdivision} is the strength
 *       halfway or at the thirds between beats relative to on the beats (0 = nothing between).
 *   <li>Is it too fast? Then every other (or every third) beat is weak (a double-time track puts
 *       every other beat on the off-beat hi-hat): {@code evenness} is the weakest of the beat
 *       groups relative to the strongest, grouping in twos and in threes, measured in short blocks
 *       so that a slip of the tracker does not mix the groups (1 = all beats alike).
 * </ul>
 *
 * <p>The beat is the level that is neither: {@code evenness * (1 - subdivision)} is high only
 * there.
 */
record LevelEvidence(double onStrength, double subdivision, double evenness, double regularity) {

  /** Beats per block when comparing beat groups: a few bars. */
  static final int BLOCK_BEATS = 12;

  /** Accents are the envelope's maximum within this many seconds of a position (timing slop). */
  static final double SLOP_SECONDS = 0.025;

  static LevelEvidence of(
      float[] envelope, double frameRateHz, int[] beats, double[] periodFrames) {
    int n = beats.length;
    if (n < 4) {
      return new LevelEvidence(0, 1, 0, 0);
    }
    int slop = Math.max(1, (int) Math.round(SLOP_SECONDS * frameRateHz));
    double[] on = new double[n];
    for (int k = 0; k < n; k++) {
      on[k] = accent(envelope, beats[k], slop);
    }
    double onSum = 0;
    double halfSum = 0;
    double thirdSum = 0;
    int regular = 0;
    for (int k = 0; k + 1 < n; k++) {
      double a = beats[k];
      double d = beats[k + 1] - a;
      onSum += on[k];
      halfSum += accent(envelope, (int) Math.round(a + d / 2), slop);
      thirdSum +=
          0.5
              * (accent(envelope, (int) Math.round(a + d / 3), slop)
                  + accent(envelope, (int) Math.round(a + 2 * d / 3), slop));
      double p = periodFrames[beats[k]];
      if (Math.abs(d / p - 1) < 0.1) {
        regular++;
      }
    }
    if (onSum <= 0) {
      return new LevelEvidence(0, 1, 0, 0);
    }
    double subdivision = Math.min(1, Math.max(halfSum, thirdSum) / onSum);
    double evenness = Math.min(groupEvenness(on, 2), groupEvenness(on, 3));
    return new LevelEvidence(onSum / (n - 1), subdivision, evenness, (double) regular / (n - 1));
  }

  /**
   * Weighted mean over blocks of (weakest group mean / strongest group mean), grouping beats by
   * their index modulo {@code groups}; blocks weigh by their accent (silent blocks say nothing).
   */
  static double groupEvenness(double[] on, int groups) {
    int block = BLOCK_BEATS;
    double weighted = 0;
    double weights = 0;
    for (int start = 0; start + block <= on.length; start += block) {
      double[] sum = new double[groups];
      double total = 0;
      for (int k = start; k < start + block; k++) {
        sum[(k - start) % groups] += on[k];
        total += on[k];
      }
      if (total <= 0) {
        continue;
      }
      double min = Double.POSITIVE_INFINITY;
      double max = 0;
      for (double s : sum) {
        min = Math.min(min, s);
        max = Math.max(max, s);
      }
      weighted += total * (min / max);
      weights += total;
    }
    if (weights == 0) {
      return 0;
    }
    return weighted / weights;
  }

  /** The level's merit as the beat (see the class comment), times its regularity. */
  double merit() {
    return evenness * (1 - subdivision) * regularity;
  }

  static double accent(float[] envelope, int frame, int slop) {
    double max = 0;
    for (int i = Math.max(0, frame - slop); i <= Math.min(envelope.length - 1, frame + slop); i++) {
      max = Math.max(max, envelope[i]);
    }
    return max;
  }
}
