package com.audiostems.dsp.tonal;

/**
 * Pitch-class content over time, tuning-corrected: index 0 = C … 11 = B.
 *
 * @param chromaPerFrame one 12-value chroma per analysis frame, each scaled so that its largest
 *     value is 1 (all zeros in silent frames); frame {@code i} covers the {@link
 *     #frameDurationSeconds()} starting at {@code i / frameRateHz} seconds
 * @param frameRateHz frames per second (about 2.7)
 * @param frameDurationSeconds length of the audio each frame looks at (about 0.7 s)
 * @param tuningOffsetCents the reference pitch's deviation from A = 440 Hz, −50..+50 cents; the
 *     chroma is measured against the grid shifted by it
 * @param trackChroma the mean of the non-silent frames' chroma, scaled to a largest value of 1
 */
public record Chromagram(
    float[][] chromaPerFrame,
    double frameRateHz,
    double frameDurationSeconds,
    double tuningOffsetCents,
    float[] trackChroma) {

  public int frameCount() {
    return chromaPerFrame.length;
  }
}
