package com.audiostems.app.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a DSD stream file (Sony's DSF 1.01): ffmpeg decodes DSD but has no DSD encoder, so the
 * corpus makes its DSD64 file here with a second-order sigma-delta modulator.
 */
final class DsfWriter {
  static final int DSD64_RATE_HZ = 2_822_400;
  private static final int BLOCK_BYTES_PER_CHANNEL = 4096;

  private DsfWriter() {}

  /**
   * @param interleaved PCM in [-1, 1] at {@code pcmRateHz}, held (zero-order) up to DSD64; the
   *     modulator is fed half scale, where a second-order loop stays stable
   */
  static Path write(Path file, double[] interleaved, int pcmRateHz, int channels)
      throws IOException {
    long pcmFrames = interleaved.length / channels;
    long dsdFrames = pcmFrames * DSD64_RATE_HZ / pcmRateHz;
    long blocks = (dsdFrames / 8 + BLOCK_BYTES_PER_CHANNEL - 1) / BLOCK_BYTES_PER_CHANNEL;
    byte[][] bits = new byte[channels][(int) (blocks * BLOCK_BYTES_PER_CHANNEL)];
    for (int c = 0; c < channels; c++) {
      double i1 = 0;
      double i2 = 0;
      double y = 0;
      for (long n = 0; n < dsdFrames; n++) {
        double x = 0.5 * interleaved[(int) (n * pcmRateHz / DSD64_RATE_HZ) * channels + c];
        i1 += x - y;
        i2 += i1 - y;
        y = i2 >= 0 ? 1 : -1;
        if (y > 0) {
          bits[c][(int) (n >>> 3)] |= (byte) (1 << (n & 7)); // least significant bit first
        }
      }
    }
    long dataBytes = blocks * BLOCK_BYTES_PER_CHANNEL * channels;
    ByteBuffer head = ByteBuffer.allocate(28 + 52 + 12).order(ByteOrder.LITTLE_ENDIAN);
    head.put("DSD ".getBytes()).putLong(28).putLong(28 + 52 + 12 + dataBytes).putLong(0);
    head.put("fmt ".getBytes()).putLong(52).putInt(1).putInt(0);
    head.putInt(channels == 1 ? 1 : 2).putInt(channels).putInt(DSD64_RATE_HZ).putInt(1);
    head.putLong(dsdFrames).putInt(BLOCK_BYTES_PER_CHANNEL).putInt(0);
    head.put("data".getBytes()).putLong(12 + dataBytes);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(head.array());
      for (long b = 0; b < blocks; b++) {
        for (int c = 0; c < channels; c++) {
          out.write(bits[c], (int) (b * BLOCK_BYTES_PER_CHANNEL), BLOCK_BYTES_PER_CHANNEL);
        }
      }
    }
    return file;
  }
}
