package com.audiostems.dsp.testing.music;

import static com.audiostems.dsp.testing.music.Part.BASS;
import static com.audiostems.dsp.testing.music.Part.CHORDS;
import static com.audiostems.dsp.testing.music.Part.DRUMS;
import static com.audiostems.dsp.testing.music.Part.LEAD;
import static com.audiostems.dsp.testing.music.Part.PADS;

import java.util.ArrayList;
import java.util.List;

/** Ready-made song forms. */
public final class Forms {

  private Forms() {}

  /**
   * A pop song form fitted to {@code totalBars}: intro (pads and bass, quiet), verse (drums, bass,
   * chords, lead), chorus (everything, loud), verse, chorus, bridge (no drums), chorus, outro (pads
   * and chords, quiet). Sections are taken in order while they fit; the last one before the outro
   * is shortened, and the outro takes what is left (at least two bars), so that every section
   * boundary is a real change of instrumentation and level.
   */
  public static List<Section> song(int totalBars) {
    int phrase = 4;
    List<Section> template =
        List.of(
            Section.of("intro", phrase, 0.4, PADS, BASS, CHORDS),
            Section.of("verse", 2 * phrase, 0.65, DRUMS, BASS, CHORDS, LEAD),
            Section.of("chorus", 2 * phrase, 1.0),
            Section.of("verse", 2 * phrase, 0.65, DRUMS, BASS, CHORDS, LEAD),
            Section.of("chorus", 2 * phrase, 1.0),
            Section.of("bridge", 2 * phrase, 0.5, PADS, CHORDS, BASS),
            Section.of("chorus", 2 * phrase, 1.0));
    Section outro = Section.of("outro", phrase, 0.35, PADS, CHORDS);
    if (totalBars < 8) {
      return List.of(Section.of("main", Math.max(1, totalBars), 0.8));
    }
    List<Section> out = new ArrayList<>();
    int remaining = totalBars;
    int reserve = Math.min(phrase, 2 + totalBars / 16);
    for (Section s : template) {
      if (remaining - s.bars() >= reserve) {
        out.add(s);
        remaining -= s.bars();
      } else {
        int bars = remaining - reserve;
        if (bars >= 3) {
          out.add(s.withBars(bars));
          remaining -= bars;
        }
        break;
      }
    }
    out.add(outro.withBars(Math.max(1, remaining)));
    return out;
  }
}
