package com.audiostems.dsp.watermark;

import com.audiostems.dsp.signal.Downmix;
import com.audiostems.dsp.signal.Resampler;
import com.audiostems.dsp.testing.FfmpegRoundTrip;
import com.audiostems.dsp.testing.music.MusicSynth;
import com.audiostems.dsp.testing.music.PieceSpec;
import com.audiostems.dsp.testing.music.Style;
import com.audiostems.dsp.testing.music.SynthesizedPiece;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Test pieces and attacks for the watermark tests (ffmpeg approach copied from quality/Defects).
 */
final class WmAudio {

  static final WatermarkKey KEY =
      WatermarkKey.fromPassphrase("k2025", "audiostems test deployment key");
  static final Payload PAYLOAD = Payload.ofHex("00112233445566778899aabbccddeeff");

  private WmAudio() {}

  static SynthesizedPiece piece(Style style, long seed, double seconds) {
    return MusicSynth.render(
        PieceSpec.builder()
            .label(style.name().toLowerCase() + "-" + seed)
            .style(style)
            .durationSeconds(seconds)
            .seed(seed)
            .build());
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
    return new float[][] {Downmix.mono(x)};
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
      y[c] = Resampler.resample(x[c], factor, 1);
    }
    return y;
  }

  /**
   * Resampled speed change by ffmpeg (asetrate + aresample, as a re-upload at the wrong rate):
   * factor 1.02 plays 2 % faster, pitch up by as much.
   */
  static float[][] ffmpegSpeed(float[][] x, int rateHz, Path dir, double factor)
      throws IOException, InterruptedException {
    return ffmpeg(
        x,
        rateHz,
        dir,
        List.of(),
        List.of(
            "-af",
            String.format(
                java.util.Locale.ROOT, "asetrate=%.3f,aresample=%d", rateHz * factor, rateHz)));
  }

  /** Time-stretch by ffmpeg's atempo (WSOLA, pitch kept): factor 1.02 plays 2 % faster. */
  static float[][] ffmpegStretch(float[][] x, int rateHz, Path dir, double factor)
      throws IOException, InterruptedException {
    return ffmpeg(
        x,
        rateHz,
        dir,
        List.of(),
        List.of("-af", String.format(java.util.Locale.ROOT, "atempo=%.5f", factor)));
  }

  /**
   * Time-stretch by the rubberband command-line tool (phase vocoder, pitch kept), when installed:
   * factor 1.02 plays 2 % faster.
   */
  static float[][] rubberbandStretch(float[][] x, int rateHz, Path dir, double factor)
      throws IOException, InterruptedException {
    Path in = java.nio.file.Files.createTempFile(dir, "rb-in", ".wav");
    Path out = java.nio.file.Files.createTempFile(dir, "rb-out", ".wav");
    try {
      com.audiostems.dsp.testing.music.WavWriter.write(x, rateHz, in, 16);
      Process p =
          new ProcessBuilder(
                  "rubberband",
                  "-q",
                  "--tempo",
                  String.format(java.util.Locale.ROOT, "%.5f", factor),
                  in.toString(),
                  out.toString())
              .redirectErrorStream(true)
              .start();
      byte[] log = p.getInputStream().readAllBytes();
      if (p.waitFor() != 0) {
        throw new IOException("rubberband failed: " + new String(log));
      }
      return readWav(out, x.length);
    } finally {
      java.nio.file.Files.deleteIfExists(in);
      java.nio.file.Files.deleteIfExists(out);
    }
  }

  /** An audio file's {@code channels} channels, decoded by ffmpeg at the file's rate. */
  static float[][] readWav(Path file, int channels) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                "ffmpeg",
                "-nostdin",
                "-v",
                "error",
                "-protocol_whitelist",
                "file,pipe",
                "-i",
                file.toString(),
                "-ac",
                Integer.toString(channels),
                "-f",
                "f32le",
                "-c:a",
                "pcm_f32le",
                "pipe:1")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    byte[] bytes = p.getInputStream().readAllBytes();
    if (p.waitFor() != 0) {
      throw new IOException("ffmpeg could not decode " + file);
    }
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    int frames = bytes.length / 4 / channels;
    float[][] y = new float[channels][frames];
    for (int i = 0; i < frames; i++) {
      for (int c = 0; c < channels; c++) {
        y[c][i] = b.getFloat();
      }
    }
    return y;
  }

  private static float[][] ffmpeg(
      float[][] x, int rateHz, Path dir, List<String> encode, List<String> decode)
      throws IOException, InterruptedException {
    return FfmpegRoundTrip.apply(x, rateHz, dir, "wm", encode, decode, FfmpegRoundTrip.Samples.F32);
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

  /**
   * Runs ffmpeg: encode with {@code encode} (last element the extension), decode at {@code outRate}
   * (0 = keep).
   */
  static float[][] ffmpeg(float[][] x, int rateHz, Path dir, List<String> encode, int outRate)
      throws IOException, InterruptedException {
    List<String> decode = outRate > 0 ? List.of("-ar", Integer.toString(outRate)) : List.of();
    return FfmpegRoundTrip.apply(x, rateHz, dir, "wm", encode, decode, FfmpegRoundTrip.Samples.F32);
  }

  /**
   * How well the mark (marked - original) stays under the masking threshold of the original, per
   * 1024-sample frame of the mono mix: {frames with every band under, frames, bands under, bands}.
   */
  static long[] maskingCounts(float[][] original, float[][] marked) {
    MaskingModel mm = new MaskingModel(Format.LO, Format.HI, Format.N, Format.RATE_HZ);
    com.audiostems.dsp.signal.RealFft fft = new com.audiostems.dsp.signal.RealFft(Format.N);
    float[] xo = Downmix.mono(original);
    float[] xm = Downmix.mono(marked);
    int nb = mm.bands();
    double[] po = new double[Format.N / 2 + 1];
    double[] pd = new double[Format.N / 2 + 1];
    double[] e = new double[nb];
    double[] thr = new double[nb];
    double[] ed = new double[nb];
    double[] thrD = new double[nb];
    float[] b1 = new float[Format.N];
    float[] b2 = new float[Format.N];
    long[] counts = new long[4];
    for (int s = 0; s + Format.N <= xo.length; s += Format.N) {
      for (int j = 0; j < Format.N; j++) {
        b1[j] = xo[s + j] * Format.HANN[j];
        b2[j] = (xm[s + j] - xo[s + j]) * Format.HANN[j];
      }
      fft.forward(b1);
      fft.forward(b2);
      for (int k = Format.LO; k < Format.HI; k++) {
        po[k] = (double) b1[2 * k] * b1[2 * k] + (double) b1[2 * k + 1] * b1[2 * k + 1];
        pd[k] = (double) b2[2 * k] * b2[2 * k] + (double) b2[2 * k + 1] * b2[2 * k + 1];
      }
      mm.analyse(po, e, thr);
      mm.analyse(pd, ed, thrD);
      boolean all = true;
      for (int b = 0; b < nb; b++) {
        boolean under = ed[b] <= thr[b] * 1.0001;
        counts[2] += under ? 1 : 0;
        counts[3]++;
        all &= under;
      }
      counts[0] += all ? 1 : 0;
      counts[1]++;
    }
    return counts;
  }
}
