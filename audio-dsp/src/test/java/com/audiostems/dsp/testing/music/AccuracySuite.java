package com.audiostems.dsp.testing.music;

import static com.audiostems.dsp.testing.music.Mode.MAJOR;
import static com.audiostems.dsp.testing.music.Mode.MINOR;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fixed set of synthetic pieces that the analysis accuracy suites are judged on. Fixed means
 * fixed: specs and seeds are literals, so a change in a score is a change in an analyser (or in the
 * synthesiser, which its own tests pin down).
 *
 * <p>Composition (see {@link #pieces()}): 44 pieces, 1610 s of audio. Tempos 62-180 BPM, 17 below
 * 100, non-integer tempos 93.5, 76.8, 99.9, 102.4, 118.6, 127.3, 145.5; 8 in 3/4; 8 without drums
 * (ballads, ambient, a drumless waltz); all 24 keys; tuning offsets from -30 to +30 cents on 9;
 * swing on 7 (eighths, and sixteenths in funk); tempo drift on 5 (two linear ramps, three slow
 * sinusoids); heavy sub bass on 8; three ambient pieces with slow soft onsets; 6 with a song form
 * for the section-boundary analyser ({@link #withSections()}); 7 loudly mastered (compressed and
 * soft-limited, transients flattened); durations 30-60 s; 5 at 48 kHz, the rest at 44.1 kHz.
 *
 * <p>Labels read {@code style-bpm-key} plus tags: {@code 3-4} (metre), {@code nodr} (no drums),
 * {@code sw} (swing), {@code drift}, {@code heavy} (sub bass), {@code +30c} (tuning), {@code form}
 * (sections), {@code loud} (mastered hot), {@code 48k}.
 */
public final class AccuracySuite {

  private AccuracySuite() {}

  private static final int C = 0;
  private static final int DB = 1;
  private static final int D = 2;
  private static final int EB = 3;
  private static final int E = 4;
  private static final int F = 5;
  private static final int GB = 6;
  private static final int G = 7;
  private static final int AB = 8;
  private static final int A = 9;
  private static final int BB = 10;
  private static final int B = 11;

  private static PieceSpec.Builder p(Style style, double bpm, int tonic, Mode mode, long seed) {
    return PieceSpec.builder()
        .style(style)
        .tempoBpm(bpm)
        .key(tonic, mode)
        .seed(seed)
        .durationSeconds(30);
  }

  /** Every piece, in a fixed order. */
  public static List<PieceSpec> pieces() {
    List<PieceSpec.Builder> b = new ArrayList<>();
    // Steady pop/rock and the required non-integer tempos.
    b.add(p(Style.POP_ROCK, 120, C, MAJOR, 101).durationSeconds(40));
    b.add(p(Style.POP_ROCK, 93.5, A, MINOR, 102));
    b.add(p(Style.POP_ROCK, 127.3, E, MAJOR, 103).tuningCents(8).masteringDriveDb(6));
    b.add(p(Style.WALTZ, 84, F, MAJOR, 104));
    b.add(p(Style.BALLAD, 62, DB, MAJOR, 105).durationSeconds(45));
    b.add(p(Style.ELECTRONIC, 128, F, MINOR, 106).sampleRateHz(48_000).masteringDriveDb(8));
    b.add(p(Style.FUNK, 104, D, MAJOR, 107).swing(0.25));
    b.add(p(Style.AMBIENT, 66, EB, MINOR, 108).durationSeconds(45));
    b.add(p(Style.HIP_HOP, 86, G, MINOR, 109).swing(0.35));
    b.add(p(Style.BALLAD, 70, GB, MINOR, 110).beatsPerBar(3).durationSeconds(40));
    b.add(p(Style.POP_ROCK, 140, G, MAJOR, 111).tuningCents(30));
    b.add(
        p(Style.POP_ROCK, 76.8, B, MINOR, 112)
            .drift(TempoDrift.sinusoidal(3, 20))
            .durationSeconds(40));
    b.add(p(Style.WALTZ, 132, BB, MAJOR, 113));
    b.add(p(Style.WALTZ, 150, C, MINOR, 114).drums(false));
    b.add(p(Style.POP_ROCK, 112, A, MAJOR, 115).beatsPerBar(3));
    b.add(p(Style.BALLAD, 105, AB, MAJOR, 116));
    b.add(p(Style.AMBIENT, 80, DB, MINOR, 117).tuningCents(-15));
    b.add(p(Style.POP_ROCK, 112, EB, MAJOR, 118).drift(TempoDrift.linear(121)).durationSeconds(45));
    b.add(p(Style.POP_ROCK, 136, E, MINOR, 119).drift(TempoDrift.linear(128)).durationSeconds(45));
    b.add(p(Style.ELECTRONIC, 135, AB, MINOR, 120).sampleRateHz(48_000).masteringDriveDb(10));
    b.add(p(Style.FUNK, 112, GB, MAJOR, 121).swing(0.35));
    b.add(p(Style.POP_ROCK, 100, D, MINOR, 122));
    b.add(p(Style.HIP_HOP, 95, B, MAJOR, 123).swing(0.5));
    b.add(p(Style.POP_ROCK, 160, GB, MAJOR, 124).tuningCents(-5).masteringDriveDb(6));
    b.add(p(Style.POP_ROCK, 180, BB, MINOR, 125));
    b.add(p(Style.BALLAD, 78, A, MAJOR, 126).drums(true));
    b.add(p(Style.POP_ROCK, 118.6, F, MINOR, 127).tuningCents(12));
    b.add(p(Style.POP_ROCK, 102.4, C, MAJOR, 128).tuningCents(-25));
    b.add(p(Style.ELECTRONIC, 122, G, MINOR, 129).bass(BassWeight.NORMAL));
    b.add(p(Style.FUNK, 96, E, MINOR, 130).swing(0.2));
    b.add(
        p(Style.WALTZ, 108, D, MAJOR, 131)
            .drift(TempoDrift.sinusoidal(2.5, 15))
            .durationSeconds(40));
    // Song forms for the section-boundary analyser: a minute each, clear changes of parts and
    // level.
    b.add(p(Style.POP_ROCK, 145.5, AB, MAJOR, 132).songForm().durationSeconds(60));
    b.add(p(Style.POP_ROCK, 120, B, MINOR, 133).songForm().durationSeconds(60));
    b.add(
        p(Style.ELECTRONIC, 126, C, MINOR, 134).songForm().durationSeconds(60).masteringDriveDb(6));
    b.add(p(Style.BALLAD, 88, EB, MAJOR, 135).drums(true).songForm().durationSeconds(60));
    b.add(p(Style.FUNK, 110, A, MINOR, 136).swing(0.25).songForm().durationSeconds(60));
    b.add(p(Style.WALTZ, 96, G, MAJOR, 137).songForm().durationSeconds(60));
    // More of the hard ones.
    b.add(p(Style.POP_ROCK, 99.9, F, MAJOR, 138).tuningCents(-12));
    b.add(p(Style.ELECTRONIC, 174, D, MINOR, 139).masteringDriveDb(8));
    b.add(p(Style.AMBIENT, 72, E, MAJOR, 140).beatsPerBar(3).durationSeconds(40));
    b.add(p(Style.POP_ROCK, 168, DB, MAJOR, 141).sampleRateHz(48_000));
    b.add(p(Style.HIP_HOP, 72, BB, MINOR, 142).swing(0.4).drift(TempoDrift.sinusoidal(2, 25)));
    b.add(
        p(Style.POP_ROCK, 110, GB, MINOR, 143)
            .bass(BassWeight.HEAVY)
            .tuningCents(18)
            .sampleRateHz(48_000)
            .masteringDriveDb(7));
    b.add(p(Style.BALLAD, 92, B, MAJOR, 144).tuningCents(-30).sampleRateHz(48_000));
    List<PieceSpec> out = new ArrayList<>();
    for (PieceSpec.Builder builder : b) {
      PieceSpec s = builder.build();
      out.add(s.withLabel(labelOf(s)));
    }
    return List.copyOf(out);
  }

  /** The pieces with a song form (several labelled sections with clear changes). */
  public static List<PieceSpec> withSections() {
    return pieces().stream().filter(PieceSpec::hasSections).toList();
  }

  /**
   * A small, fast, varied subset (one of each kind of difficulty) for tests that cannot afford the
   * whole suite on a busy machine.
   */
  public static List<PieceSpec> smoke() {
    List<PieceSpec> all = pieces();
    return List.of(
        all.get(0),
        all.get(1),
        all.get(3),
        all.get(4),
        all.get(5),
        all.get(7),
        all.get(8),
        all.get(11),
        all.get(17));
  }

  /** The piece with this label. */
  public static PieceSpec byLabel(String label) {
    return pieces().stream()
        .filter(s -> s.label().equals(label))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no piece " + label));
  }

  /** Builds the label from what the spec is, so labels cannot disagree with specs. */
  static String labelOf(PieceSpec s) {
    StringBuilder sb = new StringBuilder();
    sb.append(s.style().name().toLowerCase(Locale.ROOT).replace("_rock", "").replace("_", ""));
    double bpm = s.tempoBpm();
    sb.append('-').append(bpm == Math.rint(bpm) ? String.valueOf((int) bpm) : String.valueOf(bpm));
    sb.append('-').append(PieceSpec.shortKeyName(s.tonicPitchClass(), s.mode()));
    if (s.beatsPerBar() != 4) {
      sb.append('-').append(s.beatsPerBar()).append("-4");
    }
    if (!s.instrumentation().drums()) {
      sb.append("-nodr");
    }
    if (s.swing() > 0) {
      sb.append("-sw");
    }
    if (s.drift().drifts()) {
      sb.append("-drift");
    }
    if (s.instrumentation().bass() == BassWeight.HEAVY) {
      sb.append("-heavy");
    }
    if (s.tuningCents() != 0) {
      sb.append(s.tuningCents() > 0 ? "+" : "")
          .append((int) Math.round(s.tuningCents()))
          .append('c');
    }
    if (s.hasSections()) {
      sb.append("-form");
    }
    if (s.masteringDriveDb() > 0) {
      sb.append("-loud");
    }
    if (s.sampleRateHz() != 44_100) {
      sb.append('-').append(s.sampleRateHz() / 1000).append('k');
    }
    return sb.toString();
  }
}
