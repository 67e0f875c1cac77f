package com.audiostems.activities.media;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/**
 * SHA-256 and length of a PCM stream, computed as it streams past in small blocks: a three-hour
 * 192 kHz master decodes to gigabytes, none of which is held.
 *
 * @param sha256 lowercase hex
 * @param bytes how many bytes the stream had
 */
record PcmDigest(String sha256, long bytes) {
  private static final int BLOCK_BYTES = 64 * 1024;

  /** @param bytesSoFar told the running byte count after each block */
  static PcmDigest of(InputStream pcm, LongConsumer bytesSoFar) throws IOException {
    MessageDigest digest = newSha256();
    byte[] block = new byte[BLOCK_BYTES];
    long total = 0;
    for (int n; (n = pcm.read(block)) > 0; ) {
      digest.update(block, 0, n);
      total += n;
      bytesSoFar.accept(total);
    }
    return new PcmDigest(HexFormat.of().formatHex(digest.digest()), total);
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
