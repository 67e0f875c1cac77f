package com.audiostems.dsp.rhythm;

import com.audiostems.dsp.signal.Decimation;
import com.audiostems.dsp.signal.MonoSignal;
import com.audiostems.dsp.testing.music.AccuracySuite;
import com.audiostems.dsp.testing.music.MusicSynth;
import com.audiostems.dsp.testing.music.PieceSpec;
import com.audiostems.dsp.testing.music.SynthesizedPiece;
import java.util.ArrayList;
import java.util.List;

/** Development tool: tracked beat intervals and the harmony-novelty autocorrelation peaks. */
final class BeatDebug {

  private BeatDebug() {}

  public static void main(String[] args) {
    List<PieceSpec> all = new ArrayList<>(AccuracySuite.pieces());
    all.addAll(HoldoutSuite.pieces());
    for (PieceSpec spec : all) {
      if (List.of(args).stream().noneMatch(w -> spec.label().contains(w))) {
        continue;
      }
      SynthesizedPiece piece = MusicSynth.render(spec);
      MonoSignal mono = piece.mono();
      MonoSignal analysis = Decimation.toAnalysisRate(mono.samples(), mono.sampleRateHz());
      OnsetFeatures f = OnsetStrength.analyze(analysis);
      double rate = f.broadband().frameRateHz();
      TempoEstimator.Result res = TempoEstimator.estimate(f);
      int[] b = res.beatsFrames();
      StringBuilder sb = new StringBuilder();
      for (int k = 1; k < b.length; k++) {
        sb.append(String.format(" %.2f", (b[k] - b[k - 1]) / res.periodFrames()[b[k]]));
      }
      System.out.printf("%s rate %.2f period %.2f intervals/period:%s%n", spec.label(), rate,
          res.periodFrames()[b[b.length / 2]], sb);
      double[] tb = piece.truth().beatTimesSeconds();
      System.out.printf("  true first beats %.3f %.3f, est %.3f %.3f%n", tb[0], tb[1], b[0] / rate, b[1] / rate);
      double[] bar = BarPeriod.estimate(f.bandLevels(), rate);
      System.out.printf("  bar %.3f s r %.3f  true bar %.3f s%n", bar[0] / rate, bar[1],
          spec.beatsPerBar() * 60 / piece.truth().meanTempoBpm());
      double[] r = BarPeriod.noveltyAutocorrelation(f.bandLevels(), rate);
      StringBuilder pk = new StringBuilder("  novelty peaks:");
      for (int lag = 20; r != null && lag + 1 < r.length; lag++) {
        if (r[lag] >= r[lag - 1] && r[lag] > r[lag + 1] && r[lag] > 0.05) {
          pk.append(String.format(" %.2fs:%.2f", lag / rate, r[lag]));
        }
      }
      System.out.println(pk);
    }
  }
}
