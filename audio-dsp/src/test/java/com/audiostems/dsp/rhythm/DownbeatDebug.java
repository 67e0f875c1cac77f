package com.audiostems.dsp.rhythm;

import com.audiostems.dsp.testing.music.PieceSpec;
import com.audiostems.dsp.testing.music.SynthesizedPiece;

/** Development tool: mean downbeat evidence by true position in the bar. */
final class DownbeatDebug {

  private DownbeatDebug() {}

  public static void main(String[] args) {
    for (DebugPieces.Analysed a : DebugPieces.matching(args)) {
      PieceSpec spec = a.spec();
      SynthesizedPiece piece = a.piece();
      OnsetFeatures f = a.onsets();
      double rate = f.broadband().frameRateHz();
      int[] beats = TempoEstimator.estimate(f).beatsFrames();
      int slop = Math.max(1, (int) Math.round(LevelEvidence.SLOP_SECONDS * rate));
      double[] change = MetreDetector.harmonyChange(beats, f.bandLevels());
      double[] down = piece.truth().downbeatTimesSeconds();
      int bpb = piece.truth().beatsPerBar();
      double barLen = bpb * 60 / piece.truth().meanTempoBpm();
      double[][] sums = new double[bpb][4];
      for (int k = 0; k < beats.length; k++) {
        double t = beats[k] / rate;
        double phase = ((t - down[0]) / barLen) % 1;
        if (phase < 0) {
          phase += 1;
        }
        int pos = (int) Math.round(phase * bpb) % bpb;
        sums[pos][0] += LevelEvidence.accent(f.lowBand().strength(), beats[k], slop);
        sums[pos][1] += change[k];
        sums[pos][2] += LevelEvidence.accent(f.broadband().strength(), beats[k], slop);
        sums[pos][3]++;
      }
      System.out.println(spec.label());
      for (int p = 0; p < bpb; p++) {
        System.out.printf(
            "  pos %d: low %.2f change %.2f all %.2f (n %.0f)%n",
            p,
            sums[p][0] / sums[p][3],
            sums[p][1] / sums[p][3],
            sums[p][2] / sums[p][3],
            sums[p][3]);
      }
    }
  }
}
