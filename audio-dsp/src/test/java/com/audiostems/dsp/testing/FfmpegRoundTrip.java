package com.audiostems.dsp.testing;

import com.audiostems.dsp.testing.music.WavWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Audio through ffmpeg, as the tests' attacks and defects need it: written as a 16-bit WAV,
 * optionally encoded (MP3, AAC, Vorbis...), decoded with extra arguments (a filter, a rate), read
 * back as raw samples. Only the file and pipe protocols, in the caller's temporary folder.
 */
public final class FfmpegRoundTrip {

  /**
   * How the decoded samples come back: 16-bit integers (a codec's usual delivery) or 32-bit floats.
   */
  public enum Samples {
    S16,
    F32
  }

  private FfmpegRoundTrip() {}

  /**
   * @param encode encoder arguments whose last element is the encoded file's suffix (".mp3"); empty
   *     for no encode step
   * @param decode arguments of the decode step, before the output (e.g. {@code -ar 48000}, {@code
   *     -ac 1})
   * @return the decoded channels (as many as ffmpeg delivered: {@code -ac} in {@code decode}
   *     changes it)
   */
  public static float[][] apply(
      float[][] x,
      int rateHz,
      Path dir,
      String name,
      List<String> encode,
      List<String> decode,
      Samples samples)
      throws IOException, InterruptedException {
    Path wav = Files.createTempFile(dir, name + "-in", ".wav");
    WavWriter.write(x, rateHz, wav, 16);
    Path input = wav;
    Path mid = null;
    Path raw = Files.createTempFile(dir, name + "-out", ".raw");
    try {
      if (!encode.isEmpty()) {
        mid = Files.createTempFile(dir, name + "-mid", encode.getLast());
        List<String> cmd = command(wav);
        cmd.addAll(encode.subList(0, encode.size() - 1));
        cmd.add(mid.toString());
        run(cmd);
        input = mid;
      }
      List<String> cmd = command(input);
      cmd.addAll(decode);
      cmd.addAll(
          samples == Samples.F32
              ? List.of("-f", "f32le", "-c:a", "pcm_f32le")
              : List.of("-f", "s16le", "-c:a", "pcm_s16le"));
      cmd.add(raw.toString());
      run(cmd);
      int channels =
          decode.contains("-ac")
              ? Integer.parseInt(decode.get(decode.indexOf("-ac") + 1))
              : x.length;
      return read(Files.readAllBytes(raw), channels, samples);
    } finally {
      Files.deleteIfExists(wav);
      Files.deleteIfExists(raw);
      if (mid != null) {
        Files.deleteIfExists(mid);
      }
    }
  }

  private static float[][] read(byte[] bytes, int channels, Samples samples) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int width = samples == Samples.F32 ? 4 : 2;
    int frames = bytes.length / width / channels;
    float[][] y = new float[channels][frames];
    for (int i = 0; i < frames; i++) {
      for (int c = 0; c < channels; c++) {
        y[c][i] = samples == Samples.F32 ? b.getFloat() : b.getShort() / 32768f;
      }
    }
    return y;
  }

  private static List<String> command(Path input) {
    return new ArrayList<>(
        List.of(
            "ffmpeg",
            "-nostdin",
            "-hide_banner",
            "-loglevel",
            "error",
            "-protocol_whitelist",
            "file,pipe",
            "-y",
            "-i",
            input.toString()));
  }

  private static void run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("ffmpeg failed: " + String.join(" ", cmd) + "\n" + new String(out));
    }
  }
}
