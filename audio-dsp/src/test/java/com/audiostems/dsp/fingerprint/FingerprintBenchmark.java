package com.audiostems.dsp.fingerprint;

import com.audiostems.dsp.testing.music.MusicSynth;
import com.audiostems.dsp.testing.music.PieceSpec;
import com.audiostems.dsp.testing.music.Style;

/**
 * Fingerprinting speed on one core (× real time), from 44.1 kHz mono input, after warm-up. Run with
 * {@code java -cp ... com.audiostems.dsp.fingerprint.FingerprintBenchmark}; not a test.
 */
public final class FingerprintBenchmark {

  private FingerprintBenchmark() {}

  public static void main(String[] args) {
    int[] rates = {44_100, 22_050};
    Fingerprinter fp = new Fingerprinter();
    for (int rate : rates) {
      long t0 = System.nanoTime();
      float[] x =
          MusicSynth.render(
                  PieceSpec.builder()
                      .style(Style.POP_ROCK)
                      .durationSeconds(60)
                      .sampleRateHz(rate)
                      .seed(7)
                      .build())
              .mono()
              .samples();
      double renderS = (System.nanoTime() - t0) / 1e9;
      for (int i = 0; i < 5; i++) {
        fp.fingerprint(x, rate); // warm-up
      }
      int reps = 10;
      long t1 = System.nanoTime();
      Fingerprint f = null;
      for (int i = 0; i < reps; i++) {
        f = fp.fingerprint(x, rate);
      }
      double s = (System.nanoTime() - t1) / 1e9 / reps;
      System.out.printf(
          "input %d Hz, 60 s: render %.2f s; fingerprint %.1f ms = %.0f x real time (1 core);"
              + " %d hashes = %.1f /s%n",
          rate, renderS, s * 1e3, 60 / s, f.size(), f.hashesPerSecond());
    }
  }
}
