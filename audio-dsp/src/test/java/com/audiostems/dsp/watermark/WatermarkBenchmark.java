package com.audiostems.dsp.watermark;

import com.audiostems.dsp.testing.music.Style;
import com.audiostems.dsp.testing.music.SynthesizedPiece;

/**
 * Embedding and detection speed (x real time) on a 3-minute stereo piece, and a 15 s excerpt's
 * detection time. Times are this thread's CPU time, so that other processes on a shared machine do
 * not inflate them; wall-clock times are printed alongside.
 */
public final class WatermarkBenchmark {
  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();
  private static long wall;

  private static long now() {
    wall = System.nanoTime();
    return CPU.getCurrentThreadCpuTime();
  }

  private static double since(long t, int reps) {
    double cpu = (CPU.getCurrentThreadCpuTime() - t) / 1e9 / reps;
    lastWall = (System.nanoTime() - wall) / 1e9 / reps;
    return cpu;
  }

  private static double lastWall;

  public static void main(String[] args) {
    SynthesizedPiece p = WmAudio.piece(Style.ELECTRONIC, 5, 180);
    float[][] x = p.channels();
    double dur = p.durationSeconds();
    WatermarkEmbedder emb = new WatermarkEmbedder();
    WatermarkDetector det = new WatermarkDetector();
    float[][] m = null;
    for (int i = 0; i < 3; i++) { // warm-up
      m = emb.embed(x, 44100, WmAudio.PAYLOAD, WmAudio.KEY);
      det.detect(m, 44100, WmAudio.KEY);
    }
    int reps = 5;
    long t = now();
    for (int i = 0; i < reps; i++) {
      m = emb.embed(x, 44100, WmAudio.PAYLOAD, WmAudio.KEY);
    }
    double embS = since(t, reps);
    double embW = lastWall;
    t = now();
    Detection d = null;
    for (int i = 0; i < reps; i++) {
      d = det.detect(m, 44100, WmAudio.KEY);
    }
    double detS = since(t, reps);
    double detW = lastWall;
    t = now();
    Detection u = null;
    for (int i = 0; i < reps; i++) {
      u = det.detect(x, 44100, WmAudio.KEY);
    }
    double unS = since(t, reps);
    double unW = lastWall;
    float[][] ex = WmAudio.excerpt(m, 44100, 61.3, 15);
    det.detect(ex, 44100, WmAudio.KEY);
    t = now();
    Detection e = null;
    for (int i = 0; i < 10; i++) {
      e = det.detect(ex, 44100, WmAudio.KEY);
    }
    double exS = since(t, 10);
    double exW = lastWall;
    float[][] slow = WmAudio.excerpt(WmAudio.speed(m, 0.99), 44100, 61.3, 15);
    det.detect(slow, 44100, WmAudio.KEY);
    t = now();
    Detection sl = null;
    for (int i = 0; i < 10; i++) {
      sl = det.detect(slow, 44100, WmAudio.KEY);
    }
    double slS = since(t, 10);
    double slW = lastWall;
    System.out.printf("track %.0f s stereo 44.1 kHz%n", dur);
    System.out.printf(
        "embed:               %.3f s CPU = %.0fx real time (wall %.3f s)%n",
        embS, dur / embS, embW);
    System.out.printf(
        "detect marked track: %.3f s CPU = %.0fx real time (wall %.3f s; found %s)%n",
        detS, dur / detS, detW, d.found());
    System.out.printf(
        "detect unmarked:     %.3f s CPU = %.0fx real time (wall %.3f s; all +-1%% speeds tried; found %s)%n",
        unS, dur / unS, unW, u.found());
    System.out.printf(
        "detect 15 s excerpt: %.3f s CPU (wall %.3f s; found %s)%n", exS, exW, e.found());
    System.out.printf(
        "detect 15 s excerpt played 1%% slower: %.3f s CPU (wall %.3f s; found %s at speed %.2f)%n",
        slS, slW, sl.found(), sl.speed());
  }
}
