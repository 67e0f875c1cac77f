package com.audiostems.activities.delivery;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * The marked channels as ffmpeg's standard input reads them: interleaved little-endian 32-bit
 * floats for a lossy encoder, or integers quantised here for a lossless one, so that the lossless
 * file holds exactly the samples this class wrote (and digested).
 */
final class PcmPipe {
  private static final int BLOCK_FRAMES = 4096;

  private PcmPipe() {}

  /** ffmpeg's {@code f32le}. */
  static void writeFloats(float[][] channels, OutputStream stdin) throws IOException {
    OutputStream out = new BufferedOutputStream(stdin, 1 << 16);
    int frames = channels[0].length;
    ByteBuffer block =
        ByteBuffer.allocate(BLOCK_FRAMES * channels.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int start = 0; start < frames; start += BLOCK_FRAMES) {
      block.clear();
      int end = Math.min(frames, start + BLOCK_FRAMES);
      for (int i = start; i < end; i++) {
        for (float[] channel : channels) {
          block.putFloat(channel[i]);
        }
      }
      out.write(block.array(), 0, block.position());
    }
    out.flush();
  }

  /**
   * Quantises to {@code bits} (16 or 24) with triangular dither, as the encode lane requantises
   * ({@code SampleConversion}), and writes {@code s16le} (16) or {@code s32le} with the sample in
   * the top 24 bits (24), the form {@code EncoderArguments#fromIntegerPcmPipe} reads.
   *
   * @param ditherSeed the same seed gives the same samples: a retried copy is the same file
   */
  static final class Quantiser {
    private final int bits;
    private final SplittableRandom dither;
    private final MessageDigest digest;

    Quantiser(int bits, long ditherSeed) {
      if (bits != 16 && bits != 24) {
        throw new IllegalArgumentException("lossless copies are 16 or 24-bit, not " + bits);
      }
      this.bits = bits;
      this.dither = new SplittableRandom(ditherSeed);
      try {
        this.digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JDK has SHA-256", e);
      }
    }

    void write(float[][] channels, OutputStream stdin) throws IOException {
      OutputStream out = new BufferedOutputStream(stdin, 1 << 16);
      int frames = channels[0].length;
      int bytesPerSample = bits == 16 ? 2 : 4;
      double scale = 1L << (bits - 1);
      long max = (1L << (bits - 1)) - 1;
      long min = -(1L << (bits - 1));
      int shift = 32 - bits;
      ByteBuffer pipe =
          ByteBuffer.allocate(BLOCK_FRAMES * channels.length * bytesPerSample)
              .order(ByteOrder.LITTLE_ENDIAN);
      ByteBuffer digested =
          ByteBuffer.allocate(BLOCK_FRAMES * channels.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      for (int start = 0; start < frames; start += BLOCK_FRAMES) {
        pipe.clear();
        digested.clear();
        int end = Math.min(frames, start + BLOCK_FRAMES);
        for (int i = start; i < end; i++) {
          for (float[] channel : channels) {
            double tpdf = dither.nextDouble() - dither.nextDouble();
            long q = (long) Math.floor(channel[i] * scale + tpdf + 0.5);
            int sample = (int) Math.max(min, Math.min(max, q));
            if (bits == 16) {
              pipe.putShort((short) sample);
            } else {
              pipe.putInt(sample << shift);
            }
            digested.putInt(sample << shift);
          }
        }
        out.write(pipe.array(), 0, pipe.position());
        digest.update(digested.array(), 0, digested.position());
      }
      out.flush();
    }

    /**
     * SHA-256 of what {@link #write} wrote, as interleaved left-justified s32le: what the lossless
     * copy decodes to with {@code ffmpeg -f s32le}.
     */
    String samplesSha256() {
      return HexFormat.of().formatHex(digest.digest());
    }
  }
}
