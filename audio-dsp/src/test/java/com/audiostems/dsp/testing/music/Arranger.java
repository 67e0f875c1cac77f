package com.audiostems.dsp.testing.music;

import com.audiostems.dsp.testing.music.Harmony.Chord;
import com.audiostems.dsp.testing.music.Score.Drum;
import com.audiostems.dsp.testing.music.Score.Voice;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Writes the score of a piece: the form laid out on bars, a progression per section, and the parts
 * (drums, bass, chords, pads, melody) in the style's rhythms. Everything is in beats; the
 * synthesiser maps beats to seconds afterwards, so the grid stays exact whatever the drift.
 */
final class Arranger {

  private final PieceSpec spec;
  private final Harmony harmony;
  private final int bpb;
  private final int totalBars;
  private final int totalBeats;
  private final Style style;
  private final Score score = new Score();
  private final RandomGenerator drumRng;
  private final RandomGenerator bassRng;
  private final RandomGenerator chordRng;
  private final RandomGenerator leadRng;
  private final Map<String, List<double[]>> motifs = new HashMap<>();
  private int[] lastVoicing;
  private int lastLead = -1;

  Arranger(PieceSpec spec) {
    this.spec = spec;
    this.harmony = new Harmony(spec.tonicPitchClass(), spec.mode());
    this.bpb = spec.beatsPerBar();
    this.totalBeats = spec.beatCount();
    this.totalBars = spec.barCount();
    this.style = spec.style();
    this.drumRng = Rng.of(spec.seed(), "drums");
    this.bassRng = Rng.of(spec.seed(), "bass");
    this.chordRng = Rng.of(spec.seed(), "chords");
    this.leadRng = Rng.of(spec.seed(), "lead");
  }

  Score arrange() {
    layOutSections();
    List<Score.SectionAt> sections = score.sections;
    for (int si = 0; si < sections.size(); si++) {
      Score.SectionAt s = sections.get(si);
      boolean last = si == sections.size() - 1;
      Set<Part> parts = partsOf(si);
      List<Chord> progression = harmony.progression(s.label(), spec.seed());
      for (int i = 0; i < s.bars(); i++) {
        int bar = s.startBar() + i;
        Chord chord = progression.get(i % progression.size());
        if (bar == totalBars - 1) {
          // Pieces end on the tonic, as nearly all tonal music does.
          chord = harmony.chord(1, false);
        }
        Chord next = i + 1 < s.bars() ? progression.get((i + 1) % progression.size()) : null;
        if (next == null && !last) {
          next = harmony.progression(sections.get(si + 1).label(), spec.seed()).get(0);
        }
        if (next == null) {
          next = chord;
        }
        score.chords.add(new Score.ChordAt(bar, chord));
        boolean sectionEnd = i == s.bars() - 1 && !last;
        boolean fill = sectionEnd || (i % 8 == 7);
        boolean crash = (i == 0 && si > 0) || (i % 8 == 0 && i > 0);
        double e = s.energy();
        if (parts.contains(Part.DRUMS)) {
          drums(bar, e, fill, crash && e >= 0.6, i);
        }
        if (parts.contains(Part.BASS)) {
          bass(bar, chord, next, e);
        }
        if (parts.contains(Part.CHORDS)) {
          chordPart(bar, chord, e);
        }
        if (parts.contains(Part.PADS)) {
          pad(bar, chord, e);
        }
        if (parts.contains(Part.LEAD)) {
          lead(bar, i, s.label(), chord, e, s.bars());
        }
      }
    }
    // Drop anything that would start after the audio ends.
    score.notes.removeIf(n -> n.beat() >= totalBeats);
    score.hits.removeIf(h -> h.beat() >= totalBeats);
    score.pads.removeIf(p -> p.beat() >= totalBeats);
    return score;
  }

  private void layOutSections() {
    List<Section> form =
        spec.sections().isEmpty() ? List.of(Section.of("main", totalBars, 0.8)) : spec.sections();
    int bar = 0;
    for (int i = 0; i < form.size() && bar < totalBars; i++) {
      Section s = form.get(i);
      int bars = i == form.size() - 1 ? totalBars - bar : Math.min(s.bars(), totalBars - bar);
      score.sections.add(new Score.SectionAt(s.label(), bar, bars, s.energy()));
      bar += bars;
    }
  }

  private Set<Part> partsOf(int sectionIndex) {
    Set<Part> parts =
        spec.sections().isEmpty()
            ? EnumSet.allOf(Part.class)
            : EnumSet.copyOf(
                spec.sections().get(sectionIndex).parts().isEmpty()
                    ? EnumSet.noneOf(Part.class)
                    : spec.sections().get(sectionIndex).parts());
    parts.removeIf(p -> !spec.instrumentation().has(p));
    return parts;
  }

  /** Metrical accent: the downbeat strongest, then beats, then off-beats, then sixteenths. */
  private double accent(double pos) {
    double frac = pos - Math.floor(pos);
    if (pos == 0) {
      return 1.0;
    }
    if (frac == 0) {
      return (bpb == 4 && pos == 2) ? 0.92 : 0.85;
    }
    return Math.abs(frac - 0.5) < 1e-9 ? 0.72 : 0.58;
  }

  private double vel(RandomGenerator rng, double base, double pos, double energy) {
    double v =
        base * accent(pos) * (0.55 + 0.45 * energy) * (1 + 0.12 * (rng.nextDouble() - 0.5) * 2);
    return Math.max(0.05, Math.min(1.0, v));
  }

  private void hit(int bar, double pos, Drum d, double velocity) {
    score.hits.add(new Score.Hit(bar * bpb + pos, d, velocity));
  }

  // ---------------------------------------------------------------- drums

  private void drums(int bar, double e, boolean fill, boolean crash, int barInSection) {
    RandomGenerator r = drumRng;
    double fillFrom = fill ? (e >= 0.8 ? bpb - 2 : bpb - 1) : bpb;
    if (crash) {
      hit(bar, 0, Drum.CRASH, vel(r, 0.9, 0, e));
    }
    switch (style) {
      case ELECTRONIC -> {
        for (int b = 0; b < bpb; b++) {
          hit(bar, b, Drum.KICK, vel(r, 1.0, b, 1.0));
          if (b + 0.5 < fillFrom) {
            hit(bar, b + 0.5, Drum.HAT_OPEN, vel(r, 0.6, b + 0.5, e));
          }
          if (e >= 0.7) {
            hit(bar, b + 0.25, Drum.HAT_CLOSED, vel(r, 0.35, b + 0.25, e));
            hit(bar, b + 0.75, Drum.HAT_CLOSED, vel(r, 0.35, b + 0.75, e));
          }
          if (b % 2 == 1 && b < fillFrom) {
            hit(bar, b, Drum.CLAP, vel(r, 0.85, b, e));
          }
        }
        if (fill) {
          // Electronic "fill": a snare roll building into the next section.
          for (double p = fillFrom; p < bpb - 1e-9; p += 0.25) {
            hit(bar, p, Drum.SNARE, 0.35 + 0.6 * (p - fillFrom) / (bpb - fillFrom));
          }
        }
        return;
      }
      case FUNK -> {
        double[] kicks =
            (barInSection % 2 == 0)
                ? new double[] {0, 0.75, 2.5}
                : new double[] {0, 0.75, 2.5, 3.25};
        for (double k : kicks) {
          if (k < bpb && (k < fillFrom || k == 0)) {
            hit(bar, k, Drum.KICK, vel(r, 0.95, k, e));
          }
        }
        for (double p = 0; p < Math.min(bpb, fillFrom) - 1e-9; p += 0.25) {
          boolean eighth = Math.abs(p * 2 - Math.rint(p * 2)) < 1e-9;
          hit(bar, p, Drum.HAT_CLOSED, vel(r, eighth ? 0.55 : 0.3, p, e));
        }
        for (int b = 1; b < bpb; b += 2) {
          if (b < fillFrom) {
            hit(bar, b, Drum.SNARE, vel(r, 0.95, b, e));
          }
        }
        for (double g : new double[] {1.75, 2.25, 3.75}) {
          if (g < fillFrom && r.nextDouble() < 0.7) {
            hit(bar, g, Drum.SNARE, 0.12 + 0.08 * r.nextDouble()); // ghost notes
          }
        }
      }
      case HIP_HOP -> {
        double[] kicks =
            r.nextDouble() < 0.5 ? new double[] {0, 0.75, 2.5} : new double[] {0, 1.75, 2.5};
        for (double k : kicks) {
          if (k < bpb && (k < fillFrom || k == 0)) {
            hit(bar, k, Drum.KICK, vel(r, 1.0, k, e));
          }
        }
        for (double p = 0; p < Math.min(bpb, fillFrom) - 1e-9; p += 0.5) {
          hit(bar, p, Drum.HAT_CLOSED, vel(r, 0.5, p, e));
        }
        for (int b = 1; b < bpb; b += 2) {
          if (b < fillFrom) {
            hit(bar, b, Drum.SNARE, vel(r, 1.0, b, e));
          }
        }
      }
      case WALTZ -> {
        hit(bar, 0, Drum.KICK, vel(r, 0.75, 0, e));
        for (int b = 1; b < Math.min(bpb, fillFrom); b++) {
          hit(bar, b, Drum.RIM, vel(r, 0.55, b, e));
          hit(bar, b, Drum.HAT_CLOSED, vel(r, 0.4, b, e));
        }
        hit(bar, 0, Drum.HAT_CLOSED, vel(r, 0.45, 0, e));
      }
      case BALLAD, AMBIENT -> {
        // Half-time and sparse: kick on 1, snare (or rim) on the middle of the bar, quarter hats.
        hit(bar, 0, Drum.KICK, vel(r, 0.8, 0, e));
        int mid = 2; // beat 3 in both 4/4 (half-time backbeat) and 3/4
        if (mid < fillFrom) {
          hit(bar, mid, style == Style.AMBIENT ? Drum.RIM : Drum.SNARE, vel(r, 0.7, mid, e));
        }
        if (bpb == 4 && 2.5 < fillFrom && r.nextDouble() < 0.5) {
          hit(bar, 2.5, Drum.KICK, vel(r, 0.6, 2.5, e));
        }
        for (int b = 0; b < Math.min(bpb, fillFrom); b++) {
          hit(bar, b, Drum.HAT_CLOSED, vel(r, 0.35, b, e));
        }
      }
      default -> { // POP_ROCK
        double[][] kickVariants =
            bpb == 4
                ? new double[][] {{0, 2}, {0, 2, 2.5}, {0, 1.5, 2}, {0, 0.5, 2}}
                : new double[][] {{0}, {0, 1.5}, {0, 0.5}};
        double[] kicks =
            kickVariants[barInSection % 4 == 3 ? r.nextInt(kickVariants.length) : barInSection % 2];
        for (double k : kicks) {
          if (k < fillFrom || k == 0) {
            hit(bar, k, Drum.KICK, vel(r, 1.0, k, e));
          }
        }
        int[] snares = bpb == 4 ? new int[] {1, 3} : new int[] {2};
        for (int s : snares) {
          if (s < fillFrom) {
            hit(bar, s, Drum.SNARE, vel(r, 1.0, s, e));
          }
        }
        for (double p = 0; p < Math.min(bpb, fillFrom) - 1e-9; p += 0.5) {
          boolean open = p == bpb - 0.5 && barInSection % 2 == 1;
          hit(bar, p, open ? Drum.HAT_OPEN : Drum.HAT_CLOSED, vel(r, open ? 0.6 : 0.55, p, e));
        }
      }
    }
    if (fill) {
      // A fill: sixteenths (eighths when slow enough to matter little) down the toms, crescendo.
      Drum[] toms = {Drum.SNARE, Drum.TOM_HIGH, Drum.TOM_MID, Drum.TOM_LOW};
      double step = spec.tempoBpm() > 150 ? 0.5 : 0.25;
      int n = (int) Math.round((bpb - fillFrom) / step);
      for (int i = 0; i < n; i++) {
        double p = fillFrom + i * step;
        if (r.nextDouble() < 0.15 && i > 0) {
          continue; // a rest inside the fill, as drummers leave
        }
        Drum d = toms[Math.min(toms.length - 1, i * toms.length / n)];
        hit(bar, p, d, Math.min(1, (0.5 + 0.5 * i / Math.max(1, n - 1)) * (0.6 + 0.4 * e)));
      }
      if (fillFrom > 0 && style != Style.FUNK && style != Style.HIP_HOP) {
        hit(bar, fillFrom, Drum.KICK, vel(r, 0.8, fillFrom, e));
      }
    }
  }

  // ---------------------------------------------------------------- bass

  private int bassMidi(int pc) {
    // Normal bass sits in E1..D#2 .. C2..B2; heavy bass lives an octave lower, where the sub is.
    int low = spec.instrumentation().bass() == BassWeight.HEAVY ? 28 : 36;
    int m = low + Math.floorMod(pc - low, 12);
    return m;
  }

  private void bassNote(int bar, double pos, double len, int midi, double v) {
    score.notes.add(new Score.Note(bar * bpb + pos, len, midi, v, Voice.BASS));
  }

  private void bass(int bar, Chord chord, Chord next, double e) {
    RandomGenerator r = bassRng;
    int root = bassMidi(chord.rootPc());
    int fifth = root + 7;
    int nextRoot = bassMidi(next.rootPc());
    switch (style) {
      case WALTZ ->
          bassNote(
              bar,
              0,
              0.9,
              bar % 2 == 0 ? root : (fifth > 47 ? fifth - 12 : fifth),
              vel(r, 0.9, 0, e));
      case BALLAD -> {
        bassNote(bar, 0, bpb == 4 ? 2 : 3, root, vel(r, 0.85, 0, e));
        if (bpb == 4) {
          bassNote(bar, 2, 2, r.nextDouble() < 0.5 ? root : fifth, vel(r, 0.75, 2, e));
        }
      }
      case AMBIENT -> bassNote(bar, 0, bpb, root, vel(r, 0.7, 0, e));
      case ELECTRONIC -> {
        // Sub on the downbeat under the kick, then off-beat stabs: the classic pump.
        for (int b = 0; b < bpb; b++) {
          bassNote(bar, b + 0.5, 0.42, root, vel(r, 0.95, b + 0.5, 1.0));
        }
      }
      case HIP_HOP -> {
        bassNote(bar, 0, 1.5, root, vel(r, 1.0, 0, e));
        if (bpb == 4) {
          bassNote(bar, 2.5, 1.4, r.nextDouble() < 0.7 ? root : nextRoot, vel(r, 0.9, 2.5, e));
        }
      }
      case FUNK -> {
        double[][] pat = {
          {0, 0.25, 0},
          {0.75, 0.2, 12},
          {1.5, 0.25, 0},
          {2, 0.4, 7},
          {2.75, 0.2, 12},
          {3.25, 0.2, 10},
          {3.5, 0.4, 0}
        };
        for (double[] p : pat) {
          if (p[0] < bpb) {
            int off = (int) p[2];
            if (off == 10 && !harmony.inScale(chord.rootPc() + 10)) {
              off = 12;
            }
            bassNote(bar, p[0], p[1], root + off, vel(r, 0.95, p[0], e));
          }
        }
      }
      default -> {
        for (double p = 0; p < bpb - 1e-9; p += 0.5) {
          int m = root;
          if (p == bpb - 0.5 && r.nextDouble() < 0.5 && nextRoot != root) {
            // Approach note: a scale step towards the next chord's root.
            m = nextRoot + (nextRoot > root ? -1 : 1);
            if (!harmony.inScale(m)) {
              m += nextRoot > root ? -1 : 1;
            }
          } else if (p == 2 && r.nextDouble() < 0.25) {
            m = fifth > 47 ? fifth - 12 : fifth;
          }
          bassNote(bar, p, 0.45, m, vel(r, 0.9, p, e));
        }
      }
    }
  }

  // ---------------------------------------------------------------- chords (plucked / piano)

  private void chordPart(int bar, Chord chord, double e) {
    RandomGenerator r = chordRng;
    int[] voicing = harmony.voicing(chord, 63, lastVoicing, r);
    lastVoicing = voicing;
    switch (style) {
      case WALTZ -> {
        for (int b = 1; b < bpb; b++) {
          stab(bar, b, 0.8, voicing, vel(r, 0.6, b, e));
        }
        if (bpb != 3) {
          stab(bar, 0, 0.8, voicing, vel(r, 0.5, 0, e));
        }
      }
      case BALLAD -> {
        // Broken chord in eighths, each note held (sustain pedal) to the bar line.
        int[] arp = new int[voicing.length + 1];
        System.arraycopy(voicing, 0, arp, 0, voicing.length);
        arp[voicing.length] = voicing[0] + 12;
        int steps = bpb * 2;
        for (int i = 0; i < steps; i++) {
          int idx = i < arp.length ? i : 2 * arp.length - 2 - (i % (2 * arp.length - 2));
          idx = Math.max(0, Math.min(arp.length - 1, idx));
          double p = i * 0.5;
          score.notes.add(
              new Score.Note(
                  bar * bpb + p, bpb - p + 0.3, arp[idx], vel(r, 0.6, p, e), Voice.CHORD));
        }
      }
      case ELECTRONIC -> {
        for (int b = 0; b < bpb; b++) {
          stab(bar, b + 0.5, 0.25, voicing, vel(r, 0.55, b + 0.5, e));
        }
      }
      case FUNK -> {
        double[] pos = {0.5, 1.25, 1.75, 2.5, 3.25, 3.75};
        for (double p : pos) {
          if (p < bpb) {
            stab(bar, p, 0.18, voicing, vel(r, 0.6, p, e));
          }
        }
      }
      case HIP_HOP -> {
        stab(bar, 0, 2, voicing, vel(r, 0.55, 0, e));
        if (bpb == 4) {
          stab(bar, 2.5, 1.5, voicing, vel(r, 0.5, 2.5, e));
        }
      }
      case AMBIENT -> {
        // Sparse bell-like chord tones.
        for (double p = 0; p < bpb; p += 1.5) {
          if (r.nextDouble() < 0.6) {
            int m = voicing[r.nextInt(voicing.length)] + 12;
            score.notes.add(new Score.Note(bar * bpb + p, 2, m, vel(r, 0.4, p, e), Voice.CHORD));
          }
        }
      }
      default -> { // POP_ROCK
        double[][] patterns =
            bpb == 4
                ? new double[][] {{0, 1.5}, {1.5, 1.0}, {3, 1}}
                : new double[][] {{0, 1}, {1, 1}, {2, 1}};
        if (bpb == 4 && e < 0.6) {
          patterns = new double[][] {{0, 2}, {2, 2}};
        }
        for (double[] p : patterns) {
          stab(bar, p[0], p[1], voicing, vel(r, 0.65, p[0], e));
        }
      }
    }
  }

  private void stab(int bar, double pos, double len, int[] voicing, double v) {
    for (int m : voicing) {
      score.notes.add(new Score.Note(bar * bpb + pos, len, m, v, Voice.CHORD));
    }
  }

  // ---------------------------------------------------------------- pads

  private void pad(int bar, Chord chord, double e) {
    // Pads take a wider, lower voicing: root below, then the chord in close position.
    int root = 48 + Math.floorMod(chord.rootPc() - 48, 12);
    int[] upper = harmony.voicing(chord, 64, null, chordRng);
    int[] midis = new int[upper.length + 1];
    midis[0] = root;
    System.arraycopy(upper, 0, midis, 1, upper.length);
    score.pads.add(new Score.PadChord(bar * bpb, bpb, midis, 0.5 + 0.5 * e));
  }

  // ---------------------------------------------------------------- melody

  private static final double[][] RHYTHMS_4 = {
    {1, 1, 1, 1},
    {1.5, 0.5, 1, 1},
    {0.5, 0.5, 1, 2},
    {1, 0.5, 0.5, 1, 1},
    {2, 1, 1},
    {-1, 1, 1, 1},
    {0.5, 0.5, 0.5, 0.5, 2},
    {1, 1, 2},
    {-0.5, 0.5, 1, 0.5, 0.5, 1}
  };
  private static final double[][] ENDINGS_4 = {{2, 2}, {3, -1}, {1, 3}, {1.5, 0.5, 2}};
  private static final double[][] RHYTHMS_3 = {
    {1, 1, 1}, {2, 1}, {1.5, 0.5, 1}, {1, 0.5, 0.5, 1}, {-1, 1, 1}, {0.5, 0.5, 2}
  };
  private static final double[][] ENDINGS_3 = {{3}, {2, -1}, {1, 2}};

  /**
   * A two-bar motif per section label: rhythm plus a melodic contour in scale steps. Bars 1-2 of
   * each four-bar phrase play it, bars 3-4 play it again with a cadential ending.
   */
  private List<double[]> motif(String label, boolean slow) {
    return motifs.computeIfAbsent(
        label,
        l -> {
          RandomGenerator r = Rng.of(spec.seed(), "motif:" + l);
          double[][] rhythms = bpb == 3 ? RHYTHMS_3 : RHYTHMS_4;
          double[][] endings = bpb == 3 ? ENDINGS_3 : ENDINGS_4;
          List<double[]> bars = new ArrayList<>();
          double[] a = rhythms[r.nextInt(slow ? rhythms.length : rhythms.length - 2)];
          double[] b = rhythms[r.nextInt(rhythms.length)];
          double[] c = endings[r.nextInt(endings.length)];
          for (double[] rh : new double[][] {a, b, a, c}) {
            double[] steps = new double[rh.length];
            for (int i = 0; i < steps.length; i++) {
              steps[i] = r.nextInt(5) - 2; // contour: steps of -2..+2 scale degrees
            }
            double[] row = new double[rh.length * 2];
            for (int i = 0; i < rh.length; i++) {
              row[2 * i] = rh[i];
              row[2 * i + 1] = steps[i];
            }
            bars.add(row);
          }
          return bars;
        });
  }

  private void lead(
      int bar, int barInSection, String label, Chord chord, double e, int sectionBars) {
    RandomGenerator r = leadRng;
    boolean slow = spec.tempoBpm() < 100;
    List<double[]> m = motif(label, slow);
    double[] row = m.get(barInSection % 4);
    if (barInSection == sectionBars - 1 && barInSection % 4 != 3) {
      row = m.get(3);
    }
    int tonicMidi = 60 + spec.tonicPitchClass();
    if (tonicMidi > 66) {
      tonicMidi -= 12;
    }
    int lo = tonicMidi + 2;
    int hi = tonicMidi + 19;
    if (lastLead < 0) {
      lastLead = tonicMidi + 7;
    }
    double pos = 0;
    for (int i = 0; i < row.length; i += 2) {
      double len = row[i];
      int step = (int) row[i + 1];
      if (len < 0) {
        pos += -len;
        continue;
      }
      boolean strong = pos == 0 || (bpb == 4 && pos == 2);
      int target = lastLead + step * 2;
      if (target < lo) {
        target += 5;
      }
      if (target > hi) {
        target -= 5;
      }
      int midi = strong ? nearestChordTone(target, chord) : nearestScaleTone(target, chord);
      double legato = len * (0.85 + 0.1 * r.nextDouble());
      score.notes.add(
          new Score.Note(bar * bpb + pos, legato, midi, vel(r, 0.75, pos, e), Voice.LEAD));
      lastLead = midi;
      pos += len;
    }
  }

  private static int nearestChordTone(int target, Chord chord) {
    for (int d = 0; d < 12; d++) {
      if (chord.contains(target - d)) {
        return target - d;
      }
      if (chord.contains(target + d)) {
        return target + d;
      }
    }
    return target;
  }

  private int nearestScaleTone(int target, Chord chord) {
    for (int d = 0; d < 12; d++) {
      for (int m : new int[] {target - d, target + d}) {
        // In minor, the raised seventh only over the dominant, where it belongs.
        int rel = Math.floorMod(m - harmony.tonic(), 12);
        boolean ok =
            harmony.mode() == Mode.MINOR
                ? (rel == 11
                    ? chord.contains(m)
                    : (rel != 11 && harmony.inScale(m)) && !(rel == 10 && chord.contains(m + 1)))
                : harmony.inScale(m);
        if (ok) {
          return m;
        }
      }
    }
    return target;
  }
}
