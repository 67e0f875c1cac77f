package com.audiostems.activities.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Audio that the tests make themselves, with known content: a few seconds of "music" (a chord of
 * decaying partials over a bass line, a different phase per channel, plus a little seeded noise so
 * that every low bit is used), written as PCM WAV in Java and converted to other formats with the
 * system ffmpeg.
 */
public final class TestAudio {
  private TestAudio() {}

  /**
   * Interleaved samples in [-1, 1): deterministic for the same arguments.
   *
   * @param seconds length in seconds
   */
  public static double[] music(int sampleRateHz, int channels, double seconds) {
    int frames = (int) Math.round(seconds * sampleRateHz);
    double[] samples = new double[frames * channels];
    double[] chordHz = {220.0, 277.18, 329.63, 440.0};
    long seed = 0x5EEDL;
    for (int i = 0; i < frames; i++) {
      double t = (double) i / sampleRateHz;
      double beat = t * 2.0 - Math.floor(t * 2.0); // two notes a second
      double envelope = Math.exp(-3.0 * beat);
      for (int c = 0; c < channels; c++) {
        double v = 0.18 * Math.sin(2 * Math.PI * 55.0 * t + c);
        for (int k = 0; k < chordHz.length; k++) {
          v += 0.1 * envelope * Math.sin(2 * Math.PI * chordHz[k] * t + 0.7 * c + k);
        }
        seed = seed * 6364136223846793005L + 1442695040888963407L;
        v += 0.002 * (((seed >>> 11) / (double) (1L << 53)) - 0.5);
        samples[i * channels + c] = Math.max(-0.99, Math.min(0.99, v));
      }
    }
    return samples;
  }

  /** Writes a PCM WAV (16, 24 or 32-bit integer) of {@link #music}. */
  public static Path wav(Path file, int sampleRateHz, int bitDepth, int channels, double seconds)
      throws IOException {
    return writeWav(file, music(sampleRateHz, channels, seconds), sampleRateHz, bitDepth, channels);
  }

  /** Writes interleaved samples as a canonical PCM WAV. */
  public static Path writeWav(
      Path file, double[] interleaved, int sampleRateHz, int bitDepth, int channels)
      throws IOException {
    int bytesPerSample = bitDepth / 8;
    long dataBytes = (long) interleaved.length * bytesPerSample;
    ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    header.put("RIFF".getBytes()).putInt((int) (36 + dataBytes)).put("WAVE".getBytes());
    header.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels);
    header.putInt(sampleRateHz).putInt(sampleRateHz * channels * bytesPerSample);
    header.putShort((short) (channels * bytesPerSample)).putShort((short) bitDepth);
    header.put("data".getBytes()).putInt((int) dataBytes);
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(header.array());
      ByteBuffer block =
          ByteBuffer.allocate(64 * 1024 * bytesPerSample).order(ByteOrder.LITTLE_ENDIAN);
      double scale = Math.pow(2, bitDepth - 1);
      for (double v : interleaved) {
        long q = Math.max(-(long) scale, Math.min((long) scale - 1, Math.round(v * scale)));
        for (int b = 0; b < bytesPerSample; b++) {
          block.put((byte) (q >> (8 * b)));
        }
        if (!block.hasRemaining()) {
          out.write(block.array(), 0, block.position());
          block.clear();
        }
      }
      out.write(block.array(), 0, block.position());
    }
    return file;
  }

  /**
   * Writes interleaved samples as a WAVE_FORMAT_EXTENSIBLE WAV with the given channel mask: 0 for
   * channels that have no position, or a mask that names fewer or other speakers than usual.
   */
  public static Path writeExtensibleWav(
      Path file,
      double[] interleaved,
      int sampleRateHz,
      int bitDepth,
      int channels,
      int channelMask)
      throws IOException {
    Path plain =
        writeWav(
            file.resolveSibling(file.getFileName() + ".plain"),
            interleaved,
            sampleRateHz,
            bitDepth,
            channels);
    byte[] pcm = Files.readAllBytes(plain);
    Files.delete(plain);
    int dataBytes = pcm.length - 44;
    int bytesPerSample = bitDepth / 8;
    ByteBuffer header = ByteBuffer.allocate(68).order(ByteOrder.LITTLE_ENDIAN);
    header.put("RIFF".getBytes()).putInt(60 + dataBytes).put("WAVE".getBytes());
    header.put("fmt ".getBytes()).putInt(40).putShort((short) 0xFFFE).putShort((short) channels);
    header.putInt(sampleRateHz).putInt(sampleRateHz * channels * bytesPerSample);
    header.putShort((short) (channels * bytesPerSample)).putShort((short) bitDepth);
    header.putShort((short) 22).putShort((short) bitDepth).putInt(channelMask);
    // KSDATAFORMAT_SUBTYPE_PCM
    header.put(
        new byte[] {
          1, 0, 0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71
        });
    header.put("data".getBytes()).putInt(dataBytes);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(header.array());
      out.write(pcm, 44, dataBytes);
    }
    return file;
  }

  /**
   * Converts with the system ffmpeg: {@code ffmpeg -i in <args> out}. For test inputs only (the
   * product runs ffmpeg through MediaProcessRunner).
   */
  public static Path convert(Path in, Path out, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "ffmpeg",
                "-hide_banner",
                "-nostdin",
                "-loglevel",
                "error",
                "-y",
                "-i",
                in.toString()));
    command.addAll(List.of(args));
    command.add(out.toString());
    run(command);
    return out;
  }

  /** Runs a command, failing the test with its output when it exits non-zero. */
  public static String run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    try {
      if (process.waitFor() != 0) {
        throw new IOException(String.join(" ", command) + " failed:\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return output;
  }
}
