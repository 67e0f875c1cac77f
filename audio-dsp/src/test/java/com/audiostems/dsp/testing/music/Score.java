package com.audiostems.dsp.testing.music;

import java.util.ArrayList;
import java.util.List;

/**
 * What the arranger decided, in musical time (beats since the first beat, before swing and
 * humanisation): the notes, drum hits, pad chords, and where sections and chords fall.
 */
final class Score {

  /** Pitched monophonic voices rendered note by note. */
  enum Voice {
    BASS,
    CHORD,
    LEAD
  }

  /** Drum sounds. */
  enum Drum {
    KICK,
    SNARE,
    CLAP,
    RIM,
    HAT_CLOSED,
    HAT_OPEN,
    CRASH,
    TOM_HIGH,
    TOM_MID,
    TOM_LOW
  }

  record Note(double beat, double lengthBeats, int midi, double velocity, Voice voice) {}

  record Hit(double beat, Drum drum, double velocity) {}

  /** A sustained pad chord (rendered as one stereo unit, sharing one envelope and filter). */
  record PadChord(double beat, double lengthBeats, int[] midis, double velocity) {}

  record SectionAt(String label, int startBar, int bars, double energy) {}

  record ChordAt(int bar, Harmony.Chord chord) {}

  final List<Note> notes = new ArrayList<>();
  final List<Hit> hits = new ArrayList<>();
  final List<PadChord> pads = new ArrayList<>();
  final List<SectionAt> sections = new ArrayList<>();
  final List<ChordAt> chords = new ArrayList<>();
}
