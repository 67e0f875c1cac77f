package com.audiostems.activities.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Tiny but valid DSD64 files (2.8224 MHz, 1 bit): a 1 kHz sine at half scale through a first-order
 * sigma-delta modulator, a different phase per channel. ffmpeg cannot write DSD, so the tests write
 * it themselves. Layouts follow Sony's "DSF File Format Specification" 1.01 and Philips' "DSDIFF"
 * 1.5.
 */
public final class DsdFiles {
  public static final int DSD64_RATE_HZ = 2_822_400;
  private static final int DSF_BLOCK_BYTES_PER_CHANNEL = 4096;

  private DsdFiles() {}

  /** A DSF: "DSD " chunk, "fmt " chunk, "data" chunk of 4096-byte blocks per channel, LSB first. */
  public static Path dsf(Path file, int channels, double seconds) throws IOException {
    long frames = Math.round(seconds * DSD64_RATE_HZ);
    byte[][] bits = modulate(channels, frames);
    int bytesPerChannel = bits[0].length;
    int blocks = (bytesPerChannel + DSF_BLOCK_BYTES_PER_CHANNEL - 1) / DSF_BLOCK_BYTES_PER_CHANNEL;
    long dataBytes = (long) blocks * DSF_BLOCK_BYTES_PER_CHANNEL * channels;
    long fileBytes = 28 + 52 + 12 + dataBytes;

    ByteBuffer header = ByteBuffer.allocate(28 + 52 + 12).order(ByteOrder.LITTLE_ENDIAN);
    header.put(ascii("DSD ")).putLong(28).putLong(fileBytes).putLong(0); // 0: no ID3 metadata chunk
    header.put(ascii("fmt ")).putLong(52).putInt(1).putInt(0); // version 1, format "DSD raw"
    header
        .putInt(channels == 1 ? 1 : 2)
        .putInt(channels)
        .putInt(DSD64_RATE_HZ)
        .putInt(1); // 1: LSB first
    header.putLong(frames).putInt(DSF_BLOCK_BYTES_PER_CHANNEL).putInt(0);
    header.put(ascii("data")).putLong(12 + dataBytes);
    try (OutputStream out = open(file)) {
      out.write(header.array());
      byte[] block = new byte[DSF_BLOCK_BYTES_PER_CHANNEL];
      for (int b = 0; b < blocks; b++) {
        for (byte[] channel : bits) {
          Arrays.fill(block, (byte) 0);
          int from = b * DSF_BLOCK_BYTES_PER_CHANNEL;
          System.arraycopy(channel, from, block, 0, Math.min(block.length, channel.length - from));
          out.write(block);
        }
      }
    }
    return file;
  }

  /**
   * A DSDIFF (.dff): FRM8 form with FVER, PROP/SND (FS, CHNL, CMPR "DSD ") and byte-interleaved
   * DSD, MSB first.
   */
  public static Path dff(Path file, int channels, double seconds) throws IOException {
    byte[][] bits = modulate(channels, Math.round(seconds * DSD64_RATE_HZ));
    int bytesPerChannel = bits[0].length;
    byte[] fver = chunk("FVER", ByteBuffer.allocate(4).putInt(0x01050000).array());
    byte[] fs = chunk("FS  ", ByteBuffer.allocate(4).putInt(DSD64_RATE_HZ).array());
    ByteBuffer channelIds = ByteBuffer.allocate(2 + 4 * channels).putShort((short) channels);
    for (int c = 0; c < channels; c++) {
      channelIds.put(
          ascii(
              channels == 1
                  ? "C   "
                  : c == 0 ? "SLFT" : c == 1 ? "SRGT" : String.format("C%03d", c)));
    }
    byte[] chnl = chunk("CHNL", channelIds.array());
    byte[] name = ascii("not compressed");
    byte[] cmpr =
        chunk(
            "CMPR",
            ByteBuffer.allocate(5 + name.length)
                .put(ascii("DSD "))
                .put((byte) name.length)
                .put(name)
                .array());
    byte[] prop = chunk("PROP", concat(ascii("SND "), fs, chnl, cmpr));
    byte[] interleaved = new byte[bytesPerChannel * channels];
    for (int i = 0; i < bytesPerChannel; i++) {
      for (int c = 0; c < channels; c++) {
        interleaved[i * channels + c] = (byte) (Integer.reverse(bits[c][i] & 0xFF) >>> 24);
      }
    }
    byte[] sound = chunk("DSD ", interleaved);
    byte[] form = concat(ascii("DSD "), fver, prop, sound);
    try (OutputStream out = open(file)) {
      out.write(ascii("FRM8"));
      out.write(ByteBuffer.allocate(8).putLong(form.length).array());
      out.write(form);
    }
    return file;
  }

  /**
   * One bit per frame and channel, packed LSB first: bit i of the stream is bit (i % 8) of byte i /
   * 8.
   */
  private static byte[][] modulate(int channels, long frames) {
    byte[][] bits = new byte[channels][(int) ((frames + 7) / 8)];
    for (int c = 0; c < channels; c++) {
      double integrator = 0;
      double output = 1;
      for (long i = 0; i < frames; i++) {
        double input = 0.5 * Math.sin(2 * Math.PI * 1000.0 * i / DSD64_RATE_HZ + c);
        integrator += input - output;
        output = integrator >= 0 ? 1 : -1;
        if (output > 0) {
          bits[c][(int) (i >>> 3)] |= (byte) (1 << (i & 7));
        }
      }
    }
    return bits;
  }

  /** A big-endian DSDIFF chunk, padded to an even length (the pad is not counted in its size). */
  private static byte[] chunk(String id, byte[] body) {
    ByteBuffer chunk = ByteBuffer.allocate(12 + body.length + (body.length & 1));
    chunk.put(ascii(id)).putLong(body.length).put(body);
    return chunk.array();
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    ByteBuffer all = ByteBuffer.allocate(length);
    for (byte[] part : parts) {
      all.put(part);
    }
    return all.array();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static OutputStream open(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.newOutputStream(file);
  }
}
