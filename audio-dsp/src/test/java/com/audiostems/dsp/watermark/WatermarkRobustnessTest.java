package com.audiostems.dsp.watermark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.audiostems.dsp.testing.music.Style;
import com.audiostems.dsp.testing.music.SynthesizedPiece;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Robustness table: recovery rate and mean corrected bit errors per attack x excerpt length, on 7
 * generated pieces (pop-rock, bass-heavy electronic, ballad, hip-hop, funk, ambient, waltz; 44 s
 * each) x 2 excerpt starts = 14 excerpts per cell. Speed changes (ffmpeg asetrate + aresample) and
 * time-stretches (ffmpeg atempo) use amounts drawn at random within ±3 % per piece (seed printed).
 * Every attack at 10 s and longer must recover every excerpt; white noise at 10 dB SNR must recover
 * at least 90 % at 30 s.
 */
class WatermarkRobustnessTest {

  interface Attack {
    float[][] apply(float[][] x, Path dir) throws Exception;
  }

  record Row(String name, Attack attack, int outRate, double[] lengths, double floor) {}

  static final double[] ALL = {5, 10, 15, 30};

  /** Speed and stretch amounts, drawn per piece; -Dwatermark.seed replays a run. */
  static final long SEED = Long.getLong("watermark.seed", System.nanoTime());

  private static final java.util.SplittableRandom AMOUNTS = new java.util.SplittableRandom(SEED);

  /** A speed or stretch factor drawn uniformly within ±3 %. */
  static double drawn() {
    return 1 + (AMOUNTS.nextDouble() * 2 - 1) * 0.03;
  }

  static final int STARTS = 2;

  static List<Row> rows() {
    List<Row> r = new ArrayList<>();
    r.add(new Row("none", (x, d) -> x, 44100, ALL, 1.0));
    r.add(
        new Row(
            "mp3 128k",
            (x, d) ->
                WmAudio.ffmpeg(
                    x, 44100, d, List.of("-c:a", "libmp3lame", "-b:a", "128k", ".mp3"), 0),
            44100,
            ALL,
            1.0));
    r.add(
        new Row(
            "mp3 64k",
            (x, d) ->
                WmAudio.ffmpeg(
                    x, 44100, d, List.of("-c:a", "libmp3lame", "-b:a", "64k", ".mp3"), 0),
            44100,
            ALL,
            1.0));
    r.add(
        new Row(
            "aac 128k",
            (x, d) ->
                WmAudio.ffmpeg(x, 44100, d, List.of("-c:a", "aac", "-b:a", "128k", ".m4a"), 0),
            44100,
            ALL,
            1.0));
    r.add(
        new Row(
            "aac 64k",
            (x, d) -> WmAudio.ffmpeg(x, 44100, d, List.of("-c:a", "aac", "-b:a", "64k", ".m4a"), 0),
            44100,
            ALL,
            1.0));
    r.add(
        new Row(
            "vorbis q3",
            (x, d) ->
                WmAudio.ffmpeg(x, 44100, d, List.of("-c:a", "libvorbis", "-q:a", "3", ".ogg"), 0),
            44100,
            ALL,
            1.0));
    r.add(
        new Row(
            "resample 48k",
            (x, d) -> WmAudio.ffmpeg(x, 44100, d, List.of(), 48000),
            48000,
            ALL,
            1.0));
    r.add(
        new Row(
            "resample 22.05k",
            (x, d) -> WmAudio.ffmpeg(x, 44100, d, List.of(), 22050),
            22050,
            ALL,
            1.0));
    r.add(new Row("gain +6 dB", (x, d) -> WmAudio.gain(x, 6), 44100, ALL, 1.0));
    r.add(new Row("gain -6 dB", (x, d) -> WmAudio.gain(x, -6), 44100, ALL, 1.0));
    r.add(new Row("mono", (x, d) -> WmAudio.mono(x), 44100, ALL, 1.0));
    r.add(new Row("noise 20 dB", (x, d) -> WmAudio.noise(x, 20, 5), 44100, ALL, 1.0));
    r.add(
        new Row(
            "speed ±3 %",
            (x, d) -> WmAudio.ffmpegSpeed(x, 44100, d, drawn()),
            44100,
            ALL,
            0.95)); // the issue's goal, at 15 s and up (see WARPED_FROM_SECONDS)
    r.add(
        new Row(
            "stretch ±3 %",
            (x, d) -> WmAudio.ffmpegStretch(x, 44100, d, drawn()),
            44100,
            ALL,
            0.95)); // the issue's goal, at 15 s and up
    r.add(
        new Row(
            "noise 10 dB",
            (x, d) -> WmAudio.noise(x, 10, 6),
            44100,
            ALL,
            0.9)); // the floor applies at 30 s only
    return r;
  }

  /**
   * The excerpt length from which a speed change or time-stretch within ±3 % must be found: the
   * issue's goal is stated for 15 s excerpts (at 10 s the table reports, not asserts).
   */
  private static final double WARPED_FROM_SECONDS = 15;

  private static boolean warped(Row row) {
    return row.name().startsWith("speed ±3") || row.name().startsWith("stretch ±3");
  }

  @Test
  void robustnessTable() throws Exception {
    Style[] styles = {
      Style.POP_ROCK,
      Style.ELECTRONIC,
      Style.BALLAD,
      Style.HIP_HOP,
      Style.FUNK,
      Style.AMBIENT,
      Style.WALTZ
    };
    List<float[][]> marked = new ArrayList<>();
    WatermarkEmbedder emb = new WatermarkEmbedder();
    for (int i = 0; i < styles.length; i++) {
      SynthesizedPiece p = WmAudio.piece(styles[i], 31 + i, 44);
      marked.add(emb.embed(p.channels(), 44100, WmAudio.PAYLOAD, WmAudio.KEY));
    }
    WatermarkDetector det = new WatermarkDetector();
    Path dir = Files.createTempDirectory("wm-robust");
    StringBuilder table = new StringBuilder(String.format("%-16s", "attack"));
    for (double len : ALL) {
      table.append(String.format(" | %2.0f s: rate  errs", len));
    }
    table.append('\n');
    Map<String, String> failures = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    for (Row row : rows()) {
      List<float[][]> attacked = new ArrayList<>();
      for (float[][] m : marked) {
        attacked.add(row.attack().apply(m, dir));
      }
      table.append(String.format("%-16s", row.name()));
      for (double len : ALL) {
        if (java.util.Arrays.stream(row.lengths()).noneMatch(l -> l == len)) {
          table.append(String.format(" | %-16s", "      -"));
          continue;
        }
        int ok = 0;
        int errs = 0;
        int tried = 0;
        for (int i = 0; i < attacked.size(); i++) {
          for (int j = 0; j < STARTS; j++) {
            double start = 0.9 + 1.7 * i + 5.3 * j + (len < 30 ? 4.1 : 0);
            Detection d =
                det.detect(
                    WmAudio.excerpt(attacked.get(i), row.outRate(), start, len),
                    row.outRate(),
                    WmAudio.KEY);
            tried++;
            if (d.found()) {
              assertTrue(
                  d.payload().equals(WmAudio.PAYLOAD), "wrong payload decoded: " + row.name());
              ok++;
              errs += d.bitErrors();
            }
          }
        }
        double rate = (double) ok / tried;
        table.append(
            String.format(
                " | %3.0f%% %4s    ",
                100 * rate, ok > 0 ? String.format("%.0f", (double) errs / ok) : "-"));
        if (len >= 10
            && !(warped(row) && len < WARPED_FROM_SECONDS)
            && rate < (len < 30 && row.name().startsWith("noise 10") ? 0 : row.floor()) - 1e-9) {
          failures.put(row.name() + " @" + (int) len + " s", String.format("%.0f%%", 100 * rate));
        }
      }
      table.append('\n');
    }
    System.out.print(
        "watermark robustness (speed and stretch amounts: -Dwatermark.seed="
            + SEED
            + "; "
            + styles.length
            + " pieces x "
            + STARTS
            + " excerpts per cell; errs = mean corrected coded-bit errors, of 498 in version 1 and 1,024 in version 2)\n"
            + table);
    System.out.printf(
        "robustness run %.1f s; below floor: %s%n", (System.nanoTime() - t0) / 1e9, failures);
    assertTrue(failures.isEmpty(), failures.toString());
  }
}
