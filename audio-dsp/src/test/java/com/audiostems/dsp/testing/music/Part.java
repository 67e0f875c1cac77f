package com.audiostems.dsp.testing.music;

/** The instrument groups that a {@link Section} can switch on or off. */
public enum Part {
  DRUMS,
  BASS,
  PADS,
  /** Plucked or piano-like chord instrument. */
  CHORDS,
  LEAD
}
