package com.audiostems.dsp.rhythm;

import com.audiostems.dsp.signal.MonoSignal;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * Simple test signals with a known beat, at 22.05 kHz: click tracks, drum patterns, a drifting
 * click and a drumless chord pattern. Each sound is written at the exact time the beat grid says.
 */
final class RhythmSignals {

  static final int RATE = 22_050;

  private RhythmSignals() {}

  /** Beat times for a tempo that moves linearly from {@code startBpm} to {@code endBpm}. */
  static double[] beatTimes(double startBpm, double endBpm, double seconds, double firstBeat) {
    java.util.List<Double> out = new java.util.ArrayList<>();
    double t = firstBeat;
    while (t < seconds - 0.05) {
      out.add(t);
      double bpm = startBpm + (endBpm - startBpm) * (t / seconds);
      t += 60 / bpm;
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** A click on every beat, {@code accentGain} times louder on the first of each bar. */
  static MonoSignal clicks(double[] beats, double seconds, int beatsPerBar, double accentGain) {
    float[] x = new float[(int) (seconds * RATE)];
    for (int k = 0; k < beats.length; k++) {
      double gain = (k % beatsPerBar == 0) ? 0.5 * accentGain : 0.5;
      addClick(x, beats[k], gain);
    }
    return new MonoSignal(x, RATE);
  }

  /** Steady clicks at {@code bpm}. */
  static MonoSignal clicks(double bpm, double seconds) {
    return clicks(beatTimes(bpm, bpm, seconds, 0.5), seconds, 4, 1);
  }

  /**
   * A drum kit: kick on the first beat of each bar (and on 3 in 4/4), snare on the other beats of a
   * 3/4 bar or on 2 and 4 in 4/4, hi-hat on every eighth; a bass note on each downbeat.
   */
  static MonoSignal drums(double[] beats, double seconds, int beatsPerBar, long seed) {
    float[] x = new float[(int) (seconds * RATE)];
    Random random = new Random(seed);
    for (int k = 0; k < beats.length; k++) {
      int pos = k % beatsPerBar;
      double t = beats[k];
      double next = k + 1 < beats.length ? beats[k + 1] : t + (t - beats[Math.max(0, k - 1)]);
      boolean kick = pos == 0 || (beatsPerBar == 4 && pos == 2);
      if (kick) {
        addKick(x, t, 0.8);
      } else {
        addNoise(x, t, 0.5, 0.12, random, false);
      }
      addNoise(x, t, 0.12, 0.03, random, true);
      addNoise(x, 0.5 * (t + next), 0.12, 0.03, random, true);
      if (pos == 0) {
        addTone(x, t, 55 * Math.pow(2, (k / beatsPerBar % 4) * 5 / 12.0), 0.3, next - t + 0.2);
      }
    }
    return new MonoSignal(x, RATE);
  }

  /**
   * No drums: a three-note chord on each downbeat (a new chord every bar) and softer single notes
   * on the other beats, with 20 ms attacks.
   */
  static MonoSignal chords(double[] beats, double seconds, int beatsPerBar) {
    float[] x = new float[(int) (seconds * RATE)];
    double[] roots = {220, 174.6, 261.6, 196};
    for (int k = 0; k < beats.length; k++) {
      int bar = k / beatsPerBar;
      double root = roots[bar % roots.length];
      double t = beats[k];
      double len = 60.0 / 90;
      if (k % beatsPerBar == 0) {
        addTone(x, t, root, 0.25, len * beatsPerBar);
        addTone(x, t, root * 1.26, 0.2, len * beatsPerBar);
        addTone(x, t, root * 1.5, 0.2, len * beatsPerBar);
        addTone(x, t, root / 2, 0.3, len * beatsPerBar);
      } else {
        addTone(x, t, root * 2 * (k % 2 == 0 ? 1.5 : 1.26), 0.15, len);
      }
    }
    return new MonoSignal(x, RATE);
  }

  static void addClick(float[] x, double t, double gain) {
    add(
        x,
        t,
        0.02,
        i -> gain * Math.sin(2 * Math.PI * 1500 * i / RATE) * Math.exp(-i / (0.004 * RATE)));
  }

  static void addKick(float[] x, double t, double gain) {
    double[] phase = {0};
    add(
        x,
        t,
        0.25,
        i -> {
          double s = i / (double) RATE;
          double f = 50 + 80 * Math.exp(-s / 0.03);
          phase[0] += 2 * Math.PI * f / RATE;
          return gain * Math.sin(phase[0]) * Math.exp(-s / 0.12);
        });
  }

  static void addNoise(
      float[] x, double t, double gain, double decay, Random random, boolean high) {
    double[] last = {0};
    add(
        x,
        t,
        decay * 5,
        i -> {
          double n = random.nextGaussian();
          double v = high ? n - last[0] : n;
          last[0] = n;
          return gain * 0.5 * v * Math.exp(-i / (decay * RATE));
        });
  }

  static void addTone(float[] x, double t, double hz, double gain, double seconds) {
    double attack = 0.02;
    add(
        x,
        t,
        seconds,
        i -> {
          double s = i / (double) RATE;
          double env = Math.min(1, s / attack) * Math.exp(-s / Math.max(0.2, seconds / 2));
          return gain
              * env
              * (Math.sin(2 * Math.PI * hz * s) + 0.3 * Math.sin(4 * Math.PI * hz * s));
        });
  }

  private static void add(float[] x, double t, double seconds, DoubleUnaryOperator sample) {
    int start = (int) Math.round(t * RATE);
    int len = (int) (seconds * RATE);
    for (int i = 0; i < len && start + i < x.length; i++) {
      if (start + i >= 0) {
        x[start + i] += (float) sample.applyAsDouble(i);
      }
    }
  }
}
