package com.audiostems.dsp.rhythm;

import com.audiostems.dsp.signal.MonoSignal;
import com.audiostems.dsp.signal.Resampler;
import com.audiostems.dsp.testing.music.AccuracySuite;
import com.audiostems.dsp.testing.music.MusicSynth;
import com.audiostems.dsp.testing.music.SynthesizedPiece;

/**
 * Speed of the whole rhythm analysis (front end from PCM included) on 5 minutes of analysis-rate
 * mono, single-threaded: the first suite piece (pop, 40 s, drums, bass, chords) repeated to 300 s.
 * Prints the best of several runs as seconds and × realtime. Not a test (no timing assertions):
 *
 * <pre>
 * java -XX:ActiveProcessorCount=1 -cp &lt;test classpath&gt; com.audiostems.dsp.rhythm.RhythmBenchmark [runs]
 * </pre>
 */
public final class RhythmBenchmark {

  static final double SECONDS = 300;

  private RhythmBenchmark() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    SynthesizedPiece piece = MusicSynth.render(AccuracySuite.pieces().get(0));
    MonoSignal mono = piece.mono();
    MonoSignal once = Resampler.toAnalysisRate(mono.samples(), mono.sampleRateHz());
    float[] track = new float[(int) (SECONDS * once.sampleRateHz())];
    for (int i = 0; i < track.length; i++) {
      track[i] = once.samples()[i % once.samples().length];
    }
    MonoSignal signal = new MonoSignal(track, once.sampleRateHz());
    double best = Double.POSITIVE_INFINITY;
    RhythmAnalysis last = null;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      last = RhythmAnalyzer.analyze(signal);
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
    }
    System.out.printf(
        "rhythm analysis of %.0f s at %d Hz (%s repeated): best of %d runs %.3f s = %.0f x realtime"
            + " (tempo %.2f BPM, %d beats)%n",
        SECONDS,
        signal.sampleRateHz(),
        piece.label(),
        runs,
        best,
        SECONDS / best,
        last.tempoBpm(),
        last.beatTimesSeconds().length);
  }
}
