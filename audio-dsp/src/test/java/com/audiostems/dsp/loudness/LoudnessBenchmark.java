package com.audiostems.dsp.loudness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * Speed of {@link LoudnessMeter} on a 5-minute 44.1 kHz stereo track, true peak included, on one
 * thread: prints CPU and wall seconds and "x realtime" (best of several runs, since the machine is
 * shared). The target is 0.3 s (1000x realtime).
 *
 * <p>Not a test (surefire only runs *Test classes). Run it with:
 *
 * <pre>
 * ./mvnw -o -q -pl audio-dsp test-compile
 * java -cp audio-dsp/target/classes:audio-dsp/target/test-classes \
 *     com.audiostems.dsp.loudness.LoudnessBenchmark
 * </pre>
 *
 * <p>Two signals: "music-like" (tones and noise under a beat envelope and slow level changes, where
 * the exact skipping of the true-peak interpolation works as it does on real tracks) and "worst
 * case" (white noise at a constant level, where nearly no block can be skipped).
 */
public final class LoudnessBenchmark {

  private static final int RATE_HZ = 44_100;
  private static final int SECONDS = 300;
  private static final int BLOCK_FRAMES = 4096;
  private static final int RUNS = 7;

  private LoudnessBenchmark() {}

  public static void main(String[] args) {
    int frames = RATE_HZ * SECONDS;
    report("music-like", musicLike(frames));
    report("worst case (constant white noise)", whiteNoise(frames));
  }

  private static void report(String name, float[][] track) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double bestWall = Double.MAX_VALUE;
    double bestCpu = Double.MAX_VALUE;
    LoudnessMeasurement m = null;
    for (int run = 0; run < RUNS + 2; run++) { // the first two runs warm up the JIT
      long wall = System.nanoTime();
      long cpu = threads.getCurrentThreadCpuTime();
      LoudnessMeter meter = new LoudnessMeter(RATE_HZ, 2);
      for (int i = 0; i < track[0].length; i += BLOCK_FRAMES) {
        meter.accept(track, i, Math.min(BLOCK_FRAMES, track[0].length - i));
      }
      m = meter.result();
      if (run >= 2) {
        bestWall = Math.min(bestWall, (System.nanoTime() - wall) / 1e9);
        bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
      }
    }
    // CPU time of this thread is what one core spends; wall time also counts waiting for a core
    // on a shared machine. Both are printed.
    System.out.printf(
        "%s: %d s of %d Hz stereo in %.3f s CPU (%.0fx realtime), %.3f s wall (%.0fx), best of"
            + " %d; I %.2f LUFS, LRA %.2f LU, TP %.2f dBTP (%dx)%n",
        name,
        SECONDS,
        RATE_HZ,
        bestCpu,
        SECONDS / bestCpu,
        bestWall,
        SECONDS / bestWall,
        RUNS,
        m.integratedLufs(),
        m.loudnessRangeLu(),
        m.truePeakDbtp(),
        m.truePeakOversampling());
  }

  private static float[][] musicLike(int frames) {
    SplittableRandom random = new SplittableRandom(7);
    float[][] x = new float[2][frames];
    double[] tonesHz = {55, 110, 220, 330, 440, 660, 880, 1320, 2640, 5280};
    for (int i = 0; i < frames; i++) {
      double t = (double) i / RATE_HZ;
      double beat = Math.exp(-8 * ((t * 2) % 1.0)); // a hit every 0.5 s, decaying
      double section = 0.3 + 0.25 * Math.sin(2 * Math.PI * t / 40); // slow level changes
      double tone = 0;
      for (int k = 0; k < tonesHz.length; k++) {
        tone += Math.sin(2 * Math.PI * tonesHz[k] * t + k) / (k + 1);
      }
      double noise = random.nextDouble() - 0.5;
      double mid = section * (0.35 * tone + 0.6 * beat * noise);
      double side = section * 0.1 * (random.nextDouble() - 0.5);
      x[0][i] = (float) (mid + side);
      x[1][i] = (float) (mid - side);
    }
    return x;
  }

  private static float[][] whiteNoise(int frames) {
    SplittableRandom random = new SplittableRandom(11);
    float[][] x = new float[2][frames];
    for (float[] channel : x) {
      for (int i = 0; i < frames; i++) {
        channel[i] = (float) (random.nextDouble() - 0.5);
      }
    }
    return x;
  }
}
