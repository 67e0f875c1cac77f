package com.audiostems.dsp.testing.music;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Renders the accuracy suite to WAV files (24-bit) and a truth table, so that a person can listen
 * to what the analysers are judged on. Usage: {@code RenderSuite [outDir] [labelSubstring]}.
 */
public final class RenderSuite {

  private RenderSuite() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "audiostems-out/synth-suite");
    String filter = args.length > 1 ? args[1] : "";
    Files.createDirectories(dir);
    StringBuilder table = new StringBuilder("label\tbpm\tmeanBpm\tmetre\tkey\tcents\tsections\n");
    for (PieceSpec spec : AccuracySuite.pieces()) {
      if (!spec.label().contains(filter)) {
        continue;
      }
      long t0 = System.nanoTime();
      SynthesizedPiece piece = MusicSynth.render(spec);
      double ms = (System.nanoTime() - t0) / 1e6;
      WavWriter.write(piece, dir.resolve(spec.label() + ".wav"), 24);
      GroundTruth t = piece.truth();
      table.append(
          String.format(
              Locale.ROOT,
              "%s\t%.2f\t%.3f\t%d/4\t%s\t%+.0f\t%s%n",
              spec.label(),
              t.tempoBpm(),
              t.meanTempoBpm(),
              t.beatsPerBar(),
              t.keyName(),
              t.tuningOffsetCents(),
              String.join(",", t.sectionLabels())));
      System.out.printf(Locale.ROOT, "%-40s %6.0f ms%n", spec.label(), ms);
    }
    Files.writeString(dir.resolve("truth.tsv"), table);
    System.out.println("wrote " + dir.toAbsolutePath());
  }
}
