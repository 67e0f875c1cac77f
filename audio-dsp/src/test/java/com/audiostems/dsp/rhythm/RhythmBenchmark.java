package com.audiostems.dsp.rhythm;

import com.audiostems.dsp.signal.MonoSignal;

/**
 * Speed of the whole rhythm analysis (own spectrogram included) on a 5-minute drum track at
 * 22.05 kHz, single-threaded: prints the best of several runs as seconds and × realtime. Run with
 * {@code java -cp <test classpath> com.audiostems.dsp.rhythm.RhythmBenchmark [runs]}.
 */
public final class RhythmBenchmark {

  private RhythmBenchmark() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    double seconds = 300;
    double[] beats = RhythmSignals.beatTimes(96, 104, seconds, 0.5);
    MonoSignal track = RhythmSignals.drums(beats, seconds, 4, 7);
    double best = Double.POSITIVE_INFINITY;
    RhythmAnalysis last = null;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      last = RhythmAnalyzer.analyze(track);
      double elapsed = (System.nanoTime() - start) / 1e9;
      best = Math.min(best, elapsed);
    }
    System.out.printf(
        "rhythm analysis of %.0f s at %d Hz: best of %d runs %.3f s = %.0f x realtime (tempo %.1f BPM, %d beats)%n",
        seconds, track.sampleRateHz(), runs, best, seconds / best, last.tempoBpm(), last.beatTimesSeconds().length);
  }
}
