package com.audiostems.dsp.testing.music;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes PCM WAV files (16- or 24-bit integer), for feeding synthetic pieces to ffmpeg in
 * integration tests and for people to listen to. Samples are rounded (not truncated) and clamped;
 * no dither, so the same piece always gives the same file.
 */
public final class WavWriter {

  private WavWriter() {}

  public static void write(SynthesizedPiece piece, Path file, int bitsPerSample)
      throws IOException {
    write(piece.channels(), piece.sampleRateHz(), file, bitsPerSample);
  }

  public static void write(float[][] channels, int sampleRateHz, Path file, int bitsPerSample)
      throws IOException {
    if (bitsPerSample != 16 && bitsPerSample != 24) {
      throw new IllegalArgumentException("16 or 24 bits: " + bitsPerSample);
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      write(channels, sampleRateHz, out, bitsPerSample);
    }
  }

  /** Writes the whole RIFF/WAVE stream. */
  public static void write(
      float[][] channels, int sampleRateHz, OutputStream out, int bitsPerSample)
      throws IOException {
    int ch = channels.length;
    int frames = channels[0].length;
    int bytes = bitsPerSample / 8;
    long dataSize = (long) frames * ch * bytes;
    if (dataSize + 36 > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("too long for a WAV file");
    }
    ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    h.putInt((int) (36 + dataSize));
    h.put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    h.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    h.putInt(16);
    h.putShort((short) 1); // PCM
    h.putShort((short) ch);
    h.putInt(sampleRateHz);
    h.putInt(sampleRateHz * ch * bytes);
    h.putShort((short) (ch * bytes));
    h.putShort((short) bitsPerSample);
    h.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    h.putInt((int) dataSize);
    out.write(h.array());
    double max = bitsPerSample == 16 ? 32767 : 8388607;
    byte[] buf = new byte[4096 * ch * bytes];
    int pos = 0;
    for (int i = 0; i < frames; i++) {
      for (float[] c : channels) {
        long v = Math.round(Math.max(-1.0, Math.min(1.0, c[i])) * max);
        buf[pos++] = (byte) v;
        buf[pos++] = (byte) (v >> 8);
        if (bytes == 3) {
          buf[pos++] = (byte) (v >> 16);
        }
        if (pos == buf.length) {
          out.write(buf, 0, pos);
          pos = 0;
        }
      }
    }
    out.write(buf, 0, pos);
  }
}
