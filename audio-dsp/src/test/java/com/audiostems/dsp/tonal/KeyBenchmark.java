package com.audiostems.dsp.tonal;

import com.audiostems.dsp.signal.MonoSignal;
import java.util.Random;

/**
 * Speed of {@link KeyAnalyzer#analyze} on a 5-minute track at the analysis rate (22.05 kHz): chords
 * of 8-partial tones plus noise. Prints the best of several runs and × realtime.
 *
 * <p>Run: {@code ./mvnw -o -q -pl audio-dsp test-compile} then {@code java -cp
 * audio-dsp/target/classes:audio-dsp/target/test-classes:$TARSOS_JAR
 * com.audiostems.dsp.tonal.KeyBenchmark [seconds] [runs]}.
 */
public final class KeyBenchmark {

  private KeyBenchmark() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 300;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    MonoSignal cadence = TonalSignals.chords(TonalSignals.C_MAJOR_CADENCE, 2.0, 0, 8);
    float[] x = new float[(int) (seconds * cadence.sampleRateHz())];
    Random random = new Random(1);
    float[] c = cadence.samples();
    for (int i = 0; i < x.length; i++) {
      x[i] = c[i % c.length] + 0.02f * (float) random.nextGaussian();
    }
    MonoSignal track = new MonoSignal(x, cadence.sampleRateHz());
    double best = Double.MAX_VALUE;
    KeyEstimate estimate = null;
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      estimate = KeyAnalyzer.analyze(track);
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    System.out.printf(
        "key of %.0f s at %d Hz: best of %d runs %.3f s = %.0f x realtime (%s, confidence %.2f)%n",
        seconds,
        track.sampleRateHz(),
        runs,
        best,
        seconds / best,
        estimate.name(),
        estimate.confidence());
  }
}
