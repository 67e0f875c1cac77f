package com.audiostems.dsp.testing.music;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Diatonic harmony in a key: chords on scale degrees, common progressions, voice-led voicings.
 * Minor keys take the harmonic-minor leading tone on V and vii (as in real tonal music), the
 * natural seventh elsewhere (VII, III), so both the relative major's collection and the raised
 * seventh occur, with the tonic triad on strong bars.
 */
final class Harmony {

  /** A chord: its root pitch class, the intervals above it, and its names. */
  record Chord(int degree, int rootPc, int[] intervals, String quality, String roman) {

    int[] pitchClasses() {
      int[] pcs = new int[intervals.length];
      for (int i = 0; i < pcs.length; i++) {
        pcs[i] = (rootPc + intervals[i]) % 12;
      }
      return pcs;
    }

    boolean contains(int pitchClass) {
      for (int pc : pitchClasses()) {
        if (pc == ((pitchClass % 12) + 12) % 12) {
          return true;
        }
      }
      return false;
    }
  }

  // Degrees are 1-based in these tables because that is how musicians write them.
  private static final int[][] MAJOR_VERSE = {
    {1, 5, 6, 4}, {1, 4, 5, 1}, {1, 6, 4, 5}, {1, 4, 6, 5}
  };
  private static final int[][] MAJOR_CHORUS = {
    {4, 1, 5, 6}, {1, 5, 4, 5}, {6, 4, 1, 5}, {2, 5, 1, 1}
  };
  private static final int[][] MAJOR_BRIDGE = {{4, 5, 3, 6}, {2, 4, 5, 5}, {6, 3, 4, 5}};
  private static final int[][] MINOR_VERSE = {
    {1, 6, 3, 7}, {1, 4, 5, 1}, {1, 7, 6, 5}, {1, 4, 7, 3}
  };
  private static final int[][] MINOR_CHORUS = {
    {6, 7, 1, 1}, {1, 6, 7, 5}, {4, 5, 1, 1}, {6, 3, 7, 1}
  };
  private static final int[][] MINOR_BRIDGE = {{4, 5, 6, 5}, {6, 7, 4, 5}, {3, 7, 6, 5}};
  private static final int[][] CADENCE_MAJOR = {{4, 5, 1, 1}, {2, 5, 1, 1}, {1, 4, 1, 1}};
  private static final int[][] CADENCE_MINOR = {{4, 5, 1, 1}, {6, 5, 1, 1}, {1, 4, 1, 1}};

  private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII"};

  private final int tonic;
  private final Mode mode;
  private final int[] scale;

  Harmony(int tonic, Mode mode) {
    this.tonic = tonic;
    this.mode = mode;
    this.scale = mode.scale();
  }

  int tonic() {
    return tonic;
  }

  Mode mode() {
    return mode;
  }

  /** Pitch class of a (0-based, any integer) scale degree. */
  int scalePc(int degree) {
    int d = Math.floorMod(degree, 7);
    return (tonic + scale[d]) % 12;
  }

  /** MIDI note of a scale step counted from the tonic in octave {@code baseMidiOfTonic}. */
  int scaleMidi(int baseMidiOfTonic, int step) {
    int oct = Math.floorDiv(step, 7);
    return baseMidiOfTonic + 12 * oct + scale[Math.floorMod(step, 7)];
  }

  /** Whether a pitch class is in the scale (the raised leading tone counts in minor). */
  boolean inScale(int pc) {
    int rel = Math.floorMod(pc - tonic, 12);
    for (int s : scale) {
      if (s == rel) {
        return true;
      }
    }
    return mode == Mode.MINOR && rel == 11;
  }

  /** The triad (or seventh chord) on a 1-based degree. */
  Chord chord(int degree1, boolean seventh) {
    int d = degree1 - 1;
    int root = scale[d];
    int[] rel = new int[seventh ? 4 : 3];
    for (int i = 0; i < rel.length; i++) {
      int idx = d + 2 * i;
      int pc = scale[idx % 7] + 12 * (idx / 7);
      // Harmonic minor: the dominant and leading-tone chords take the raised seventh.
      if (mode == Mode.MINOR && (d == 4 || d == 6) && scale[idx % 7] == 10) {
        pc += 1;
      }
      rel[i] = pc - root;
    }
    String quality = quality(rel);
    String roman = ROMAN[d];
    if (quality.startsWith("min")
        || quality.equals("m7")
        || quality.startsWith("dim")
        || quality.equals("m7b5")) {
      roman = roman.toLowerCase();
    }
    if (seventh) {
      roman += quality.equals("maj7") ? "maj7" : "7";
    }
    return new Chord(degree1, (tonic + root) % 12, rel, quality, roman);
  }

  private static String quality(int[] rel) {
    int third = rel[1];
    int fifth = rel[2];
    String triad =
        third == 4 && fifth == 7
            ? "maj"
            : third == 3 && fifth == 7 ? "min" : third == 3 && fifth == 6 ? "dim" : "aug";
    if (rel.length == 3) {
      return triad;
    }
    int seventh = rel[3];
    return switch (triad) {
      case "maj" -> seventh == 11 ? "maj7" : "7";
      case "min" -> "m7";
      case "dim" -> seventh == 10 ? "m7b5" : "dim7";
      default -> "aug";
    };
  }

  /**
   * The progression (one chord per bar, cycled) for a section label; the same label and seed always
   * give the same progression, so repeated sections repeat their harmony.
   */
  List<Chord> progression(String label, long seed) {
    RandomGenerator rng = Rng.of(seed, "progression:" + label);
    boolean minor = mode == Mode.MINOR;
    int[][] table =
        switch (label) {
          case "chorus" -> minor ? MINOR_CHORUS : MAJOR_CHORUS;
          case "bridge" -> minor ? MINOR_BRIDGE : MAJOR_BRIDGE;
          case "outro" -> minor ? CADENCE_MINOR : CADENCE_MAJOR;
          default -> minor ? MINOR_VERSE : MAJOR_VERSE;
        };
    if (label.equals("intro")) {
      rng = Rng.of(seed, "progression:verse");
    }
    int[] degrees = table[rng.nextInt(table.length)];
    List<Chord> out = new ArrayList<>();
    for (int deg : degrees) {
      // Sevenths on the dominant and supertonic mostly, where pop and jazz put them.
      double p7 = (deg == 5 || deg == 2) ? 0.4 : deg == 1 ? 0.0 : 0.15;
      out.add(chord(deg, rng.nextDouble() < p7));
    }
    return out;
  }

  /**
   * A close-position voicing of the chord near {@code centre} (MIDI), voice-led from the previous
   * voicing: the inversion whose mean pitch is closest to where the previous one was wins, so
   * inversions arise as they do in practice.
   */
  int[] voicing(Chord chord, double centre, int[] previous, RandomGenerator rng) {
    double target = centre;
    if (previous != null) {
      double mean = 0;
      for (int p : previous) {
        mean += p;
      }
      target = 0.6 * (mean / previous.length) + 0.4 * centre;
    }
    int n = chord.intervals().length;
    int[] best = null;
    double bestCost = Double.MAX_VALUE;
    for (int inversion = 0; inversion < n; inversion++) {
      for (int octave = 3; octave <= 6; octave++) {
        int[] v = new int[n];
        int base = 12 * (octave + 1) + chord.rootPc();
        for (int i = 0; i < n; i++) {
          int k = (i + inversion) % n;
          v[i] = base + chord.intervals()[k] + (i + inversion >= n ? 12 : 0);
        }
        double mean = 0;
        for (int p : v) {
          mean += p;
        }
        double cost = Math.abs(mean / n - target) + 0.5 * rng.nextDouble();
        if (cost < bestCost) {
          bestCost = cost;
          best = v;
        }
      }
    }
    return best;
  }
}
