package com.audiostems.dsp.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.dsp.testing.music.Mode;
import com.audiostems.dsp.testing.music.MusicSynth;
import com.audiostems.dsp.testing.music.PieceSpec;
import com.audiostems.dsp.testing.music.Style;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Generated defect variants of generated music, one class per check at several strengths, and clean
 * controls (16/24-bit, 44.1/48/96 kHz, mono and stereo): prints recall per class and the false
 * alarms on the clean set (any WARNING or ERROR on a clean control), and asserts the aim.
 */
class QualityDefectSuiteTest {

  static final double SECONDS = 10;

  /**
   * Three short pieces (drums and bass; drumless and soft; electronic with heavy bass), each with a
   * 1.2 s quiet intro (the synthesiser's room noise): a noise floor shows in the quiet passages.
   */
  static final List<PieceSpec> PIECES =
      List.of(
          PieceSpec.builder()
              .label("pop")
              .style(Style.POP_ROCK)
              .tempoBpm(118)
              .key(9, Mode.MINOR)
              .durationSeconds(SECONDS)
              .leadInSeconds(1.2)
              .seed(7101)
              .build(),
          PieceSpec.builder()
              .label("ballad")
              .style(Style.BALLAD)
              .tempoBpm(72)
              .key(2, Mode.MAJOR)
              .durationSeconds(SECONDS)
              .leadInSeconds(1.2)
              .seed(7102)
              .build(),
          PieceSpec.builder()
              .label("edm")
              .style(Style.ELECTRONIC)
              .tempoBpm(126)
              .key(5, Mode.MINOR)
              .durationSeconds(SECONDS)
              .leadInSeconds(1.2)
              .seed(7103)
              .build());

  record Variant(
      String defect,
      String label,
      int rateHz,
      int declaredBits,
      Callable<float[][]> make,
      Predicate<QualityReport> found) {}

  private final Map<String, float[][]> renders = new HashMap<>();

  synchronized float[][] render(PieceSpec spec, int rate) {
    return renders.computeIfAbsent(
        spec.label() + "@" + rate, k -> MusicSynth.render(spec.withSampleRate(rate)).channels());
  }

  static Predicate<QualityReport> has(String code) {
    return r -> r.has(code, Severity.WARNING);
  }

  @Test
  void defectsAreFoundAndCleanControlsPass() throws Exception {
    Path tmp = Files.createTempDirectory("qc-suite");
    List<Variant> clean = new ArrayList<>();
    List<Variant> defects = new ArrayList<>();
    for (PieceSpec p : PIECES) {
      for (int rate : new int[] {44_100, 48_000, 96_000}) {
        for (int bits : new int[] {16, 24}) {
          for (boolean stereo : new boolean[] {true, false}) {
            clean.add(
                new Variant(
                    "clean",
                    p.label() + " " + rate / 1000.0 + "k/" + bits + (stereo ? " st" : " mono"),
                    rate,
                    bits,
                    () -> {
                      float[][] x = render(p, rate);
                      if (rate > 48_000) {
                        x = Defects.air(x, rate, -70, 3);
                      }
                      return Defects.quantise(stereo ? x : Defects.mono(x), bits);
                    },
                    r -> r.atLeast(Severity.WARNING).isEmpty()));
          }
        }
      }
      int sr = 44_100;
      int n = (int) (SECONDS * sr);
      String l = p.label();
      for (String[] codec :
          new String[][] {
            {"mp3-128", "libmp3lame", "128k", ".mp3"},
            {"mp3-192", "libmp3lame", "192k", ".mp3"},
            {"mp3-320", "libmp3lame", "320k", ".mp3"},
            {"aac-128", "aac", "128k", ".m4a"}
          }) {
        for (int rate : new int[] {44_100, 48_000}) {
          defects.add(
              new Variant(
                  "lossy-transcode",
                  l + " " + codec[0] + " " + rate / 1000.0 + "k",
                  rate,
                  16,
                  () ->
                      Defects.ffmpeg(
                          render(p, rate),
                          rate,
                          tmp,
                          l + codec[0] + rate,
                          List.of("-c:a", codec[1], "-b:a", codec[2], codec[3]),
                          List.of("-ar", "" + rate),
                          false),
                  has(LossyTranscodeCheck.CODE)));
        }
      }
      defects.add(
          new Variant(
              "bit-depth",
              l + " 16 in 24",
              sr,
              24,
              () -> Defects.quantise(render(p, sr), 16),
              r -> r.has(BitDepthCheck.CODE, Severity.WARNING) && r.effectiveBitDepth() == 16));
      defects.add(
          new Variant(
              "bit-depth",
              l + " 16 in 24 + odd samples",
              48_000,
              24,
              () -> {
                float[][] x = Defects.quantise(render(p, 48_000), 16);
                for (int i = 0; i < 20; i++) {
                  x[i % 2][1000 + i * 20_011] += (float) Math.scalb(1.0, -23);
                }
                return x;
              },
              r -> r.has(BitDepthCheck.CODE, Severity.WARNING) && r.effectiveBitDepth() == 16));
      defects.add(
          new Variant(
              "bit-depth",
              l + " 8 in 16",
              sr,
              16,
              () -> Defects.quantise(render(p, sr), 8),
              r -> r.has(BitDepthCheck.CODE, Severity.WARNING) && r.effectiveBitDepth() == 8));
      defects.add(
          new Variant(
              "bit-depth",
              l + " 8 in 16 mono",
              48_000,
              16,
              () -> Defects.quantise(Defects.mono(render(p, 48_000)), 8),
              r -> r.has(BitDepthCheck.CODE, Severity.WARNING) && r.effectiveBitDepth() == 8));
      for (int from : new int[] {44_100, 48_000}) {
        for (int to : new int[] {88_200, 96_000}) {
          defects.add(
              new Variant(
                  "upsampled",
                  l + " " + from / 1000.0 + "k->" + to / 1000.0 + "k",
                  to,
                  24,
                  () ->
                      Defects.quantise(
                          Defects.ffmpeg(
                              render(p, from),
                              from,
                              tmp,
                              l + "up" + from + to,
                              List.of(),
                              List.of("-af", "aresample=" + to + ":resampler=soxr"),
                              true),
                          24),
                  r ->
                      r.has(SampleRateCheck.CODE, Severity.WARNING)
                          && r.effectiveSampleRateHz() == from));
        }
      }
      for (double drive : new double[] {1, 2, 3, 6, 10}) {
        defects.add(
            new Variant(
                "clipping",
                l + " +" + drive + " dB",
                sr,
                16,
                () -> Defects.quantise(Defects.clip(render(p, sr), drive + 1), 16),
                has(ClippingCheck.CODE)));
      }
      for (double pct : new double[] {0.5, 1, 2, 5}) {
        defects.add(
            new Variant(
                "dc-offset",
                l + " " + pct + " %",
                sr,
                16,
                () -> Defects.quantise(Defects.dc(render(p, sr), pct / 100), 16),
                has(DcOffsetCheck.CODE)));
      }
      for (double s : new double[] {1.5, 3, 5}) {
        defects.add(
            new Variant(
                "silence-leading",
                l + " " + s + " s",
                sr,
                16,
                () -> Defects.quantise(Defects.pad(render(p, sr), (int) (s * sr), 0), 16),
                has(SilenceCheck.LEADING_CODE)));
        defects.add(
            new Variant(
                "silence-trailing",
                l + " " + (s + 1) + " s",
                sr,
                16,
                () -> Defects.quantise(Defects.pad(render(p, sr), 0, (int) ((s + 1) * sr)), 16),
                has(SilenceCheck.TRAILING_CODE)));
      }
      for (double s : new double[] {0.1, 0.3, 1.0}) {
        defects.add(
            new Variant(
                "silence-internal",
                l + " zeros " + s + " s",
                sr,
                16,
                () -> Defects.quantise(Defects.gap(render(p, sr), n / 2, (int) (s * sr), 0, 1), 16),
                has(SilenceCheck.INTERNAL_CODE)));
      }
      defects.add(
          new Variant(
              "silence-internal",
              l + " -96 dBFS 0.8 s",
              sr,
              16,
              () ->
                  Defects.quantise(
                      Defects.gap(
                          render(p, sr), n / 3, (int) (0.8 * sr), Math.pow(10, -93 / 20.0), 1),
                      16),
              has(SilenceCheck.INTERNAL_CODE)));
      for (double db : new double[] {Double.NaN, 0.3}) {
        defects.add(
            new Variant(
                "mono-as-stereo",
                l + (Double.isNaN(db) ? " identical" : " " + db + " dB apart"),
                sr,
                16,
                () ->
                    Defects.quantise(
                        Defects.dualMono(render(p, sr), Double.isNaN(db) ? 0 : -db), 16),
                has(MonoAsStereoCheck.CODE)));
      }
      defects.add(
          new Variant(
              "mono-as-stereo",
              l + " independent dither",
              sr,
              16,
              () -> {
                float[][] x = Defects.noise(Defects.dualMono(render(p, sr), 0), -98, 5);
                return Defects.quantise(x, 16);
              },
              has(MonoAsStereoCheck.CODE)));
      for (int ch = 0; ch < 2; ch++) {
        int c = ch;
        defects.add(
            new Variant(
                "polarity",
                l + " ch" + ch + " inverted",
                sr,
                16,
                () -> Defects.quantise(Defects.invert(render(p, sr), c), 16),
                has(PolarityCheck.CODE)));
        defects.add(
            new Variant(
                "polarity",
                l + " ch" + ch + " inverted 24/96",
                96_000,
                24,
                () -> Defects.quantise(Defects.invert(render(p, 96_000), c), 24),
                has(PolarityCheck.CODE)));
      }
      for (double deg : new double[] {105, 120, 135}) {
        defects.add(
            new Variant(
                "phase",
                l + " rotated " + deg,
                sr,
                16,
                () -> Defects.quantise(Defects.rotatePhase(render(p, sr), 1, deg), 16),
                has(PhaseCheck.CODE)));
      }
      for (double db : new double[] {3, 6, 10}) {
        defects.add(
            new Variant(
                "channel-imbalance",
                l + " " + db + " dB",
                sr,
                16,
                () -> Defects.quantise(Defects.attenuate(render(p, sr), db == 6 ? 0 : 1, db), 16),
                has(ChannelBalanceCheck.CODE)));
      }
      for (double db : new double[] {-55, -50, -45, -40}) {
        defects.add(
            new Variant(
                "noise-floor",
                l + " " + db + " dBFS",
                sr,
                16,
                () -> Defects.quantise(Defects.noise(render(p, sr), db, 9), 16),
                has(NoiseFloorCheck.CODE)));
      }
      for (double drive : new double[] {10, 14, 18}) {
        defects.add(
            new Variant(
                "dynamic-range",
                l + " limited +" + drive + " dB",
                sr,
                16,
                () -> Defects.quantise(Defects.limit(render(p, sr), sr, drive), 16),
                has(DynamicRangeCheck.CODE)));
      }
    }

    long t0 = System.nanoTime();
    List<Variant> all = new ArrayList<>(clean);
    all.addAll(defects);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<QualityReport>> futures = new ArrayList<>();
    for (Variant v : all) {
      futures.add(
          pool.submit(
              () -> QualityChecker.check(v.make().call(), v.rateHz(), v.declaredBits(), null)));
    }
    Map<String, int[]> perClass = new LinkedHashMap<>();
    List<String> falseAlarms = new ArrayList<>();
    List<String> misses = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Variant v = all.get(i);
      QualityReport r = futures.get(i).get();
      boolean ok = v.found().test(r);
      int[] c = perClass.computeIfAbsent(v.defect(), k -> new int[2]);
      c[0]++;
      if (ok) {
        c[1]++;
      } else {
        (v.defect().equals("clean") ? falseAlarms : misses).add(describe(v, r));
      }
      if (System.getProperty("qc.verbose") != null) {
        System.out.println(describe(v, r));
      }
    }
    pool.shutdown();
    Files.deleteIfExists(tmp);

    System.out.printf(
        Locale.ROOT,
        "%nQuality defect suite (%d variants, %.1f s)%n",
        all.size(),
        (System.nanoTime() - t0) / 1e9);
    System.out.printf(Locale.ROOT, "%-18s %8s %6s %8s%n", "class", "variants", "found", "recall");
    for (var e : perClass.entrySet()) {
      if (e.getKey().equals("clean")) {
        continue;
      }
      int[] c = e.getValue();
      System.out.printf(
          Locale.ROOT, "%-18s %8d %6d %7.1f%%%n", e.getKey(), c[0], c[1], 100.0 * c[1] / c[0]);
    }
    int[] cl = perClass.get("clean");
    System.out.printf(
        Locale.ROOT, "%-18s %8d %6d false alarms%n", "clean controls", cl[0], cl[0] - cl[1]);
    misses.forEach(m -> System.out.println("MISS  " + m));
    falseAlarms.forEach(m -> System.out.println("FALSE " + m));

    assertThat(falseAlarms).isEmpty();
    for (var e : perClass.entrySet()) {
      int[] c = e.getValue();
      assertThat(100.0 * c[1] / c[0]).as(e.getKey()).isGreaterThanOrEqualTo(95.0);
    }
  }

  static String describe(Variant v, QualityReport r) {
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%-16s %-34s score %3d bits %2d rate %6d bw %7.0f |",
                v.defect(),
                v.label(),
                r.score(),
                r.effectiveBitDepth(),
                r.effectiveSampleRateHz(),
                r.effectiveBandwidthHz()));
    for (Finding f : r.findings()) {
      s.append(' ')
          .append(f.code())
          .append('/')
          .append(f.severity().name().charAt(0))
          .append('=')
          .append(String.format(Locale.ROOT, "%.3g", f.measured()));
    }
    s.append(" |");
    r.measurements().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .filter(e -> !e.getKey().startsWith("dc."))
        .forEach(
            e ->
                s.append(' ')
                    .append(e.getKey())
                    .append('=')
                    .append(String.format(Locale.ROOT, "%.3g", e.getValue())));
    return s.toString();
  }
}
