package com.audiostems.dsp.watermark;

import com.audiostems.dsp.signal.Downmix;
import com.audiostems.dsp.signal.RealFft;
import com.audiostems.dsp.signal.Resampler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Exploratory, not a test: where the hard cells of bench/watermark-attacks.sh lose the mark. On the
 * first N tracks of a material split, per attack: found / tried, and the coded-bit error rate
 * before the convolutional code at the detector's own sync (first-pass weights, and weights
 * measured against the true codeword: the best the decision-directed pass can do).
 *
 * <p>Arguments: [MATERIAL_DIR/tune] [TRACKS=8] [SEED=7] [ROWS=regex, default the hard cells]
 * [VERSION=1|2, the mark version written]
 */
public final class WatermarkBerProbe {

  private static final int RATE = 44100;

  public static void main(String[] args) throws Exception {
    Path material =
        Path.of(
            args.length > 0
                ? args[0]
                : System.getProperty("user.home") + "/.cache/audiostems/watermark-material/tune");
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 7;
    String only = args.length > 3 ? args[3] : "MP3 64k|AAC 64k|white noise 20 dB|.*rubberband.*";
    MarkVersion version =
        MarkVersion.values()[(args.length > 4 ? Integer.parseInt(args[4]) : 1) - 1];
    List<Path> tracks;
    try (Stream<Path> s = Files.list(material)) {
      tracks = s.filter(p -> p.toString().endsWith(".wav")).sorted().limit(n).toList();
    }
    List<WatermarkAttackBenchmark.Row> rows =
        WatermarkAttackBenchmark.rows().stream().filter(r -> r.name().matches(only)).toList();
    SplittableRandom r = new SplittableRandom(seed);
    Path dir = Files.createTempDirectory("wm-ber");
    WatermarkEmbedder embedder = new WatermarkEmbedder(version);
    WatermarkDetector detector = new WatermarkDetector();
    Format.Layout lay = Format.layout(WmAudio.KEY);
    int[][] found = new int[rows.size()][2];
    double[][] ber = new double[rows.size()][2];
    double[] snr = new double[tracks.size()];
    long[] masking = new long[4];
    for (int t = 0; t < tracks.size(); t++) {
      float[][] x = WmAudio.readWav(tracks.get(t), 2);
      byte[] b = new byte[16];
      for (int i = 0; i < 16; i++) {
        b[i] = (byte) r.nextInt(256);
      }
      Payload payload = new Payload(b);
      int[] code = version.codeword(payload);
      float[][] m = embedder.embed(x, RATE, payload, WmAudio.KEY);
      snr[t] = WmAudio.snrDb(x, m);
      long[] mc = WmAudio.maskingCounts(x, m);
      for (int j = 0; j < 4; j++) {
        masking[j] += mc[j];
      }
      StringBuilder line = new StringBuilder(tracks.get(t).getFileName().toString());
      for (int k = 0; k < rows.size(); k++) {
        WatermarkAttackBenchmark.Row row = rows.get(k);
        float[][] y = row.attack().apply(m, dir, r, new StringBuilder());
        double outSeconds = (double) y[0].length / RATE;
        double start = r.nextDouble() * Math.max(0, outSeconds - row.seconds() - 0.5);
        float[][] e = WmAudio.excerpt(y, RATE, start, row.seconds());
        Detection d = detector.detect(e, RATE, WmAudio.KEY);
        boolean ok = d.found() && d.payload().equals(payload);
        found[k][0] += ok ? 1 : 0;
        found[k][1]++;
        double[] errs = coded(e, lay, version, code, row.name().contains("stretch"));
        ber[k][0] += errs[0];
        ber[k][1] += errs[1];
        line.append(
            String.format(
                Locale.ROOT,
                " | %s %s %.3f %.3f",
                row.name(),
                ok ? "ok" + d.markVersion() : "--",
                errs[0],
                errs[1]));
      }
      System.out.println(line);
    }
    java.util.Arrays.sort(snr);
    System.out.printf(
        Locale.ROOT,
        "SNR median %.1f min %.1f; masking frames %.1f %% bands %.1f %%%n",
        snr[snr.length / 2],
        snr[0],
        100.0 * masking[0] / masking[1],
        100.0 * masking[2] / masking[3]);
    for (int k = 0; k < rows.size(); k++) {
      System.out.printf(
          Locale.ROOT,
          "%-34s found %d/%d  coded BER first pass %.3f, true-code weights %.3f%n",
          rows.get(k).name(),
          found[k][0],
          found[k][1],
          ber[k][0] / found[k][1],
          ber[k][1] / found[k][1]);
    }
  }

  /**
   * Coded-bit error rates {first pass, true-code weights} at the best sync candidate (1.0 = no
   * candidate: all wrong).
   */
  private static double[] coded(
      float[][] e, Format.Layout lay, MarkVersion version, int[] code, boolean stretched) {
    float[] x = Resampler.toRate(Downmix.mono(e), RATE, Format.DET_RATE_HZ, Format.MARK_TOP_HZ);
    RealFft fft = new RealFft(Format.DET_N);
    SyncScanner scanner = new SyncScanner(x, WatermarkDetector.SPEEDS, SyncListener.NONE, fft);
    SyncScanner.Stretch stretch = scanner.stretch(0);
    Warp warp = Warp.NONE;
    if (stretched) {
      List<ScaleSearch.Hypothesis> likely = stretch.likelyWarps(lay);
      if (!likely.isEmpty()) {
        warp = likely.get(0).warp();
      }
    }
    SyncScanner.SpeedScan scan = stretch.at(warp);
    List<SyncScanner.Candidate> cands =
        scan == null ? List.of() : scan.candidates(lay, Double.NEGATIVE_INFINITY);
    if (cands.isEmpty()) {
      return new double[] {1, 1};
    }
    PayloadDecoder dec = new PayloadDecoder(x, fft);
    return new double[] {
      errorRate(dec.softBitsAt(cands.get(0), lay, version, null), code),
      errorRate(dec.softBitsAt(cands.get(0), lay, version, code), code)
    };
  }

  private static double errorRate(float[] soft, int[] code) {
    int errors = 0;
    for (int i = 0; i < code.length; i++) {
      if ((soft[i] > 0) != (code[i] == 1)) {
        errors++;
      }
    }
    return (double) errors / code.length;
  }
}
