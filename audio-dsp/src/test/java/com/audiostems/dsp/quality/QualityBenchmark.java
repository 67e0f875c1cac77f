package com.audiostems.dsp.quality;

import com.audiostems.dsp.loudness.LoudnessMeasurement;
import com.audiostems.dsp.loudness.LoudnessMeter;
import com.audiostems.dsp.testing.music.MusicSynth;
import com.audiostems.dsp.testing.music.PieceSpec;
import java.util.Locale;

/**
 * Speed of the quality checker on a 5-minute 44.1 kHz stereo 16-bit track fed in 4096-frame blocks,
 * as the decoder delivers it (the loudness measurement is made beforehand and not timed: the
 * pipeline's meter runs anyway). Run: java -cp ... com.audiostems.dsp.quality.QualityBenchmark
 */
public final class QualityBenchmark {
  public static void main(String[] args) {
    int sr = 44_100;
    float[][] piece =
        MusicSynth.render(PieceSpec.builder().durationSeconds(30).seed(5).build()).channels();
    int n = 300 * sr;
    float[][] x = new float[2][n];
    for (int c = 0; c < 2; c++) {
      for (int i = 0; i < n; i += piece[c].length) {
        System.arraycopy(piece[c], 0, x[c], i, Math.min(piece[c].length, n - i));
      }
    }
    x = Defects.quantise(x, 16);
    LoudnessMeasurement loudness = LoudnessMeter.measure(x, sr);
    int block = 4096;
    float[][] buf = new float[2][block];
    double best = Double.MAX_VALUE;
    QualityReport report = null;
    for (int rep = 0; rep < 8; rep++) {
      long t0 = System.nanoTime();
      QualityChecker checker = new QualityChecker(sr, 2);
      for (int pos = 0; pos < n; pos += block) {
        int m = Math.min(block, n - pos);
        System.arraycopy(x[0], pos, buf[0], 0, m);
        System.arraycopy(x[1], pos, buf[1], 0, m);
        checker.accept(buf, m);
      }
      report = checker.finish(loudness, 16, sr);
      double s = (System.nanoTime() - t0) / 1e9;
      best = Math.min(best, s);
      System.out.printf(Locale.ROOT, "run %d: %.3f s%n", rep, s);
    }
    System.out.printf(
        Locale.ROOT,
        "best of 8: %.3f s for 300 s of 44.1 kHz stereo (%.0fx real time); score %d, %d findings%n",
        best,
        300 / best,
        report.score(),
        report.findings().size());
  }
}
