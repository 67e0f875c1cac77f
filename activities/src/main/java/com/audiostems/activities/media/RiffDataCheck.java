package com.audiostems.activities.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Compares the audio data size a WAV (RIFF, BWF), RF64/BW64 or AIFF/AIFC header declares with the
 * bytes actually in the file. ffprobe reports a truncated WAV with its header's duration and ffmpeg
 * decodes what is there without complaint, so only the header can tell that the end is missing.
 * Other files are not checked here (the full decode covers them).
 */
public final class RiffDataCheck {
  /** The header promises more audio bytes than the file holds. */
  public record Shortfall(long declaredBytes, long presentBytes) {}

  private static final long UNKNOWN_SIZE_32 = 0xFFFF_FFFFL;

  private RiffDataCheck() {}

  public static Optional<Shortfall> check(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer head = read(channel, 0, 12, ByteOrder.LITTLE_ENDIAN);
      if (head == null) {
        return Optional.empty();
      }
      String magic = ascii(head, 0);
      String form = ascii(head, 8);
      if (form.equals("WAVE")
          && (magic.equals("RIFF") || magic.equals("RF64") || magic.equals("BW64"))) {
        return walk(channel, ByteOrder.LITTLE_ENDIAN, "data", !magic.equals("RIFF"));
      }
      if (magic.equals("FORM") && (form.equals("AIFF") || form.equals("AIFC"))) {
        return walk(channel, ByteOrder.BIG_ENDIAN, "SSND", false);
      }
      return Optional.empty();
    }
  }

  /**
   * Walks the top-level chunks to the audio chunk. In RF64 the audio chunk's 32-bit size is a
   * placeholder and the real one is in the ds64 chunk that precedes it.
   */
  private static Optional<Shortfall> walk(
      FileChannel channel, ByteOrder order, String audioChunk, boolean rf64) throws IOException {
    long fileSize = channel.size();
    long ds64DataSize = -1;
    long position = 12;
    ByteBuffer header;
    while ((header = read(channel, position, 8, order)) != null) {
      String id = ascii(header, 0);
      long size = Integer.toUnsignedLong(header.getInt(4));
      long body = position + 8;
      if (rf64 && id.equals("ds64")) {
        ByteBuffer sizes = read(channel, body, 16, ByteOrder.LITTLE_ENDIAN);
        if (sizes != null) {
          ds64DataSize = sizes.getLong(8);
        }
      }
      if (id.equals(audioChunk)) {
        long declared = rf64 && size == UNKNOWN_SIZE_32 ? ds64DataSize : size;
        return compare(declared, fileSize - body, rf64);
      }
      if (size == UNKNOWN_SIZE_32) {
        return Optional.empty();
      }
      position = body + size + (size & 1); // chunks are padded to an even length
    }
    return Optional.empty();
  }

  /**
   * Streaming writers leave the size at 0 or 0xFFFFFFFF ("until the end of the file"); decoders
   * read such files to their end, so there is nothing to compare.
   */
  private static Optional<Shortfall> compare(long declared, long present, boolean rf64) {
    boolean unknown = declared <= 0 || (!rf64 && declared == UNKNOWN_SIZE_32);
    if (unknown || declared <= present) {
      return Optional.empty();
    }
    return Optional.of(new Shortfall(declared, Math.max(0, present)));
  }

  private static ByteBuffer read(FileChannel channel, long position, int length, ByteOrder order)
      throws IOException {
    if (position < 0 || position + length > channel.size()) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.allocate(length).order(order);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        return null;
      }
    }
    return buffer.flip();
  }

  private static String ascii(ByteBuffer buffer, int offset) {
    byte[] id = new byte[4];
    buffer.get(offset, id);
    return new String(id, StandardCharsets.US_ASCII);
  }
}
