package com.audiostems.dsp.testing.music;

/**
 * The mapping between musical position (in beats since the first beat, fractional) and time in
 * seconds, for a constant tempo or a {@link TempoDrift}. The tempo is defined as a function of time
 * since the first beat, {@code bpm(tau)}; the beat position is its integral, {@code phi(tau) =
 * integral of bpm/60}, and beat {@code k} sounds where {@code phi = k}. Both directions are exact
 * (closed form for a linear ramp, Newton's method to machine precision for the sinusoid), so the
 * ground-truth beat times are the times the notes were actually put at.
 */
public final class TempoMap {

  private final double startBpm;
  private final TempoDrift drift;
  private final double firstBeatSeconds;
  private final double spanSeconds;

  /**
   * @param startBpm the tempo at the first beat
   * @param drift the drift (its linear ramp reaches its end tempo after {@code spanSeconds})
   * @param firstBeatSeconds when beat 0 sounds
   * @param spanSeconds from the first beat to the end of the piece
   */
  public TempoMap(double startBpm, TempoDrift drift, double firstBeatSeconds, double spanSeconds) {
    if (!(startBpm > 0) || !(spanSeconds > 0)) {
      throw new IllegalArgumentException("tempo and span must be positive");
    }
    this.startBpm = startBpm;
    this.drift = drift == null ? TempoDrift.NONE : drift;
    this.firstBeatSeconds = firstBeatSeconds;
    this.spanSeconds = spanSeconds;
  }

  /** The instantaneous tempo at a time (seconds from the start of the audio). */
  public double bpmAt(double seconds) {
    double tau = seconds - firstBeatSeconds;
    return switch (drift.kind()) {
      case NONE -> startBpm;
      case LINEAR -> startBpm + (drift.endBpm() - startBpm) * tau / spanSeconds;
      case SINUSOIDAL ->
          startBpm
              * (1
                  + drift.depthPercent()
                      / 100
                      * Math.sin(2 * Math.PI * tau / drift.periodSeconds()));
    };
  }

  /** The (fractional) beat position at a time; negative before the first beat. */
  public double beatAt(double seconds) {
    double tau = seconds - firstBeatSeconds;
    return switch (drift.kind()) {
      case NONE -> tau * startBpm / 60;
      case LINEAR ->
          (startBpm * tau + (drift.endBpm() - startBpm) * tau * tau / (2 * spanSeconds)) / 60;
      case SINUSOIDAL -> {
        double w = 2 * Math.PI / drift.periodSeconds();
        double d = drift.depthPercent() / 100;
        yield startBpm / 60 * (tau + d / w * (1 - Math.cos(w * tau)));
      }
    };
  }

  /** The time in seconds at which a (fractional) beat position sounds. */
  public double timeAt(double beat) {
    double target = beat * 60;
    double tau =
        switch (drift.kind()) {
          case NONE -> target / startBpm;
          case LINEAR -> {
            // Root of a/2 tau^2 + b0 tau - 60 beat = 0 in the form that is stable when a -> 0.
            double a = (drift.endBpm() - startBpm) / spanSeconds;
            double disc = startBpm * startBpm + 2 * a * target;
            if (disc < 0) {
              throw new IllegalArgumentException("the tempo ramp reaches zero before beat " + beat);
            }
            yield 2 * target / (startBpm + Math.sqrt(disc));
          }
          case SINUSOIDAL -> {
            double t = target / startBpm;
            for (int i = 0; i < 50; i++) {
              double err = beatAt(firstBeatSeconds + t) - beat;
              t -= err * 60 / bpmAt(firstBeatSeconds + t);
              if (Math.abs(err) < 1e-13) {
                break;
              }
            }
            yield t;
          }
        };
    return firstBeatSeconds + tau;
  }

  public double firstBeatSeconds() {
    return firstBeatSeconds;
  }

  public double startBpm() {
    return startBpm;
  }

  public TempoDrift drift() {
    return drift;
  }
}
