package com.audiostems.dsp.rhythm;

import com.audiostems.dsp.testing.music.PieceSpec;
import com.audiostems.dsp.testing.music.SynthesizedPiece;
import java.util.List;

/** Development tool: the tempo candidates of pieces and each factor of their scores. */
final class TempoDebug {

  private TempoDebug() {}

  public static void main(String[] args) {
    for (DebugPieces.Analysed a : DebugPieces.matching(args)) {
      PieceSpec spec = a.spec();
      SynthesizedPiece piece = a.piece();
      OnsetFeatures f = a.onsets();
      double rate = f.broadband().frameRateHz();
      float[] env = f.broadband().strength();
      double[] r = Autocorrelation.normalized(env, PeriodCandidates.maxLagFrames(rate));
      List<PeriodCandidates.Period> cands = PeriodCandidates.find(r, rate);
      double[] bar = BarPeriod.estimate(f.bandLevels(), rate);
      System.out.printf(
          "%s true %.2f  bar %.2f s (r %.2f)%n",
          spec.label(), piece.truth().meanTempoBpm(), bar[0] / rate, bar[1]);
      PeriodCandidates.Period base = cands.get(0);
      double[] baseCurve = LocalPeriod.curve(env, rate, base.frames());
      for (PeriodCandidates.Period c : cands) {
        double ratio = c.frames() / base.frames();
        double[] curve = new double[env.length];
        for (int t = 0; t < curve.length; t++) {
          curve[t] = baseCurve[t] * ratio;
        }
        int[] beats = BeatTracker.track(env, curve);
        LevelEvidence e = LevelEvidence.of(f.accent().strength(), rate, beats, curve);
        double bpm = 60 * rate / c.frames();
        double per = Math.max(0, c.periodicity()) / base.periodicity();
        double barFit = TempoEstimator.barFit(bar, c.frames());
        double score = e.merit() * Math.sqrt(per) * TempoEstimator.prior(bpm) * barFit;
        System.out.printf(
            "  %7.2f bpm (beats %7.2f) per %.3f even %.3f sub %.3f reg %.3f on %.3f bar %.2f prior %.2f score %.4f%n",
            bpm,
            TempoEstimator.meanBeatTempo(beats, rate),
            per,
            e.evenness(),
            e.subdivision(),
            e.regularity(),
            e.onStrength(),
            barFit,
            TempoEstimator.prior(bpm),
            score);
      }
    }
  }
}
