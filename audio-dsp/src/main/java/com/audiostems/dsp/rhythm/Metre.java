package com.audiostems.dsp.rhythm;

/**
 * Beats per bar and where the bars start.
 *
 * @param beatsPerBar 3 or 4; 0 when the evidence is too weak to say (then there are no downbeats)
 * @param confidence 0–1: how much more the chosen bar length explains the accents than the other
 *     ({@code (best - other) / best} of the two bar-length contrasts); 0 when unknown
 * @param downbeatTimesSeconds the first beat of every bar, seconds from the start
 */
public record Metre(int beatsPerBar, double confidence, double[] downbeatTimesSeconds) {

  public static final int UNKNOWN = 0;

  static Metre unknown() {
    return new Metre(UNKNOWN, 0, new double[0]);
  }
}
