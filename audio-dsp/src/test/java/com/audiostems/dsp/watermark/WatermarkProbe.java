package com.audiostems.dsp.watermark;

import com.audiostems.dsp.testing.music.Style;
import com.audiostems.dsp.testing.music.SynthesizedPiece;
import java.util.Arrays;

/** Exploratory, not a test: SNR per style and recovery under white noise (args: floor cap). */
public final class WatermarkProbe {
  public static void main(String[] a) throws Exception {
    double floor = a.length > 0 ? Double.parseDouble(a[0]) : 0.09;
    double cap = a.length > 1 ? Double.parseDouble(a[1]) : 0.42;
    WatermarkEmbedder emb = new WatermarkEmbedder(floor, cap);
    WatermarkDetector det = new WatermarkDetector(1.0);
    Style[] styles = {Style.POP_ROCK, Style.ELECTRONIC, Style.BALLAD, Style.HIP_HOP, Style.AMBIENT, Style.FUNK, Style.WALTZ};
    if (a.length > 2) {
      styles = Arrays.stream(a[2].split(",")).map(Style::valueOf).toArray(Style[]::new);
    }
    double[] snr = new double[styles.length];
    int ok10 = 0, n10 = 0, ok20 = 0, n20 = 0;
    double z10 = 0, z20 = 0;
    for (int i = 0; i < styles.length; i++) {
      SynthesizedPiece p = WmAudio.piece(styles[i], 41 + i, 40);
      float[][] m = emb.embed(p.channels(), p.sampleRateHz(), WmAudio.PAYLOAD, WmAudio.KEY);
      snr[i] = WmAudio.snrDb(p.channels(), m);
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < 3; k++) {
        Detection d = det.detect(WmAudio.noise(WmAudio.excerpt(m, 44100, 0.7 + 3.1 * k, 30), 10, 100 + k), 44100, WmAudio.KEY);
        n10++; z10 += d.confidence();
        if (d.found() && d.payload().equals(WmAudio.PAYLOAD)) ok10++;
        sb.append(String.format(" n10/30s %s z%.1f e%d", d.found() ? "OK" : "--", d.confidence(), d.bitErrors()));
        Detection e = det.detect(WmAudio.noise(WmAudio.excerpt(m, 44100, 1.3 + 9.7 * k, 10), 20, 200 + k), 44100, WmAudio.KEY);
        n20++; z20 += e.confidence();
        if (e.found() && e.payload().equals(WmAudio.PAYLOAD)) ok20++;
        sb.append(String.format(" n20/10s %s e%d", e.found() ? "OK" : "--", e.bitErrors()));
      }
      System.out.printf("%-11s snr %.1f%s%n", styles[i], snr[i], sb);
    }
    double[] s = snr.clone();
    Arrays.sort(s);
    System.out.printf("floor %.3f cap %.3f median snr %.2f | noise10@30s %d/%d | noise20@10s %d/%d%n", floor, cap, s[s.length / 2], ok10, n10, ok20, n20);
  }
}
