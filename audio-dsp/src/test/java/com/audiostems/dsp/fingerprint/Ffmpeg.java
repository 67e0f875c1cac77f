package com.audiostems.dsp.fingerprint;

import com.audiostems.dsp.testing.music.WavWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Mono audio through ffmpeg (same approach as quality/Defects): WAV in, raw s16le out. */
final class Ffmpeg {

  private Ffmpeg() {}

  /**
   * Encodes {@code x} with {@code encode} (args, last = output suffix; empty = no encode step) and
   * decodes with {@code decode} args (e.g. {@code -af ...}, {@code -ar 48000}); returns mono PCM.
   */
  static float[] run(float[] x, int rateHz, Path dir, String name, List<String> encode,
      List<String> decode) throws IOException, InterruptedException {
    Path wav = dir.resolve(name + ".wav");
    WavWriter.write(new float[][] {x}, rateHz, wav, 16);
    Path input = wav;
    Path mid = null;
    if (!encode.isEmpty()) {
      mid = dir.resolve(name + encode.getLast());
      List<String> cmd = base(wav);
      cmd.addAll(encode.subList(0, encode.size() - 1));
      cmd.add(mid.toString());
      exec(cmd);
      input = mid;
    }
    Path raw = dir.resolve(name + ".raw");
    List<String> cmd = base(input);
    cmd.addAll(decode);
    cmd.addAll(List.of("-ac", "1", "-f", "s16le", "-c:a", "pcm_s16le", raw.toString()));
    exec(cmd);
    byte[] bytes = Files.readAllBytes(raw);
    Files.deleteIfExists(wav);
    Files.deleteIfExists(raw);
    if (mid != null) {
      Files.deleteIfExists(mid);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    float[] y = new float[bytes.length / 2];
    for (int i = 0; i < y.length; i++) {
      y[i] = b.getShort() / 32768f;
    }
    return y;
  }

  private static List<String> base(Path in) {
    return new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error",
        "-protocol_whitelist", "file,pipe", "-y", "-i", in.toString()));
  }

  private static void exec(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("ffmpeg failed: " + String.join(" ", cmd) + "\n" + new String(out));
    }
  }
}
