package com.audiostems.dsp.tonal;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.dsp.signal.MonoSignal;
import com.audiostems.dsp.signal.Resampler;
import com.audiostems.dsp.testing.music.AccuracySuite;
import com.audiostems.dsp.testing.music.GroundTruth;
import com.audiostems.dsp.testing.music.MusicSynth;
import com.audiostems.dsp.testing.music.PieceSpec;
import com.audiostems.dsp.testing.music.SynthesizedPiece;
import org.junit.jupiter.api.Test;

/**
 * Key accuracy on the synthetic accuracy suite (every piece, all 24 keys, tuning offsets, heavy
 * bass, drums): prints a table and the exact and MIREX-weighted totals, and fails if exact accuracy
 * drops below {@value #MIN_EXACT_PERCENT} %.
 */
class KeyAccuracyTest {

  static final double MIN_EXACT_PERCENT = 90;

  /** The tuning estimate must be this close to the truth on every piece. */
  static final double MAX_TUNING_ERROR_CENTS = 5;

  @Test
  void keyAccuracyOnTheSuite() {
    int n = 0;
    int exact = 0;
    double mirex = 0;
    double confidenceRight = 0;
    double confidenceWrong = 0;
    double worstTuningError = 0;
    StringBuilder table =
        new StringBuilder(
            String.format(
                "%-34s %-9s %-9s %5s %-9s %-9s %7s %7s %5s%n",
                "piece",
                "true",
                "estimate",
                "conf",
                "runner-up",
                "relation",
                "tune",
                "true",
                "score"));
    for (PieceSpec spec : AccuracySuite.pieces()) {
      SynthesizedPiece piece = MusicSynth.render(spec);
      MonoSignal mono = piece.mono();
      KeyEstimate e =
          KeyAnalyzer.analyze(Resampler.toAnalysisRate(mono.samples(), mono.sampleRateHz()));
      GroundTruth truth = piece.truth();
      Key trueKey = new Key(truth.tonicPitchClass(), truth.minor() ? Mode.MINOR : Mode.MAJOR);
      double score = MirexKeyScore.score(trueKey, e.key());
      n++;
      mirex += score;
      if (score == 1.0) {
        exact++;
        confidenceRight += e.confidence();
      } else {
        confidenceWrong += e.confidence();
      }
      worstTuningError =
          Math.max(worstTuningError, Math.abs(e.tuningOffsetCents() - truth.tuningOffsetCents()));
      table.append(
          String.format(
              "%-34s %-9s %-9s %5.2f %-9s %-9s %+7.1f %+7.1f %5.1f%s%n",
              spec.label(),
              trueKey.name(),
              e.name(),
              e.confidence(),
              e.runnerUp().name(),
              e.runnerUpRelation(),
              e.tuningOffsetCents(),
              truth.tuningOffsetCents(),
              score,
              score == 1.0 ? "" : "  <- " + trueKey.relationTo(e.key())));
    }
    double exactPercent = 100.0 * exact / n;
    table.append(
        String.format(
            "exact %d/%d = %.1f %%, MIREX weighted %.1f %%; mean confidence right %.2f, wrong %.2f;"
                + " worst tuning error %.1f cents%n",
            exact,
            n,
            exactPercent,
            100 * mirex / n,
            exact == 0 ? 0 : confidenceRight / exact,
            exact == n ? 0 : confidenceWrong / (n - exact),
            worstTuningError));
    System.out.print(table);
    assertThat(n).isGreaterThanOrEqualTo(40);
    assertThat(exactPercent).as("exact key accuracy %%").isGreaterThanOrEqualTo(MIN_EXACT_PERCENT);
    assertThat(worstTuningError)
        .as("worst tuning error, cents")
        .isLessThanOrEqualTo(MAX_TUNING_ERROR_CENTS);
  }
}
