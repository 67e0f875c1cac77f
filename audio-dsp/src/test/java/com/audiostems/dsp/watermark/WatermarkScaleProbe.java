package com.audiostems.dsp.watermark;

import com.audiostems.dsp.testing.music.Style;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Exploratory: 15 s excerpts after random speed changes and time-stretches, found or not. */
public final class WatermarkScaleProbe {
  public static void main(String[] args) throws Exception {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    SplittableRandom r = new SplittableRandom(seed);
    Path dir = Files.createTempDirectory("wm-scale");
    WatermarkDetector det = new WatermarkDetector();
    Style[] styles = {Style.POP_ROCK, Style.ELECTRONIC, Style.BALLAD, Style.AMBIENT, Style.FUNK};
    int[] ok = new int[3];
    for (int i = 0; i < n; i++) {
      float[][] x = WmAudio.piece(styles[i % styles.length], 100 + i, 22).channels();
      float[][] m = new WatermarkEmbedder().embed(x, 44100, WmAudio.PAYLOAD, WmAudio.KEY);
      for (int a = 0; a < 3; a++) {
        double f = 1 + (r.nextDouble() * 2 - 1) * 0.03;
        float[][] y =
            switch (a) {
              case 0 -> WmAudio.ffmpegSpeed(m, 44100, dir, f);
              case 1 -> WmAudio.rubberbandStretch(m, 44100, dir, f);
              default -> WmAudio.ffmpegStretch(m, 44100, dir, f);
            };
        float[][] e = WmAudio.excerpt(y, 44100, 3, 15);
        Detection d = null;
        double s = Double.MAX_VALUE;
        java.lang.management.ThreadMXBean cpu =
            java.lang.management.ManagementFactory.getThreadMXBean();
        for (int rep = 0; rep < (i == 0 ? 4 : 2); rep++) {
          long t = cpu.getCurrentThreadCpuTime();
          d = det.detect(e, 44100, WmAudio.KEY);
          s = Math.min(s, (cpu.getCurrentThreadCpuTime() - t) / 1e9);
        }
        if (a == 0) {
          long t = cpu.getCurrentThreadCpuTime();
          boolean fp = det.detect(WmAudio.excerpt(x, 44100, 3, 15), 44100, WmAudio.KEY).found();
          System.out.printf(
              "unmarked found %s %.3f s%n", fp, (cpu.getCurrentThreadCpuTime() - t) / 1e9);
        }
        boolean found = d.found() && d.payload().equals(WmAudio.PAYLOAD);
        ok[a] += found ? 1 : 0;
        System.out.printf(
            "%-10s %.4f found %-5s warp %.4f %s z %.1f errs %d  %.3f s%n",
            new String[] {"speed", "rubberband", "atempo"}[a],
            f,
            found,
            d.speed(),
            d.pitchKept() ? "stretch" : "speed",
            d.confidence(),
            d.bitErrors(),
            s);
      }
    }
    System.out.printf("speed %d/%d rubberband %d/%d atempo %d/%d%n", ok[0], n, ok[1], n, ok[2], n);
  }
}
