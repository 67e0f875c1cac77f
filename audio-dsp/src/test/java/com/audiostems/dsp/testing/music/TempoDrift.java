package com.audiostems.dsp.testing.music;

/**
 * How the tempo moves over a piece, as a function of time since the first beat. Live recordings
 * speed up and breathe; analysers that assume one fixed period drift off the beats.
 *
 * @param kind none, a linear ramp, or a slow sinusoidal wander
 * @param endBpm for {@link Kind#LINEAR}: the tempo at the end of the piece (the start is the spec's
 *     tempo)
 * @param depthPercent for {@link Kind#SINUSOIDAL}: peak deviation from the spec's tempo in percent
 * @param periodSeconds for {@link Kind#SINUSOIDAL}: the period of the wander
 */
public record TempoDrift(Kind kind, double endBpm, double depthPercent, double periodSeconds) {

  /** The shape of the drift. */
  public enum Kind {
    NONE,
    LINEAR,
    SINUSOIDAL
  }

  public static final TempoDrift NONE = new TempoDrift(Kind.NONE, 0, 0, 0);

  public TempoDrift {
    if (kind == Kind.LINEAR && !(endBpm > 0)) {
      throw new IllegalArgumentException("linear drift needs a positive end tempo");
    }
    if (kind == Kind.SINUSOIDAL
        && (depthPercent <= 0 || depthPercent >= 50 || periodSeconds <= 0)) {
      throw new IllegalArgumentException("sinusoidal drift needs 0 < depth < 50 % and a period");
    }
  }

  /** A linear ramp from the spec's tempo to {@code endBpm} at the end of the piece. */
  public static TempoDrift linear(double endBpm) {
    return new TempoDrift(Kind.LINEAR, endBpm, 0, 0);
  }

  /** {@code bpm(t) = bpm0 * (1 + depth/100 * sin(2 pi t / period))}. */
  public static TempoDrift sinusoidal(double depthPercent, double periodSeconds) {
    return new TempoDrift(Kind.SINUSOIDAL, 0, depthPercent, periodSeconds);
  }

  public boolean drifts() {
    return kind != Kind.NONE;
  }
}
