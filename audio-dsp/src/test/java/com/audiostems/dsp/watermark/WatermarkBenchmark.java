package com.audiostems.dsp.watermark;

import com.audiostems.dsp.testing.music.Style;
import com.audiostems.dsp.testing.music.SynthesizedPiece;

/** Embedding and detection speed (x real time) on a 3-minute stereo piece, and a 15 s excerpt's detection time. */
public final class WatermarkBenchmark {
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
    long t = System.nanoTime();
    for (int i = 0; i < reps; i++) {
      m = emb.embed(x, 44100, WmAudio.PAYLOAD, WmAudio.KEY);
    }
    double embS = (System.nanoTime() - t) / 1e9 / reps;
    t = System.nanoTime();
    Detection d = null;
    for (int i = 0; i < reps; i++) {
      d = det.detect(m, 44100, WmAudio.KEY);
    }
    double detS = (System.nanoTime() - t) / 1e9 / reps;
    t = System.nanoTime();
    Detection u = null;
    for (int i = 0; i < reps; i++) {
      u = det.detect(x, 44100, WmAudio.KEY);
    }
    double unS = (System.nanoTime() - t) / 1e9 / reps;
    float[][] ex = WmAudio.excerpt(m, 44100, 61.3, 15);
    det.detect(ex, 44100, WmAudio.KEY);
    t = System.nanoTime();
    Detection e = null;
    for (int i = 0; i < 10; i++) {
      e = det.detect(ex, 44100, WmAudio.KEY);
    }
    double exS = (System.nanoTime() - t) / 1e9 / 10;
    System.out.printf("track %.0f s stereo 44.1 kHz%n", dur);
    System.out.printf("embed:               %.3f s = %.0fx real time%n", embS, dur / embS);
    System.out.printf("detect marked track: %.3f s = %.0fx real time (found %s)%n", detS, dur / detS, d.found());
    System.out.printf("detect unmarked:     %.3f s = %.0fx real time (all +-1%% speeds tried; found %s)%n", unS, dur / unS, u.found());
    System.out.printf("detect 15 s excerpt: %.3f s (found %s)%n", exS, e.found());
  }
}
