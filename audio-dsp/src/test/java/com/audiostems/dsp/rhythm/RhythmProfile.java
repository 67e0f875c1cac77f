package com.audiostems.dsp.rhythm;

import com.audiostems.dsp.signal.Decimation;
import com.audiostems.dsp.signal.MonoSignal;
import com.audiostems.dsp.signal.Spectrogram;

/** Development: time of each stage. */
public final class RhythmProfile {
  public static void main(String[] args) {
    double seconds = 300;
    double[] beats = RhythmSignals.beatTimes(96, 104, seconds, 0.5);
    MonoSignal track = RhythmSignals.drums(beats, seconds, 4, 7);
    for (int r = 0; r < 10; r++) {
      long t0 = System.nanoTime();
      float[] half = RhythmFrontEnd.halve(track.samples());
      long t1 = System.nanoTime();
      long t2 = System.nanoTime();
      OnsetFeatures f = OnsetStrength.analyze(track);
      long t3 = System.nanoTime();
      TempoEstimator.Result res = TempoEstimator.estimate(f.broadband(), f.accent().strength());
      long t4 = System.nanoTime();
      Metre m = MetreDetector.detect(res.beatsFrames(), f);
      double rate = OnsetRate.perSecond(f.broadband());
      long t5 = System.nanoTime();
      System.out.printf("halve %.0f ms, spectrogram(incl halve) %.0f, onset %.0f, tempo+beats %.0f, metre+rate %.0f%n",
          (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6);
    }
  }
}
