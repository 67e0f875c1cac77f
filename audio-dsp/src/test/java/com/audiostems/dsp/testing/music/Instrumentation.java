package com.audiostems.dsp.testing.music;

/**
 * Which instrument groups a piece has at all; {@link Section}s switch them on and off within that.
 *
 * @param drums whether there is a drum kit (pieces without one are the hard cases for beat
 *     tracking)
 * @param bass how heavy the bass is ({@link BassWeight#NONE} for no bass)
 * @param pads sustained pads with slow attacks
 * @param chords a plucked or piano-like chord instrument with sharp onsets
 * @param lead a melody line in the scale of the key
 */
public record Instrumentation(
    boolean drums, BassWeight bass, boolean pads, boolean chords, boolean lead) {

  public Instrumentation {
    if (bass == null) {
      throw new IllegalArgumentException("bass weight is required (NONE for no bass)");
    }
  }

  public Instrumentation withDrums(boolean d) {
    return new Instrumentation(d, bass, pads, chords, lead);
  }

  public Instrumentation withBass(BassWeight b) {
    return new Instrumentation(drums, b, pads, chords, lead);
  }

  public Instrumentation withPads(boolean p) {
    return new Instrumentation(drums, bass, p, chords, lead);
  }

  public Instrumentation withChords(boolean c) {
    return new Instrumentation(drums, bass, pads, c, lead);
  }

  public Instrumentation withLead(boolean l) {
    return new Instrumentation(drums, bass, pads, chords, l);
  }

  /** Whether the given part exists in this instrumentation. */
  public boolean has(Part part) {
    return switch (part) {
      case DRUMS -> drums;
      case BASS -> bass != BassWeight.NONE;
      case PADS -> pads;
      case CHORDS -> chords;
      case LEAD -> lead;
    };
  }
}
