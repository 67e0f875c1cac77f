package com.audiostems.dsp.rhythm;

import com.audiostems.dsp.testing.music.BassWeight;
import com.audiostems.dsp.testing.music.Mode;
import com.audiostems.dsp.testing.music.PieceSpec;
import com.audiostems.dsp.testing.music.Style;
import com.audiostems.dsp.testing.music.TempoDrift;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A hold-out set for the rhythm analysis: pieces drawn by a seeded random generator over style ×
 * tempo × metre × swing × drift × drums × key × tuning × mastering, none of which the {@link
 * com.audiostems.dsp.testing.music.AccuracySuite} fixes. Tuning the analysis on the suite and
 * checking it here tells an improvement from a fit to the suite's 44 pieces.
 *
 * <p>Tempi are drawn log-uniformly within 60–180 BPM, narrowed to what each style is played at (a
 * hip-hop groove at 170 BPM would be notated at 85, and the truth would be ambiguous). The
 * generator's seed and the piece seeds (from 5000 up) are literals, so the set is fixed.
 */
final class HoldoutSuite {

  static final long GENERATOR_SEED = 0x5EED_4011L;

  static final int SIZE = 40;

  private HoldoutSuite() {}

  /** {lowest, highest} tempo a style is notated at, within 60–180. */
  static double[] tempoRange(Style style) {
    return switch (style) {
      case POP_ROCK -> new double[] {70, 180};
      case WALTZ -> new double[] {80, 180};
      case BALLAD -> new double[] {60, 110};
      case ELECTRONIC -> new double[] {110, 180};
      case FUNK -> new double[] {84, 126};
      case HIP_HOP -> new double[] {64, 104};
      case AMBIENT -> new double[] {60, 96};
    };
  }

  static List<PieceSpec> pieces() {
    SplittableRandom rng = new SplittableRandom(GENERATOR_SEED);
    Style[] styles = Style.values();
    List<PieceSpec> out = new ArrayList<>();
    for (int i = 0; i < SIZE; i++) {
      Style style = styles[i % styles.length]; // every style about equally often
      double[] range = tempoRange(style);
      double bpm =
          Math.round(
                  10
                      * Math.exp(
                          Math.log(range[0]) + rng.nextDouble() * Math.log(range[1] / range[0])))
              / 10.0;
      PieceSpec.Builder b =
          PieceSpec.builder()
              .style(style)
              .tempoBpm(bpm)
              .key(rng.nextInt(12), rng.nextBoolean() ? Mode.MAJOR : Mode.MINOR)
              .seed(5000 + i)
              .durationSeconds(30 + 5 * rng.nextInt(4));
      if (style != Style.WALTZ
          && style != Style.ELECTRONIC
          && style != Style.FUNK
          && style != Style.HIP_HOP
          && rng.nextDouble() < 0.3) {
        b.beatsPerBar(3);
      }
      boolean defaultDrums = style.defaultInstrumentation().drums();
      if (rng.nextDouble() < 0.25) {
        b.drums(!defaultDrums);
      }
      if (style == Style.FUNK || style == Style.HIP_HOP) {
        b.swing(0.15 + 0.35 * rng.nextDouble());
      } else if (style == Style.POP_ROCK && rng.nextDouble() < 0.25) {
        b.swing(0.2 + 0.3 * rng.nextDouble());
      }
      double d = rng.nextDouble();
      if (d < 0.15) {
        b.drift(TempoDrift.linear(Math.round(bpm * (0.93 + 0.14 * rng.nextDouble()))));
      } else if (d < 0.3) {
        b.drift(TempoDrift.sinusoidal(1.5 + 2 * rng.nextDouble(), 15 + 10 * rng.nextDouble()));
      }
      if (rng.nextDouble() < 0.3) {
        b.tuningCents(Math.round(-30 + 60 * rng.nextDouble()));
      }
      if (rng.nextDouble() < 0.2) {
        b.masteringDriveDb(6 + 4 * rng.nextDouble());
      }
      if (rng.nextDouble() < 0.15) {
        b.bass(BassWeight.HEAVY);
      }
      if (rng.nextDouble() < 0.15) {
        b.sampleRateHz(48_000);
      }
      PieceSpec s = b.build();
      out.add(s.withLabel(label(s, i)));
    }
    return List.copyOf(out);
  }

  static String label(PieceSpec s, int index) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "h%02d-", index));
    sb.append(s.style().name().toLowerCase(Locale.ROOT).replace("_rock", "").replace("_", ""));
    sb.append('-')
        .append(
            s.tempoBpm() == Math.rint(s.tempoBpm())
                ? String.valueOf((int) s.tempoBpm())
                : String.valueOf(s.tempoBpm()));
    sb.append('-').append(PieceSpec.shortKeyName(s.tonicPitchClass(), s.mode()));
    if (s.beatsPerBar() != 4) {
      sb.append('-').append(s.beatsPerBar()).append("-4");
    }
    sb.append(s.instrumentation().drums() ? "" : "-nodr");
    sb.append(s.swing() > 0 ? "-sw" : "");
    sb.append(s.drift().drifts() ? "-drift" : "");
    sb.append(s.instrumentation().bass() == BassWeight.HEAVY ? "-heavy" : "");
    sb.append(s.masteringDriveDb() > 0 ? "-loud" : "");
    sb.append(s.sampleRateHz() != 44_100 ? "-48k" : "");
    return sb.toString();
  }

  /** Development entry point: prints the hold-out table (or the pieces whose labels are given). */
  public static void main(String[] args) {
    List<PieceSpec> pieces = pieces();
    if (args.length > 0) {
      List<String> wanted = List.of(args);
      pieces =
          pieces.stream()
              .filter(p -> wanted.stream().anyMatch(w -> p.label().contains(w)))
              .toList();
    }
    System.out.print(SuiteEvaluation.table(SuiteEvaluation.run(pieces)));
  }
}
