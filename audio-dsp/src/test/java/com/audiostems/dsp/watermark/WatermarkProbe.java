package com.audiostems.dsp.watermark;

import com.audiostems.dsp.testing.music.Style;
import com.audiostems.dsp.testing.music.SynthesizedPiece;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Exploratory, not a test: median SNR and recovery in the hardest cells of the robustness table
 * (AAC and MP3 64k at 10 s, white noise at 20 dB / 10 s and 10 dB / 30 s) on the robustness test's
 * pieces and excerpt starts. Arguments: embedder floor, cap, frame SNR in dB (defaults the
 * embedder's).
 */
public final class WatermarkProbe {
  public static void main(String[] a) throws Exception {
    WatermarkEmbedder emb =
        new WatermarkEmbedder(
            a.length > 0 ? Double.parseDouble(a[0]) : WatermarkEmbedder.FLOOR,
            a.length > 1 ? Double.parseDouble(a[1]) : WatermarkEmbedder.CAP,
            a.length > 2 ? Double.parseDouble(a[2]) : WatermarkEmbedder.FRAME_SNR_DB);
    WatermarkDetector det = new WatermarkDetector();
    Style[] styles = {Style.POP_ROCK, Style.ELECTRONIC, Style.BALLAD, Style.HIP_HOP, Style.FUNK};
    Path dir = Files.createTempDirectory("wmprobe");
    double[] snr = new double[styles.length];
    long[] masking = new long[4];
    String[] cells = {"aac64@10", "mp3-64@10", "noise20@10", "noise10@30", "none@5"};
    int[] ok = new int[cells.length];
    int[] errs = new int[cells.length];
    int tried = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < styles.length; i++) {
      SynthesizedPiece p = WmAudio.piece(styles[i], 31 + i, 44);
      float[][] m = emb.embed(p.channels(), 44100, WmAudio.PAYLOAD, WmAudio.KEY);
      snr[i] = WmAudio.snrDb(p.channels(), m);
      long[] mc = WmAudio.maskingCounts(p.channels(), m);
      for (int j = 0; j < 4; j++) {
        masking[j] += mc[j];
      }
      float[][][] attacked = {
        WmAudio.ffmpeg(m, 44100, dir, List.of("-c:a", "aac", "-b:a", "64k", ".m4a"), 0),
        WmAudio.ffmpeg(m, 44100, dir, List.of("-c:a", "libmp3lame", "-b:a", "64k", ".mp3"), 0),
        WmAudio.noise(m, 20, 5),
        WmAudio.noise(m, 10, 6),
        m
      };
      double[] len = {10, 10, 10, 30, 5};
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < 2; j++) {
        tried++;
        for (int c = 0; c < cells.length; c++) {
          double start = 0.9 + 1.7 * i + 5.3 * j + (len[c] < 30 ? 4.1 : 0);
          Detection d =
              det.detect(WmAudio.excerpt(attacked[c], 44100, start, len[c]), 44100, WmAudio.KEY);
          boolean good = d.found() && d.payload().equals(WmAudio.PAYLOAD);
          ok[c] += good ? 1 : 0;
          errs[c] += good ? d.bitErrors() : 0;
          sb.append(String.format(" %s %s", cells[c], good ? "e" + d.bitErrors() : "--"));
        }
      }
      System.out.printf("%-11s snr %.1f%s%n", styles[i], snr[i], sb);
    }
    double[] s = snr.clone();
    Arrays.sort(s);
    StringBuilder sum = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      sum.append(
          String.format(
              " | %s %d/%d e%.0f",
              cells[c], ok[c], tried, ok[c] > 0 ? (double) errs[c] / ok[c] : 0.0));
    }
    System.out.printf(
        "median snr %.2f masking frames %.1f%% bands %.1f%%%s (%.0f s)%n",
        s[s.length / 2],
        100.0 * masking[0] / masking[1],
        100.0 * masking[2] / masking[3],
        sum,
        (System.nanoTime() - t0) / 1e9);
  }
}
