package com.audiostems.dsp.watermark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The watermark against real leaks on real material (bench/watermark-attacks.sh): every WAV of a
 * split of bench/watermark-material.sh is marked (its own payload), attacked with real tools
 * (ffmpeg's libmp3lame and aac encoders, its asetrate + aresample for speed, rubberband and
 * ffmpeg's atempo for time-stretch; amounts drawn at random within ±3 %, seeded) and excerpted at a
 * random start; prints found / total per attack, the false detections on unmarked excerpts and with
 * a wrong key, SNR and masking, and CPU times.
 *
 * <p>Arguments: [MATERIAL_DIR/heldout] [SEED=20261207] [UNMARKED_EXCERPTS=1000] [ROWS=regex of
 * attack names, default all] [VERSION=the embedder's current, 1|2: the mark version written]
 * [TRACKS=all: only the first TRACKS renders]. The detector is the same for every version (it tries
 * each); the same seed draws the same payloads, amounts and excerpts for every version.
 */
public final class WatermarkAttackBenchmark {

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static final int RATE = 44100;

  interface Attack {
    float[][] apply(float[][] x, Path dir, SplittableRandom r, StringBuilder note) throws Exception;
  }

  record Row(String name, double seconds, Attack attack) {}

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("none", 10, (x, d, r, n) -> x));
    rows.add(new Row("MP3 128k", 10, (x, d, r, n) -> codec(x, d, "libmp3lame", "128k", ".mp3")));
    rows.add(new Row("MP3 64k", 10, (x, d, r, n) -> codec(x, d, "libmp3lame", "64k", ".mp3")));
    rows.add(new Row("AAC 64k", 10, (x, d, r, n) -> codec(x, d, "aac", "64k", ".m4a")));
    rows.add(new Row("white noise 20 dB", 10, (x, d, r, n) -> WmAudio.noise(x, 20, r.nextLong())));
    rows.add(
        new Row(
            "white noise 20 dB, then MP3 128k",
            10,
            (x, d, r, n) ->
                codec(WmAudio.noise(x, 20, r.nextLong()), d, "libmp3lame", "128k", ".mp3")));
    rows.add(
        new Row(
            "speed ±3 % (ffmpeg asetrate+aresample)",
            15, (x, d, r, n) -> WmAudio.ffmpegSpeed(x, RATE, d, amount(r, n))));
    rows.add(
        new Row(
            "time-stretch ±3 % (rubberband)",
            15, (x, d, r, n) -> WmAudio.rubberbandStretch(x, RATE, d, amount(r, n))));
    rows.add(
        new Row(
            "time-stretch ±3 % (ffmpeg atempo)",
            15, (x, d, r, n) -> WmAudio.ffmpegStretch(x, RATE, d, amount(r, n))));
    return rows;
  }

  private static double amount(SplittableRandom r, StringBuilder note) {
    double f = 1 + (r.nextDouble() * 2 - 1) * 0.03;
    note.append(String.format(Locale.ROOT, "%.4f ", f));
    return f;
  }

  private static float[][] codec(float[][] x, Path dir, String codec, String rate, String ext)
      throws Exception {
    return WmAudio.ffmpeg(x, RATE, dir, List.of("-c:a", codec, "-b:a", rate, ext), 0);
  }

  public static void main(String[] args) throws Exception {
    Path material =
        Path.of(
            args.length > 0
                ? args[0]
                : System.getProperty("user.home")
                    + "/.cache/audiostems/watermark-material/heldout");
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261207L;
    int unmarkedExcerpts = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    List<Path> tracks;
    try (Stream<Path> s = Files.list(material)) {
      tracks =
          s.filter(p -> p.toString().endsWith(".wav"))
              .sorted()
              .limit(args.length > 5 ? Integer.parseInt(args[5]) : Long.MAX_VALUE)
              .toList();
    }
    MarkVersion version =
        args.length > 4
            ? MarkVersion.values()[Integer.parseInt(args[4]) - 1]
            : WatermarkEmbedder.CURRENT_VERSION;
    System.out.printf(
        "watermark attacks on %d tracks of %s, seed %d, marks written as version %d%n",
        tracks.size(), material, seed, version.number());
    SplittableRandom r = new SplittableRandom(seed);
    Path dir = Files.createTempDirectory("wm-attacks");
    WatermarkEmbedder embedder = new WatermarkEmbedder(version);
    WatermarkDetector detector = new WatermarkDetector();
    WatermarkKey wrong = WatermarkKey.fromPassphrase("wrong", "not the deployment's key");
    String only = args.length > 3 ? args[3] : ".*";
    List<Row> rows = rows().stream().filter(row -> row.name().matches(only)).toList();
    Map<String, int[]> found = new LinkedHashMap<>();
    Map<String, StringBuilder> missed = new LinkedHashMap<>();
    for (Row row : rows) {
      found.put(row.name(), new int[2]);
      missed.put(row.name(), new StringBuilder());
    }
    double embedCpu = 0;
    double audioSeconds = 0;
    List<Double> snr = new ArrayList<>();
    long[] masking = new long[4];
    List<Double> searchCpu15 = new ArrayList<>();
    List<Double> searchCpu10 = new ArrayList<>();
    int wrongKeyHits = 0;
    int wrongKeyChecks = 0;
    List<float[][]> originals = new ArrayList<>();
    for (int t = 0; t < tracks.size(); t++) {
      float[][] x = WmAudio.readWav(tracks.get(t), 2);
      originals.add(x);
      Payload payload = payloadOf(r);
      long c0 = CPU.getCurrentThreadCpuTime();
      float[][] m = embedder.embed(x, RATE, payload, WmAudio.KEY);
      embedCpu += (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
      audioSeconds += (double) x[0].length / RATE;
      snr.add(WmAudio.snrDb(x, m));
      long[] mc = WmAudio.maskingCounts(x, m);
      for (int j = 0; j < 4; j++) {
        masking[j] += mc[j];
      }
      String name = tracks.get(t).getFileName().toString();
      for (Row row : rows) {
        StringBuilder note = new StringBuilder();
        float[][] y = row.attack().apply(m, dir, r, note);
        double len = row.seconds();
        double outSeconds = (double) y[0].length / RATE;
        double start = r.nextDouble() * Math.max(0, outSeconds - len - 0.5);
        float[][] e = WmAudio.excerpt(y, RATE, start, len);
        long d0 = CPU.getCurrentThreadCpuTime();
        Detection d = detector.detect(e, RATE, WmAudio.KEY);
        double cpu = (CPU.getCurrentThreadCpuTime() - d0) / 1e9;
        (len == 15 ? searchCpu15 : searchCpu10).add(cpu);
        boolean ok = d.found() && d.payload().equals(payload);
        if (d.found() && !ok) {
          throw new IllegalStateException("wrong payload decoded: " + name + " " + row.name());
        }
        found.get(row.name())[0] += ok ? 1 : 0;
        found.get(row.name())[1]++;
        if (!ok) {
          missed.get(row.name()).append(name).append(' ').append(note).append("; ");
        }
      }
      wrongKeyChecks++;
      wrongKeyHits += detector.detect(WmAudio.excerpt(m, RATE, 5, 15), RATE, wrong).found() ? 1 : 0;
      System.out.printf("  %s done%n", name);
    }
    int unmarkedHits = 0;
    int unmarkedChecks = 0;
    double unmarkedCpu = 0;
    int perTrack = (unmarkedExcerpts + originals.size() - 1) / originals.size();
    for (float[][] x : originals) {
      double span = (double) x[0].length / RATE - 10;
      for (int k = 0; k < perTrack && unmarkedChecks < unmarkedExcerpts; k++) {
        float[][] e = WmAudio.excerpt(x, RATE, span * k / perTrack, 10);
        long d0 = CPU.getCurrentThreadCpuTime();
        unmarkedHits += detector.detect(e, RATE, WmAudio.KEY).found() ? 1 : 0;
        unmarkedCpu += (CPU.getCurrentThreadCpuTime() - d0) / 1e9;
        unmarkedChecks++;
      }
    }
    System.out.println();
    System.out.println("| attack | excerpt | found |");
    System.out.println("|---|---:|---:|");
    for (Row row : rows) {
      int[] f = found.get(row.name());
      System.out.printf(
          Locale.ROOT,
          "| %s | %.0f s | %d/%d (%.0f %%) |%n",
          row.name(),
          row.seconds(),
          f[0],
          f[1],
          100.0 * f[0] / f[1]);
    }
    System.out.printf(
        "| unmarked excerpts detected | 10 s | %d/%d |%n", unmarkedHits, unmarkedChecks);
    System.out.printf(
        "| wrong key on marked excerpts | 15 s | %d/%d |%n", wrongKeyHits, wrongKeyChecks);
    snr.sort(Double::compare);
    System.out.printf(
        Locale.ROOT,
        "%nmark SNR median %.1f dB (min %.1f); frames with every band under the masking threshold"
            + " %.1f %%; bands under %.1f %%%n",
        snr.get(snr.size() / 2),
        snr.get(0),
        100.0 * masking[0] / masking[1],
        100.0 * masking[2] / masking[3]);
    for (List<Double> l : List.of(searchCpu15, searchCpu10)) {
      l.sort(Double::compare);
      if (l.isEmpty()) {
        l.add(Double.NaN);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "embedding %.0fx real time (CPU); 15 s excerpt search CPU median %.3f s, max %.3f s;"
            + " 10 s attacked excerpt median %.3f s, max %.3f s; unmarked 10 s excerpt mean %.3f"
            + " s%n",
        audioSeconds / embedCpu,
        searchCpu15.get(searchCpu15.size() / 2),
        searchCpu15.getLast(),
        searchCpu10.get(searchCpu10.size() / 2),
        searchCpu10.getLast(),
        unmarkedCpu / Math.max(1, unmarkedChecks));
    missed.forEach(
        (k, v) -> {
          if (!v.isEmpty()) {
            System.out.println("missed, " + k + ": " + v);
          }
        });
  }

  private static Payload payloadOf(SplittableRandom r) {
    byte[] b = new byte[16];
    for (int i = 0; i < 16; i++) {
      b[i] = (byte) r.nextInt(256);
    }
    return new Payload(b);
  }
}
