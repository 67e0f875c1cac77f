package com.audiostems.dsp.rhythm;

/**
 * An onset-strength envelope: one non-negative value per analysis frame, large where new sound
 * starts (a drum hit, a note, a chord change). Dimensionless (summed log-magnitude increases); only
 * its shape over time matters to the rhythm analysis.
 *
 * @param strength one value per frame; frame {@code i} describes time {@code i / frameRateHz}
 * @param frameRateHz frames per second
 */
public record OnsetEnvelope(float[] strength, double frameRateHz) {

  public int frameCount() {
    return strength.length;
  }

  /** Time of frame {@code frame}, in seconds from the start of the signal. */
  public double timeSeconds(double frame) {
    return frame / frameRateHz;
  }

  /** The frame nearest to {@code seconds}. */
  public int frameAt(double seconds) {
    return (int) Math.round(seconds * frameRateHz);
  }

  public double durationSeconds() {
    return strength.length / frameRateHz;
  }
}
