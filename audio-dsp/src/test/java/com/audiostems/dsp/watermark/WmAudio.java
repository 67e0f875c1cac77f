package com.audiostems.dsp.watermark;

import com.audiostems.dsp.testing.FfmpegRoundTrip;

import com.audiostems.dsp.testing.music.MusicSynth;
import com.audiostems.dsp.testing.music.PieceSpec;
import com.audiostems.dsp.testing.music.Style;
import com.audiostems.dsp.testing.music.SynthesizedPiece;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Test pieces and attacks for the watermark tests (ffmpeg approach copied from quality/Defects). */
final class WmAudio {

  static final WatermarkKey KEY = WatermarkKey.fromPassphrase("k2025", "audiostems test deployment key");
  static final Payload PAYLOAD = Payload.ofHex("00112233445566778899aabbccddeeff");

  private WmAudio() {}

  static SynthesizedPiece piece(Style style, long seed, double seconds) {
    return MusicSynth.render(
        PieceSpec.builder().label(style.name().toLowerCase() + "-" + seed).style(style).durationSeconds(seconds).seed(seed).build());
  }

  static float[][] excerpt(float[][] x, int rate, double startSec, double lenSec) {
    int s = (int) Math.round(startSec * rate);
    int n = Math.min((int) Math.round(lenSec * rate), x[0].length - s);
    float[][] y = new float[x.length][];
    for (int c = 0; c < x.length; c++) {
      y[c] = java.util.Arrays.copyOfRange(x[c], s, s + n);
    }
    return y;
  }

  static float[][] gain(float[][] x, double db) {
    float g = (float) Math.pow(10, db / 20);
    float[][] y = new float[x.length][];
    for (int c = 0; c < x.length; c++) {
      y[c] = x[c].clone();
      for (int i = 0; i < y[c].length; i++) {
        y[c][i] = Math.max(-1f, Math.min(1f, y[c][i] * g)); // +6 dB clips, as a real file would
      }
    }
    return y;
  }

  static float[][] mono(float[][] x) {
    return new float[][] {Format.mono(x)};
  }

  static float[][] noise(float[][] x, double snrDb, long seed) {
    Random r = new Random(seed);
    float[][] y = new float[x.length][];
    for (int c = 0; c < x.length; c++) {
      double e = 0;
      for (float v : x[c]) {
        e += v * v;
      }
      double sd = Math.sqrt(e / x[c].length / Math.pow(10, snrDb / 10));
      y[c] = x[c].clone();
      for (int i = 0; i < y[c].length; i++) {
        y[c][i] += (float) (r.nextGaussian() * sd);
      }
    }
    return y;
  }

  /** Speed change (tempo and pitch, as a turntable / vari-speed): factor 1.01 plays 1% faster. */
  static float[][] speed(float[][] x, double factor) {
    float[][] y = new float[x.length][];
    for (int c = 0; c < x.length; c++) {
      y[c] = Resampler.resample(x[c], 1 / factor);
    }
    return y;
  }

  static double snrDb(float[][] orig, float[][] marked) {
    double s = 0;
    double d = 0;
    for (int c = 0; c < orig.length; c++) {
      for (int i = 0; i < orig[c].length; i++) {
        s += (double) orig[c][i] * orig[c][i];
        double e = marked[c][i] - orig[c][i];
        d += e * e;
      }
    }
    return 10 * Math.log10(s / d);
  }

  /** Runs ffmpeg: encode with {@code encode} (last element the extension), decode at {@code outRate} (0 = keep). */
  static float[][] ffmpeg(float[][] x, int rateHz, Path dir, List<String> encode, int outRate) throws IOException, InterruptedException {
    List<String> decode = outRate > 0 ? List.of("-ar", Integer.toString(outRate)) : List.of();
    return FfmpegRoundTrip.apply(x, rateHz, dir, "wm", encode, decode, FfmpegRoundTrip.Samples.F32);
  }

}
