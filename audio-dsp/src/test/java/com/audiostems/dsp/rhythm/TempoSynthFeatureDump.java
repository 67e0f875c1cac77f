package com.audiostems.dsp.rhythm;

import com.audiostems.dsp.testing.music.Mode;
import com.audiostems.dsp.testing.music.MusicSynth;
import com.audiostems.dsp.testing.music.PieceSpec;
import com.audiostems.dsp.testing.music.Style;
import com.audiostems.dsp.testing.music.SynthesizedPiece;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * A second training domain for the tempo model: pieces of our own synthesiser at tempi drawn
 * log-uniformly over 60–190 BPM, every style, seeds from 100000 (the accuracy suites use seeds
 * below 1000, so they stay unseen). POP909 alone teaches the model its slow-ballad tempo prior (it
 * halved 20 of the 44 suite pieces); these give it drummed music across the tempo range. Same
 * columns as {@link TempoFeatureDump}, split "train", song "synth-SEED". Not a test; run by {@code
 * bench/tempo-features.sh --synth COUNT OUT_CSV [TEMPOGRAM_CSV]}.
 */
public final class TempoSynthFeatureDump {

  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    Random random = new Random(18);
    Style[] styles = Style.values();
    try (BufferedWriter w = Files.newBufferedWriter(out);
        BufferedWriter g = args.length > 2 ? Files.newBufferedWriter(Path.of(args[2])) : null) {
      if (g != null) {
        g.write(TempoFeatureDump.tempogramHeader());
      }
      StringBuilder header = new StringBuilder("id,song,split,truth_bpm,base_bpm");
      for (int level = 0; level < TempoLevels.RATIOS.length; level++) {
        for (String name : TempoLevels.FEATURE_NAMES) {
          header.append(",L").append(level).append('_').append(name);
        }
      }
      w.write(header.append('\n').toString());
      for (int i = 0; i < count; i++) {
        int seed = 100000 + i;
        double bpm = 60 * Math.pow(190.0 / 60, random.nextDouble());
        Style style = styles[random.nextInt(styles.length)];
        SynthesizedPiece piece =
            MusicSynth.render(
                PieceSpec.builder()
                    .style(style)
                    .tempoBpm(bpm)
                    .key(random.nextInt(12), random.nextBoolean() ? Mode.MAJOR : Mode.MINOR)
                    .seed(seed)
                    .durationSeconds(12)
                    .build());
        RhythmAnalysis rhythm = RhythmAnalyzer.analyzeWithTempoLevels(piece.mono());
        TempoLevels levels = rhythm.tempoLevels();
        if (g != null) {
          String id = "synth-" + seed;
          g.write(
              TempoFeatureDump.tempogramRow(
                  String.format(Locale.ROOT, "%s,%s,train,%.3f", id, id, piece.truth().tempoBpm()),
                  rhythm));
        }
        StringBuilder row = new StringBuilder();
        row.append(
            String.format(
                Locale.ROOT,
                "synth-%d,synth-%d,train,%.3f,%.4f",
                seed,
                seed,
                piece.truth().tempoBpm(),
                levels.baseBpm()));
        for (int level = 0; level < TempoLevels.RATIOS.length; level++) {
          for (int f = 0; f < TempoLevels.FEATURE_NAMES.size(); f++) {
            float v = levels.present() ? levels.features()[level][f] : 0f;
            row.append(',').append(String.format(Locale.ROOT, "%.6g", v));
          }
        }
        w.write(row.append('\n').toString());
      }
    }
  }
}
