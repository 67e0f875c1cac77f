package com.audiostems.dsp.tonal;

/**
 * The estimated key of a recording.
 *
 * @param key the most likely key
 * @param confidence 0..1: the share of the winning key in a softmax over the 24 keys' profile
 *     correlations (see {@link KeyMatcher}); near 1 when one key fits clearly better than all
 *     others, near 0.5 when the runner-up fits about as well, lower when several keys tie
 * @param runnerUp the second most likely key
 * @param runnerUpRelation how the runner-up stands to the winner (relative, parallel, fifth, other)
 * @param tuningOffsetCents the recording's reference pitch relative to A = 440 Hz, in cents
 *     (−50..+50; +30 means A ≈ 447.7 Hz)
 * @param chroma the track's 12-value pitch-class profile (C..B, tuning-corrected, largest = 1)
 */
public record KeyEstimate(
    Key key,
    double confidence,
    Key runnerUp,
    KeyRelation runnerUpRelation,
    double tuningOffsetCents,
    float[] chroma) {

  /** Tonic pitch class, 0 = C … 11 = B. */
  public int tonicPitchClass() {
    return key.tonicPitchClass();
  }

  public Mode mode() {
    return key.mode();
  }

  /** "A minor", "F# major", "Bb major". */
  public String name() {
    return key.name();
  }
}
