package com.audiostems.dsp.structure;

/**
 * A coarse, heuristic song-part name (see {@link SectionRoles}): "intro-like", "chorus-like"… It
 * comes from position, repetition and energy only, not from lyrics or harmony, so read it as a hint
 * for browsing and edit points, not as a transcription.
 */
public enum SectionRole {
  INTRO,
  VERSE,
  CHORUS,
  BRIDGE,
  OUTRO
}
