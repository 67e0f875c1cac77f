package com.audiostems.dsp.testing.music;

/**
 * How much bass a piece has. {@link #HEAVY} puts a sub-bass (a sine an octave below the usual bass
 * register plus saturation) at the top of the mix, as electronic and hip-hop productions do: it is
 * the case where low-frequency energy swamps the onset and chroma cues that analysers rely on.
 */
public enum BassWeight {
  NONE,
  LIGHT,
  NORMAL,
  HEAVY
}
