package com.audiostems.activities.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The tests' own view of a file's samples, decoded by the system ffmpeg to s32le independently of
 * the production decoder, so that the encoder is not checked only with code of its own side.
 */
final class DecodedPcm {
  private DecodedPcm() {}

  /** SHA-256 of the first audio stream decoded to s32le. */
  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = new DigestInputStream(decode(file).getInputStream(), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Frames of the first audio stream, decoded. */
  static long frames(Path file, int channels) throws IOException {
    try (InputStream in = decode(file).getInputStream()) {
      return in.transferTo(OutputStream.nullOutputStream()) / (4L * channels);
    }
  }

  /** Interleaved s32 samples: for short test files only. */
  static int[] samples(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = decode(file).getInputStream()) {
      bytes = in.readAllBytes();
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int[] samples = new int[bytes.length / 4];
    buffer.asIntBuffer().get(samples);
    return samples;
  }

  private static Process decode(Path file) throws IOException {
    return new ProcessBuilder(
            List.of(
                "ffmpeg",
                "-nostdin",
                "-v",
                "error",
                "-i",
                file.toString(),
                "-map",
                "0:a:0",
                "-f",
                "s32le",
                "-"))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }
}
