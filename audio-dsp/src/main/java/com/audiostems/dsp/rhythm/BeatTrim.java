package com.audiostems.dsp.rhythm;

/**
 * Drops the beats the tracker carries through silence at the start and end of a track (its path
 * runs from the first frame to the last): leading and trailing beats whose surroundings hold less
 * than {@link #FRACTION} of the track's typical onset strength.
 */
final class BeatTrim {

  static final double FRACTION = 0.2;

  private BeatTrim() {}

  static int[] trim(float[] envelope, int[] beats, double[] periodFrames) {
    int n = beats.length;
    if (n == 0) {
      return beats;
    }
    double[] local = new double[n];
    double sum = 0;
    for (int k = 0; k < n; k++) {
      // The strongest onset within half a period of the beat.
      int half = Math.max(1, (int) Math.round(periodFrames[beats[k]] / 2));
      local[k] = LevelEvidence.accent(envelope, beats[k], half);
      sum += local[k];
    }
    double threshold = FRACTION * sum / n;
    int first = 0;
    while (first < n && local[first] < threshold) {
      first++;
    }
    int last = n - 1;
    while (last >= first && local[last] < threshold) {
      last--;
    }
    return java.util.Arrays.copyOfRange(beats, first, last + 1);
  }
}
