package com.audiostems.dsp.tonal;

import com.audiostems.dsp.signal.MonoSignal;
import com.audiostems.dsp.signal.Resampler;
import com.audiostems.dsp.testing.music.BassWeight;
import com.audiostems.dsp.testing.music.MusicSynth;
import com.audiostems.dsp.testing.music.PieceSpec;
import com.audiostems.dsp.testing.music.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Key accuracy on synthetic pieces that are <em>not</em> the accuracy suite: random styles, keys,
 * tempos, tunings (±30 cents) and seeds, a quarter with heavy bass. The analyser's defaults were
 * chosen looking at the suite, so this is the less flattering, fairer figure. Not a test (it
 * renders for minutes); run: {@code java ... com.audiostems.dsp.tonal.KeyHoldoutReport [seed]
 * [pieces]} (defaults 7 and 60).
 */
public final class KeyHoldoutReport {

  private KeyHoldoutReport() {}

  static List<PieceSpec> pieces(long seed, int count) {
    Random r = new Random(seed);
    Style[] styles = Style.values();
    List<PieceSpec> specs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      PieceSpec.Builder b =
          PieceSpec.builder()
              .style(styles[r.nextInt(styles.length)])
              .tempoBpm(70 + r.nextInt(100))
              .key(
                  r.nextInt(12),
                  r.nextBoolean()
                      ? com.audiostems.dsp.testing.music.Mode.MAJOR
                      : com.audiostems.dsp.testing.music.Mode.MINOR)
              .seed(5000 + r.nextInt(100000))
              .durationSeconds(30)
              .tuningCents(r.nextInt(61) - 30);
      if (r.nextInt(4) == 0) {
        b.bass(BassWeight.HEAVY);
      }
      PieceSpec s = b.build();
      specs.add(s.withLabel("h" + i + "-" + s.style() + "-" + s.seed()));
    }
    return specs;
  }

  public static void main(String[] args) {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 7;
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    int exact = 0;
    double mirex = 0;
    int[] errors = new int[KeyRelation.values().length];
    for (PieceSpec spec : pieces(seed, count)) {
      MonoSignal mono = MusicSynth.render(spec).mono();
      KeyEstimate e =
          KeyAnalyzer.analyze(Resampler.toAnalysisRate(mono.samples(), mono.sampleRateHz()));
      Key truth =
          new Key(
              spec.tonicPitchClass(),
              spec.mode() == com.audiostems.dsp.testing.music.Mode.MINOR ? Mode.MINOR : Mode.MAJOR);
      double score = MirexKeyScore.score(truth, e.key());
      mirex += score;
      exact += score == 1.0 ? 1 : 0;
      errors[truth.relationTo(e.key()).ordinal()]++;
      System.out.printf(
          "%-28s %-9s %-9s %.2f%n", spec.label(), truth.name(), e.name(), e.confidence());
    }
    System.out.printf(
        "seed %d: exact %d/%d = %.1f %%, MIREX weighted %.1f %%; estimates by relation to the truth:"
            + " fifth %d, relative %d, parallel %d, other %d%n",
        seed,
        exact,
        count,
        100.0 * exact / count,
        100 * mirex / count,
        errors[KeyRelation.FIFTH.ordinal()],
        errors[KeyRelation.RELATIVE.ordinal()],
        errors[KeyRelation.PARALLEL.ordinal()],
        errors[KeyRelation.OTHER.ordinal()]);
  }
}
