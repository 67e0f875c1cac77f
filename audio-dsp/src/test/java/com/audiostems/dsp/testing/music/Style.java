package com.audiostems.dsp.testing.music;

/**
 * An arrangement style: it decides the drum pattern, the bass and chord rhythms and the envelopes.
 * Each style has the defaults that make it typical (a waltz is in 3/4, electronic music has heavy
 * bass and a four-on-the-floor kick); a {@link PieceSpec} may still override them, e.g. a pop piece
 * in 3/4 or a ballad with drums.
 */
public enum Style {
  /** 4/4 backbeat: kick on 1 and 3, snare on 2 and 4, eighth-note hats, eighth-note bass. */
  POP_ROCK(4, new Instrumentation(true, BassWeight.NORMAL, false, true, true), 0.0),
  /** 3/4: bass on 1, chords on 2 and 3, soft kick and brushes. */
  WALTZ(3, new Instrumentation(true, BassWeight.LIGHT, true, true, true), 0.0),
  /** No drums: piano arpeggios, sustained bass, pads; the beat is only implied. */
  BALLAD(4, new Instrumentation(false, BassWeight.LIGHT, true, true, true), 0.0),
  /** Four-on-the-floor kick, off-beat open hats and bass, clap on 2 and 4, heavy sub bass. */
  ELECTRONIC(4, new Instrumentation(true, BassWeight.HEAVY, true, true, true), 0.0),
  /** Syncopated sixteenths, ghost notes, swung sixteenths, short chord stabs. */
  FUNK(4, new Instrumentation(true, BassWeight.NORMAL, false, true, true), 0.2),
  /** Slow half-time groove with swung eighths and an 808-like sine bass. */
  HIP_HOP(4, new Instrumentation(true, BassWeight.HEAVY, true, true, false), 0.35),
  /** No drums, pads with slow attacks, soft sine bass: onsets are deliberately vague. */
  AMBIENT(4, new Instrumentation(false, BassWeight.LIGHT, true, false, true), 0.0);

  private final int defaultBeatsPerBar;
  private final Instrumentation defaultInstrumentation;
  private final double defaultSwing;

  Style(int defaultBeatsPerBar, Instrumentation defaultInstrumentation, double defaultSwing) {
    this.defaultBeatsPerBar = defaultBeatsPerBar;
    this.defaultInstrumentation = defaultInstrumentation;
    this.defaultSwing = defaultSwing;
  }

  public int defaultBeatsPerBar() {
    return defaultBeatsPerBar;
  }

  public Instrumentation defaultInstrumentation() {
    return defaultInstrumentation;
  }

  public double defaultSwing() {
    return defaultSwing;
  }

  /**
   * Whether swing in this style moves sixteenths (funk, and the 16th hats of hip-hop are felt in
   * eighths, so only funk) rather than off-beat eighths.
   */
  public boolean swingsSixteenths() {
    return this == FUNK;
  }
}
