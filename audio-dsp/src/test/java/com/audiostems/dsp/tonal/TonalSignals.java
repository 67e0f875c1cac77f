package com.audiostems.dsp.tonal;

import com.audiostems.dsp.signal.MonoSignal;

/** Simple tonal test signals: chords of harmonic tones, each partial a sine, 1/h amplitudes. */
final class TonalSignals {

  static final int RATE_HZ = 22_050;

  private TonalSignals() {}

  /** Frequency of MIDI note {@code midi} with A4 = 440 Hz shifted by {@code tuningCents}. */
  static double hz(double midi, double tuningCents) {
    return 440.0 * Math.pow(2, (midi - 69 + tuningCents / 100) / 12);
  }

  /**
   * The chords one after another, {@code secondsEach} each; every note has {@code partials}
   * harmonics and a soft attack and decay so that chord changes are not clicks.
   */
  static MonoSignal chords(int[][] chords, double secondsEach, double tuningCents, int partials) {
    int per = (int) Math.round(secondsEach * RATE_HZ);
    float[] x = new float[per * chords.length];
    for (int c = 0; c < chords.length; c++) {
      for (int note : chords[c]) {
        double f0 = hz(note, tuningCents);
        for (int h = 1; h <= partials; h++) {
          double f = f0 * h;
          if (f > RATE_HZ / 2.0 - 500) {
            break;
          }
          double amp = 0.08 / h;
          // A rotating phasor instead of Math.sin per sample: these signals are long.
          double w = 2 * Math.PI * f / RATE_HZ;
          double cw = Math.cos(w);
          double sw = Math.sin(w);
          double re = 1;
          double im = 0;
          double decay = Math.exp(-1.5 / per);
          double env = 1;
          for (int i = 0; i < per; i++) {
            double attack = Math.min(1, i / (0.02 * RATE_HZ));
            x[c * per + i] += (float) (amp * attack * env * im);
            double r = re * cw - im * sw;
            im = re * sw + im * cw;
            re = r;
            env *= decay;
          }
        }
      }
    }
    return new MonoSignal(x, RATE_HZ);
  }

  /** Every chord and tone in {@code chords} moved by {@code semitones}. */
  static int[][] transpose(int[][] chords, int semitones) {
    int[][] out = new int[chords.length][];
    for (int c = 0; c < chords.length; c++) {
      out[c] = new int[chords[c].length];
      for (int n = 0; n < chords[c].length; n++) {
        out[c][n] = chords[c][n] + semitones;
      }
    }
    return out;
  }

  /** C major: I–IV–V–I–vi–ii–V–I with bass and a melody of the scale's notes. */
  static final int[][] C_MAJOR_CADENCE = {
    {36, 60, 64, 67, 72}, // C
    {41, 60, 65, 69, 74}, // F (melody D)
    {43, 59, 62, 67, 76}, // G (melody E)
    {36, 60, 64, 67, 77}, // C (melody F)
    {45, 60, 64, 69, 79}, // Am (melody G)
    {38, 62, 65, 69, 81}, // Dm (melody A)
    {43, 59, 62, 67, 83}, // G (melody B)
    {36, 60, 64, 67, 84}, // C
  };

  /** A minor with the harmonic minor's G#: i–iv–V–i–VI–iv–V–i. */
  static final int[][] A_MINOR_CADENCE = {
    {45, 57, 60, 64, 69}, // Am
    {38, 57, 62, 65, 71}, // Dm (melody B)
    {40, 56, 59, 64, 72}, // E (G#)
    {45, 57, 60, 64, 74}, // Am (melody D)
    {41, 57, 60, 65, 76}, // F (melody E)
    {38, 57, 62, 65, 77}, // Dm (melody F)
    {40, 56, 59, 64, 80}, // E (melody G#)
    {45, 57, 60, 64, 81}, // Am
  };
}
