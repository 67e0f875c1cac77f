package com.audiostems.dsp.rhythm;

import com.audiostems.dsp.signal.MonoSignal;
import com.audiostems.dsp.signal.Resampler;
import com.audiostems.dsp.testing.music.AccuracySuite;
import com.audiostems.dsp.testing.music.GroundTruth;
import com.audiostems.dsp.testing.music.MusicSynth;
import com.audiostems.dsp.testing.music.PieceSpec;
import com.audiostems.dsp.testing.music.SynthesizedPiece;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the rhythm analysis on the synthetic accuracy suite and scores it against the ground truth:
 * tempo Accuracy1 (within 4% of the true tempo) and Accuracy2 (also at ×2, ×½, ×3, ×⅓), metre
 * (beats per bar; "unknown" counts as wrong), beat and downbeat F-measure (±70 ms).
 *
 * <p>The true tempo of a drifting piece is its mean tempo over the piece (the ground truth's {@code
 * meanTempoBpm}: beats − 1 over the time from first to last beat), which for a steady piece is its
 * notated tempo.
 */
final class SuiteEvaluation {

  static final double TOLERANCE = 0.04;

  static final double BEAT_TOLERANCE_SECONDS = 0.07;

  record Row(
      String label,
      double trueBpm,
      double estimatedBpm,
      double confidence,
      boolean ok1,
      boolean ok2,
      int trueMetre,
      int estimatedMetre,
      double beatF,
      double downbeatF,
      double beatOffsetSeconds) {}

  record Totals(
      List<Row> rows,
      double accuracy1,
      double accuracy2,
      double metreAccuracy,
      double meanBeatF,
      double meanDownbeatF) {}

  private SuiteEvaluation() {}

  static Row evaluate(PieceSpec spec) {
    SynthesizedPiece piece = MusicSynth.render(spec);
    MonoSignal mono = piece.mono();
    MonoSignal analysis = Resampler.toAnalysisRate(mono.samples(), mono.sampleRateHz());
    RhythmAnalysis a = RhythmAnalyzer.analyze(analysis);
    GroundTruth truth = piece.truth();
    double trueBpm = truth.meanTempoBpm();
    double est = a.tempoBpm();
    boolean ok1 = within(est, trueBpm);
    boolean ok2 =
        ok1
            || within(est, 2 * trueBpm)
            || within(est, trueBpm / 2)
            || within(est, 3 * trueBpm)
            || within(est, trueBpm / 3);
    double beatF =
        BeatEvaluation.fMeasure(
            truth.beatTimesSeconds(), a.beatTimesSeconds(), BEAT_TOLERANCE_SECONDS);
    double downF =
        BeatEvaluation.fMeasure(
            truth.downbeatTimesSeconds(), a.downbeatTimesSeconds(), BEAT_TOLERANCE_SECONDS);
    return new Row(
        spec.label(),
        trueBpm,
        est,
        a.tempo().confidence(),
        ok1,
        ok2,
        truth.beatsPerBar(),
        a.beatsPerBar(),
        beatF,
        downF,
        BeatEvaluation.meanOffset(
            truth.beatTimesSeconds(), a.beatTimesSeconds(), BEAT_TOLERANCE_SECONDS));
  }

  static boolean within(double estimated, double reference) {
    return reference > 0 && Math.abs(estimated / reference - 1) <= TOLERANCE;
  }

  static Totals run(List<PieceSpec> pieces) {
    List<Row> rows = new ArrayList<>();
    for (PieceSpec spec : pieces) {
      rows.add(evaluate(spec));
    }
    int n = rows.size();
    double ok1 = rows.stream().filter(Row::ok1).count();
    double ok2 = rows.stream().filter(Row::ok2).count();
    double metre = rows.stream().filter(r -> r.trueMetre() == r.estimatedMetre()).count();
    double beatF = rows.stream().mapToDouble(Row::beatF).sum();
    double downF = rows.stream().mapToDouble(Row::downbeatF).sum();
    return new Totals(rows, 100 * ok1 / n, 100 * ok2 / n, 100 * metre / n, beatF / n, downF / n);
  }

  static String table(Totals t) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-32s %8s %8s %5s %4s %4s %6s %6s %6s %7s%n",
            "piece",
            "true",
            "est",
            "conf",
            "ok1",
            "ok2",
            "metre",
            "beatF",
            "downF",
            "off ms"));
    for (Row r : t.rows()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-32s %8.2f %8.2f %5.2f %4s %4s %3d/%-2s %6.3f %6.3f %7.1f%n",
              r.label(),
              r.trueBpm(),
              r.estimatedBpm(),
              r.confidence(),
              r.ok1() ? "yes" : "NO",
              r.ok2() ? "yes" : "NO",
              r.trueMetre(),
              r.estimatedMetre() == 0 ? "?" : String.valueOf(r.estimatedMetre()),
              r.beatF(),
              r.downbeatF(),
              1000 * r.beatOffsetSeconds()));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%d pieces: Accuracy1 %.1f%%, Accuracy2 %.1f%%, metre %.1f%%, beat F(±70 ms) %.3f, downbeat F %.3f%n",
            t.rows().size(),
            t.accuracy1(),
            t.accuracy2(),
            t.metreAccuracy(),
            t.meanBeatF(),
            t.meanDownbeatF()));
    return sb.toString();
  }

  /** Development entry point: prints the table for the whole suite (or labels given). */
  public static void main(String[] args) {
    List<PieceSpec> pieces = AccuracySuite.pieces();
    if (args.length > 0) {
      List<String> wanted = List.of(args);
      pieces =
          pieces.stream()
              .filter(p -> wanted.stream().anyMatch(w -> p.label().contains(w)))
              .toList();
    }
    System.out.print(table(run(pieces)));
  }
}
