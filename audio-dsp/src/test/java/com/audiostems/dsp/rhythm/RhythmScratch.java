package com.audiostems.dsp.rhythm;

import com.audiostems.dsp.signal.MonoSignal;

/** Scratch check during development. */
public final class RhythmScratch {
  public static void main(String[] args) {
    double sec = 30;
    double[] bpms = args.length > 0 ? java.util.Arrays.stream(args).mapToDouble(Double::parseDouble).toArray() : new double[] {62, 70, 93.5, 120, 140, 175};
    for (double bpm : bpms) {
      for (int bar : new int[] {4, 3}) {
        double[] beats = RhythmSignals.beatTimes(bpm, bpm, sec, 0.5);
        report("clicks " + bpm + " " + bar, RhythmSignals.clicks(beats, sec, bar, 2), bpm, bar, beats);
        report("drums  " + bpm + " " + bar, RhythmSignals.drums(beats, sec, bar, 1), bpm, bar, beats);
        report("chords " + bpm + " " + bar, RhythmSignals.chords(beats, sec, bar), bpm, bar, beats);
      }
    }
    double[] drift = RhythmSignals.beatTimes(100, 115, 60, 0.5);
    report("drift 100-115", RhythmSignals.drums(drift, 60, 4, 2), 107.5, 4, drift);
  }

  static void report(String label, MonoSignal x, double bpm, int bar, double[] truth) {
    RhythmAnalysis a = RhythmAnalyzer.analyze(x);
    double f = BeatEvaluation.fMeasure(truth, a.beatTimesSeconds(), 0.07);
    double meanOffset = BeatEvaluation.meanOffset(truth, a.beatTimesSeconds(), 0.07);
    System.out.printf("%-20s true %6.1f est %6.1f conf %.2f | bar %d est %d (%.2f) | F %.2f off %+.3f | var %.1f%% clarity %.2f rate %.1f  %s%n",
        label, bpm, a.tempoBpm(), a.tempo().confidence(), bar, a.beatsPerBar(), a.metreConfidence(), f, meanOffset,
        a.tempoVariationPercent(), a.pulseClarity(), a.onsetRatePerSecond(), a.tempo().candidates().subList(0, Math.min(3, a.tempo().candidates().size())));
  }
}
