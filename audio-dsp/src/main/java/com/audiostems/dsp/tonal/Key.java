package com.audiostems.dsp.tonal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A major or minor key: its tonic as a pitch class (0 = C, 1 = C#/Db, … 11 = B) and its mode. */
public record Key(int tonicPitchClass, Mode mode) {

  /**
   * Tonic spellings, one per pitch class, as the key signature with fewer accidentals spells them
   * (and as DJ software and the Camelot wheel print them): Db major rather than C# major, F# major
   * (6 sharps, a tie with Gb) and so on.
   */
  private static final String[] MAJOR_TONICS = {
    "C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"
  };

  /** Minor keys: C# minor (4 sharps, not Db minor's 8 flats), Eb minor (a 6/6 tie), G# minor. */
  private static final String[] MINOR_TONICS = {
    "C", "C#", "D", "Eb", "E", "F", "F#", "G", "G#", "A", "Bb", "B"
  };

  private static final List<Key> ALL = allKeys();

  public Key {
    if (tonicPitchClass < 0 || tonicPitchClass > 11) {
      throw new IllegalArgumentException("tonic pitch class must be 0..11, got " + tonicPitchClass);
    }
    if (mode == null) {
      throw new IllegalArgumentException("mode is required");
    }
  }

  /** The 24 keys: C major .. B major, then C minor .. B minor. Index = {@link #index()}. */
  public static List<Key> all() {
    return ALL;
  }

  /** The key of index 0..23 in {@link #all()}. */
  public static Key ofIndex(int index) {
    return ALL.get(index);
  }

  /** 0..11 for the major keys by tonic, 12..23 for the minor keys. */
  public int index() {
    return (mode == Mode.MAJOR ? 0 : 12) + tonicPitchClass;
  }

  /** "A minor", "F# major", "Bb major". */
  public String name() {
    String tonic =
        mode == Mode.MAJOR ? MAJOR_TONICS[tonicPitchClass] : MINOR_TONICS[tonicPitchClass];
    return tonic + " " + mode.label();
  }

  /** The key that shares this key's signature in the other mode (C major ↔ A minor). */
  public Key relative() {
    return mode == Mode.MAJOR
        ? new Key((tonicPitchClass + 9) % 12, Mode.MINOR)
        : new Key((tonicPitchClass + 3) % 12, Mode.MAJOR);
  }

  /** The key on the same tonic in the other mode. */
  public Key parallel() {
    return new Key(tonicPitchClass, mode == Mode.MAJOR ? Mode.MINOR : Mode.MAJOR);
  }

  /** How {@code other} stands to this key (symmetric). */
  public KeyRelation relationTo(Key other) {
    int interval = Math.floorMod(other.tonicPitchClass - tonicPitchClass, 12);
    if (other.mode == mode) {
      if (interval == 0) {
        return KeyRelation.SAME;
      }
      return interval == 7 || interval == 5 ? KeyRelation.FIFTH : KeyRelation.OTHER;
    }
    if (interval == 0) {
      return KeyRelation.PARALLEL;
    }
    return other.equals(relative()) ? KeyRelation.RELATIVE : KeyRelation.OTHER;
  }

  @Override
  public String toString() {
    return name();
  }

  private static List<Key> allKeys() {
    List<Key> keys = new ArrayList<>(24);
    for (Mode mode : Mode.values()) {
      for (int pc = 0; pc < 12; pc++) {
        keys.add(new Key(pc, mode));
      }
    }
    return Collections.unmodifiableList(keys);
  }
}
