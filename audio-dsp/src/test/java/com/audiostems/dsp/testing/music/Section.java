package com.audiostems.dsp.testing.music;

import java.util.EnumSet;
import java.util.Set;

/**
 * One section of a piece's form: it starts on a bar line, lasts {@code bars} bars, plays the {@code
 * parts} (intersected with the piece's {@link Instrumentation}) at a dynamic level. Sections with
 * the same label play the same chord progression and melody, as repeated verses and choruses do in
 * real songs, so that a structure analyser sees repetition as well as contrast.
 *
 * @param label e.g. "intro", "verse", "chorus", "bridge", "outro"
 * @param bars length in bars (the last section of a piece is stretched or cut to fill its duration)
 * @param energy dynamic level, 0..1 (velocities, brightness and level scale with it)
 * @param parts the instrument groups playing
 */
public record Section(String label, int bars, double energy, Set<Part> parts) {

  public Section {
    if (bars < 1) {
      throw new IllegalArgumentException("a section has at least one bar");
    }
    if (energy <= 0 || energy > 1) {
      throw new IllegalArgumentException("energy in (0, 1]: " + energy);
    }
    parts = parts.isEmpty() ? EnumSet.noneOf(Part.class) : EnumSet.copyOf(parts);
  }

  /** A section with every part. */
  public static Section of(String label, int bars, double energy) {
    return new Section(label, bars, energy, EnumSet.allOf(Part.class));
  }

  public static Section of(String label, int bars, double energy, Part first, Part... rest) {
    return new Section(label, bars, energy, EnumSet.of(first, rest));
  }

  public Section withBars(int b) {
    return new Section(label, b, energy, parts);
  }
}
