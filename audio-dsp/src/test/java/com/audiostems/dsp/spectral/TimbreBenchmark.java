package com.audiostems.dsp.spectral;

import com.audiostems.dsp.signal.Spectrogram;
import com.audiostems.dsp.signal.Stft;
import com.audiostems.dsp.structure.StructureAnalysis;
import com.audiostems.dsp.structure.StructureAnalyzer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

/**
 * Speed of the timbre and structure analysis on a 5-minute track at 22.05 kHz, from the shared
 * spectrogram (frame 2048, hop 512), on one thread; the spectrogram's own cost is printed apart.
 * Prints the best of several runs (the machine is shared; the best run is the least disturbed), as
 * wall time and as this thread's CPU time (which leaves out time the thread spent descheduled by
 * other processes, but not their cache and memory-bandwidth contention).
 *
 * <p>Run (Java 21+, optional argument: number of runs, default 15):
 *
 * <pre>
 * ./mvnw -o -q -pl audio-dsp test-compile
 * java -cp audio-dsp/target/classes:audio-dsp/target/test-classes:$HOME/.m2/repository/com/github/st-h/TarsosDSP/2.4.1/TarsosDSP-2.4.1.jar \
 *     com.audiostems.dsp.spectral.TimbreBenchmark 30
 * </pre>
 */
public final class TimbreBenchmark {

  private TimbreBenchmark() {}

  public static void main(String[] args) {
    int rate = 22_050;
    double seconds = 300;
    float[] mono = syntheticTrack(rate, seconds);
    double[] loudness = new double[(int) seconds];
    for (int s = 0; s < loudness.length; s++) {
      loudness[s] = -20 + 8 * Math.sin(s / 20.0);
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long[] bestWall = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
    long[] bestCpu = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
    int sink = 0;
    for (int r = 0; r < runs; r++) {
      long c0 = cpu.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      Spectrogram s = Stft.magnitudes(mono, rate, 2048, 512);
      long c1 = cpu.getCurrentThreadCpuTime();
      long t1 = System.nanoTime();
      SpectralFrames frames = SpectralAnalyzer.frames(s, mono);
      SpectralSummary summary = SpectralAnalyzer.summarize(frames);
      long c2 = cpu.getCurrentThreadCpuTime();
      long t2 = System.nanoTime();
      StructureAnalysis structure = StructureAnalyzer.analyze(frames, loudness, null);
      long c3 = cpu.getCurrentThreadCpuTime();
      long t3 = System.nanoTime();
      long[] wall = {t1 - t0, t2 - t1, t3 - t2, t3 - t1};
      long[] used = {c1 - c0, c2 - c1, c3 - c2, c3 - c1};
      for (int i = 0; i < 4; i++) {
        bestWall[i] = Math.min(bestWall[i], wall[i]);
        bestCpu[i] = Math.min(bestCpu[i], used[i]);
      }
      sink += structure.sections().size() + summary.framesCounted();
    }
    System.out.printf(
        "5-min track at %d Hz, %d frames, best of %d runs (sink %d)%n",
        rate, 1 + mono.length / 512, runs, sink);
    String[] what = {
      "spectrogram (computed once elsewhere)",
      "spectral frames + summary",
      "structure (reusing the frames)",
      "summary + structure (budget 150 ms)"
    };
    for (int i = 0; i < 4; i++) {
      print(what[i], bestWall[i], bestCpu[i], seconds);
    }
  }

  private static void print(String what, long wallNanos, long cpuNanos, double audioSeconds) {
    System.out.printf(
        "  %-40s wall %7.1f ms (%6.0f× realtime)   cpu %7.1f ms (%6.0f× realtime)%n",
        what,
        wallNanos / 1e6,
        audioSeconds / (wallNanos / 1e9),
        cpuNanos / 1e6,
        audioSeconds / (cpuNanos / 1e9));
  }

  /** Changing material: alternating tone mixtures and noise bursts, so no stage short-cuts. */
  private static float[] syntheticTrack(int rate, double seconds) {
    float[] x = new float[(int) (rate * seconds)];
    Random random = new Random(1);
    for (int i = 0; i < x.length; i++) {
      double t = (double) i / rate;
      int part = (int) (t / 30) % 3;
      double tone =
          Math.sin(2 * Math.PI * (220 + 110 * part) * t) + 0.3 * Math.sin(2 * Math.PI * 660 * t);
      double noise = (t % 0.5) < 0.05 ? random.nextGaussian() : 0;
      x[i] = (float) (0.2 * tone + (part == 1 ? 0.3 : 0.05) * noise);
    }
    return x;
  }
}
