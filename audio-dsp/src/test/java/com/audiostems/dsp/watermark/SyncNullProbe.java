package com.audiostems.dsp.watermark;

import com.audiostems.dsp.testing.music.Style;
import com.audiostems.dsp.testing.music.SynthesizedPiece;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Exploratory: distribution of the best sync statistic per stretch on unmarked and on attacked
 * marked audio.
 */
public final class SyncNullProbe {
  public static void main(String[] a) throws Exception {
    List<Double> nul = new ArrayList<>();
    List<Double> marked = new ArrayList<>();
    WatermarkDetector det = new WatermarkDetector(nul::add, WatermarkDetector.SPEEDS);
    WatermarkEmbedder emb = new WatermarkEmbedder();
    Style[] styles = {
      Style.POP_ROCK,
      Style.ELECTRONIC,
      Style.BALLAD,
      Style.HIP_HOP,
      Style.AMBIENT,
      Style.FUNK,
      Style.WALTZ
    };
    Path dir = Files.createTempDirectory("wmsync");
    for (int i = 0; i < styles.length; i++) {
      SynthesizedPiece p = WmAudio.piece(styles[i], 71 + i, 60);
      for (int k = 0; k < 20; k++) {
        det.detect(
            WmAudio.excerpt(p.channels(), 44100, 0.3 + k * 2.1, k % 2 == 0 ? 3 : 15),
            44100,
            WmAudio.KEY);
      }
      det.detect(p.channels(), 44100, WmAudio.KEY);
      float[][] m = emb.embed(p.channels(), 44100, WmAudio.PAYLOAD, WmAudio.KEY);
      float[][][] hard = {
        WmAudio.ffmpeg(m, 44100, dir, List.of("-c:a", "aac", "-b:a", "64k", ".m4a"), 0),
        WmAudio.noise(m, 10, 3),
        WmAudio.noise(m, 20, 4)
      };
      double[] len = {5, 30, 5};
      for (int h = 0; h < hard.length; h++) {
        for (int k = 0; k < 3; k++) {
          double[] first = {Double.NaN};
          SyncListener firstOnly =
              v -> {
                if (Double.isNaN(first[0])) first[0] = v;
              };
          Detection d =
              new WatermarkDetector(firstOnly, 1.0)
                  .detect(WmAudio.excerpt(hard[h], 44100, 1 + 7.7 * k, len[h]), 44100, WmAudio.KEY);
          marked.add(first[0]);
          System.out.printf(
              "%s %s: sync %.1f found %s%n",
              styles[i],
              new String[] {"aac64 5 s", "noise10 30 s", "noise20 5 s"}[h],
              first[0],
              d.found());
        }
      }
    }
    nul.sort(null);
    marked.sort(null);
    int n = nul.size();
    System.out.printf(
        "null: %d stretches; median %.1f p90 %.1f p99 %.1f p99.9 %.1f max %.1f%n",
        n,
        nul.get(n / 2),
        nul.get(n * 9 / 10),
        nul.get(n * 99 / 100),
        nul.get(Math.min(n - 1, n * 999 / 1000)),
        nul.get(n - 1));
    System.out.printf(
        "marked hard (aac64 5 s, noise10 30 s, noise20 5 s): min %.1f p10 %.1f median %.1f; all %s%n",
        marked.get(0), marked.get(marked.size() / 10), marked.get(marked.size() / 2), marked);
  }
}
