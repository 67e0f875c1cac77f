package com.audiostems.dsp.watermark;

import com.audiostems.dsp.testing.music.Style;
import com.audiostems.dsp.testing.music.SynthesizedPiece;

/** Exploratory: SNR and clean detection z per style. Not a test. */
public final class WatermarkProbe {
  public static void main(String[] a) throws Exception {
    double floor = a.length > 0 ? Double.parseDouble(a[0]) : 0.12;
    double cap = a.length > 1 ? Double.parseDouble(a[1]) : 0.45;
    WatermarkEmbedder emb = new WatermarkEmbedder(floor, cap);
    WatermarkDetector det = new WatermarkDetector(1.0);
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("wmprobe");
    for (Style st : new Style[] {Style.POP_ROCK, Style.ELECTRONIC, Style.BALLAD, Style.AMBIENT}) {
      SynthesizedPiece p = WmAudio.piece(st, 3, 20);
      float[][] m = emb.embed(p.channels(), p.sampleRateHz(), WmAudio.PAYLOAD, WmAudio.KEY);
      double snr = WmAudio.snrDb(p.channels(), m);
      float[][] ex = WmAudio.excerpt(m, 44100, 3.3, 10);
      long t = System.nanoTime();
      Detection d = det.detect(ex, 44100, WmAudio.KEY);
      double ms = (System.nanoTime() - t) / 1e6;
      Detection dm = det.detect(WmAudio.ffmpeg(ex, 44100, dir, java.util.List.of("-c:a", "libmp3lame", "-b:a", "64k", ".mp3"), 0), 44100, WmAudio.KEY);
      Detection dn = det.detect(WmAudio.noise(ex, 20, 1), 44100, WmAudio.KEY);
      Detection da = det.detect(WmAudio.ffmpeg(ex, 44100, dir, java.util.List.of("-c:a", "aac", "-b:a", "64k", ".m4a"), 0), 44100, WmAudio.KEY);
      System.out.printf("%-12s snr %.1f dB clean %s z %.1f err %d (%.0f ms) | mp3-64 %s z %.1f err %d | noise20 %s z %.1f err %d | aac64 %s z %.1f err %d%n",
          st, snr, d.found() && d.payload().equals(WmAudio.PAYLOAD), d.confidence(), d.bitErrors(), ms,
          dm.found(), dm.confidence(), dm.bitErrors(), dn.found(), dn.confidence(), dn.bitErrors(), da.found(), da.confidence(), da.bitErrors());
    }
  }
}
