package com.audiostems.dsp.structure;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.dsp.signal.MonoSignal;
import com.audiostems.dsp.signal.Resampler;
import com.audiostems.dsp.signal.Spectrogram;
import com.audiostems.dsp.signal.Stft;
import com.audiostems.dsp.testing.music.AccuracySuite;
import com.audiostems.dsp.testing.music.MusicSynth;
import com.audiostems.dsp.testing.music.PieceSpec;
import com.audiostems.dsp.testing.music.SynthesizedPiece;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Section boundaries on the synthesiser's song-form pieces (6 pieces of 60 s), against their exact
 * section starts, ±3 s, one-to-one matching. Loudness comes from the RMS stand-in (the R128 meter
 * is another module's work). Prints precision and recall per piece and overall, on the fixed grid
 * and beat-synchronous (true beats), and asserts the floors stated below.
 */
class SynthSectionSuiteTest {

  private static final double TOLERANCE_SECONDS = 3;

  @Test
  void boundaryPrecisionAndRecallOnTheSongForms() {
    int[] fixed = new int[3]; // hits, detected, truth
    int[] beatSync = new int[3];
    for (PieceSpec spec : AccuracySuite.withSections()) {
      SynthesizedPiece piece = MusicSynth.render(spec);
      MonoSignal mono = Resampler.toAnalysisRate(piece.mono().samples(), piece.sampleRateHz());
      Spectrogram s = Stft.magnitudes(mono.samples(), mono.sampleRateHz(), 2048, 512);
      double[] loudness = rmsLoudness(mono);
      double[] truth =
          Arrays.copyOfRange(
              piece.truth().sectionStartsSeconds(), 1, piece.truth().sectionStartsSeconds().length);
      StructureAnalysis onGrid = StructureAnalyzer.analyze(s, loudness);
      StructureAnalysis onBeats =
          StructureAnalyzer.analyze(s, loudness, piece.truth().beatTimesSeconds());
      int[] a = score(onGrid.boundariesSeconds(), truth);
      int[] b = score(onBeats.boundariesSeconds(), truth);
      for (int i = 0; i < 3; i++) {
        fixed[i] += a[i];
        beatSync[i] += b[i];
      }
      System.out.printf(
          Locale.ROOT,
          "%-32s truth %s%n  grid  %s labels %s roles %s%n  beats %s%n",
          piece.label(),
          fmt(truth),
          fmt(onGrid.boundariesSeconds()),
          onGrid.sections().stream().map(Section::label).toList(),
          onGrid.sections().stream().map(x -> x.role().name().toLowerCase(Locale.ROOT)).toList(),
          fmt(onBeats.boundariesSeconds()));
    }
    double pGrid = (double) fixed[0] / Math.max(1, fixed[1]);
    double rGrid = (double) fixed[0] / Math.max(1, fixed[2]);
    double pBeat = (double) beatSync[0] / Math.max(1, beatSync[1]);
    double rBeat = (double) beatSync[0] / Math.max(1, beatSync[2]);
    System.out.printf(
        Locale.ROOT,
        "boundaries ±%.0f s: grid P %.2f R %.2f (%d/%d/%d), beat-sync P %.2f R %.2f (%d/%d/%d)%n",
        TOLERANCE_SECONDS,
        pGrid,
        rGrid,
        fixed[0],
        fixed[1],
        fixed[2],
        pBeat,
        rBeat,
        beatSync[0],
        beatSync[1],
        beatSync[2]);
    // Floors a little below what the current synthesiser's song forms reach (grid P 0.89 R 0.67,
    // 16 hits / 18 detected / 24 true; beat-synchronous, as the pipeline runs it, P 0.90 R 0.75,
    // 18/20/24; before the synthesiser's loud masters the grid reached P 0.95 R 0.79): a drop
    // below them is a regression, not noise (the pieces and the analyser are deterministic).
    assertThat(pGrid).isGreaterThanOrEqualTo(0.85);
    assertThat(rGrid).isGreaterThanOrEqualTo(0.62);
    assertThat(pBeat).isGreaterThanOrEqualTo(0.85);
    assertThat(rBeat).isGreaterThanOrEqualTo(0.65);
  }

  /**
   * {hits, detected, truth}: each truth boundary matches at most one detection within tolerance.
   */
  static int[] score(double[] detected, double[] truth) {
    boolean[] used = new boolean[detected.length];
    int hits = 0;
    for (double t : truth) {
      int best = -1;
      for (int i = 0; i < detected.length; i++) {
        if (!used[i]
            && Math.abs(detected[i] - t) <= TOLERANCE_SECONDS
            && (best < 0 || Math.abs(detected[i] - t) < Math.abs(detected[best] - t))) {
          best = i;
        }
      }
      if (best >= 0) {
        used[best] = true;
        hits++;
      }
    }
    return new int[] {hits, detected.length, truth.length};
  }

  private static double[] rmsLoudness(MonoSignal mono) {
    int rate = mono.sampleRateHz();
    float[] x = mono.samples();
    int seconds = x.length / rate;
    double[] prefix = new double[x.length + 1];
    for (int i = 0; i < x.length; i++) {
      prefix[i + 1] = prefix[i] + (double) x[i] * x[i];
    }
    double[] out = new double[seconds];
    for (int s = 0; s < seconds; s++) {
      int to = (s + 1) * rate;
      int from = Math.max(0, to - 3 * rate);
      double ms = (prefix[to] - prefix[from]) / (to - from);
      out[s] = ms > 0 ? -0.691 + 10 * Math.log10(ms) : Double.NEGATIVE_INFINITY;
    }
    return out;
  }

  private static String fmt(double[] v) {
    StringBuilder sb = new StringBuilder("[");
    for (double x : v) {
      sb.append(sb.length() > 1 ? " " : "").append(String.format(Locale.ROOT, "%.1f", x));
    }
    return sb.append(']').toString();
  }
}
