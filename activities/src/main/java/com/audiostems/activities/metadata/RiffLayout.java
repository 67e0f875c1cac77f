package com.audiostems.activities.metadata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chunk list of a RIFF or RF64 (EBU Tech 3306; "BW64" is the same layout) WAVE file. Sizes come
 * from an untrusted file, so nothing here allocates by them: the walk stops at the end of the file
 * or after {@link #MAX_CHUNKS}, and marks the layout incomplete when it had to.
 *
 * @param rf64 true for RF64/BW64, whose sizes above 4 GiB live in the ds64 chunk
 * @param chunks the chunks in file order
 * @param complete false when a chunk runs past the end of the file or there were too many chunks
 */
record RiffLayout(boolean rf64, List<RiffChunk> chunks, boolean complete) {
  /** A real WAVE has a handful of chunks; thousands means a crafted file. */
  static final int MAX_CHUNKS = 4096;

  private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;
  private static final int MAX_DS64_TABLE_ENTRIES = 256;

  /** The layout, or empty when the file is not a RIFF/RF64 WAVE. */
  static Optional<RiffLayout> read(FileChannel channel) throws IOException {
    long fileSize = channel.size();
    ByteBuffer header = readAt(channel, 0, 12);
    if (header.remaining() < 12) {
      return Optional.empty();
    }
    String form = fourCc(header, 0);
    boolean rf64 = form.equals("RF64") || form.equals("BW64");
    if (!(rf64 || form.equals("RIFF")) || !fourCc(header, 8).equals("WAVE")) {
      return Optional.empty();
    }
    Map<String, Long> ds64Sizes = new HashMap<>();
    List<RiffChunk> chunks = new ArrayList<>();
    boolean complete = true;
    long position = 12;
    while (position + 8 <= fileSize) {
      if (chunks.size() == MAX_CHUNKS) {
        complete = false;
        break;
      }
      ByteBuffer chunkHeader = readAt(channel, position, 8);
      String id = fourCc(chunkHeader, 0);
      long size = Integer.toUnsignedLong(chunkHeader.getInt(4));
      if (rf64 && chunks.isEmpty() && id.equals("ds64")) {
        ds64Sizes = readDs64(channel, position + 8, size);
      } else if (rf64 && size == UNKNOWN_SIZE && ds64Sizes.containsKey(id)) {
        size = ds64Sizes.get(id);
      }
      String listType = null;
      if (id.equals("LIST") && size >= 4 && position + 12 <= fileSize) {
        listType = fourCc(readAt(channel, position + 8, 4), 0);
      }
      RiffChunk chunk = new RiffChunk(id, position, size, listType);
      chunks.add(chunk);
      if (chunk.payloadOffset() + size > fileSize) {
        complete = false;
        break;
      }
      position = chunk.end();
    }
    return Optional.of(new RiffLayout(rf64, List.copyOf(chunks), complete));
  }

  Optional<RiffChunk> first(String id) {
    return chunks.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /**
   * ds64: RIFF size, data size, sample count (8 bytes each), then a table of (id, 8-byte size) for
   * other chunks over 4 GiB. Sizes that do not fit a signed long are nonsense and left out.
   */
  private static Map<String, Long> readDs64(FileChannel channel, long payloadOffset, long size)
      throws IOException {
    Map<String, Long> sizes = new HashMap<>();
    if (size < 28) {
      return sizes;
    }
    long tableBytes = Math.min(size - 28, (long) MAX_DS64_TABLE_ENTRIES * 12);
    ByteBuffer ds64 = readAt(channel, payloadOffset, (int) (28 + tableBytes));
    if (ds64.remaining() < 28) {
      return sizes;
    }
    putIfSane(sizes, "data", ds64.getLong(8));
    long entries = Math.min(Integer.toUnsignedLong(ds64.getInt(24)), (ds64.remaining() - 28) / 12);
    for (int i = 0; i < entries; i++) {
      int at = 28 + i * 12;
      putIfSane(sizes, fourCc(ds64, at), ds64.getLong(at + 4));
    }
    return sizes;
  }

  private static void putIfSane(Map<String, Long> sizes, String id, long size) {
    if (size >= 0) {
      sizes.put(id, size);
    }
  }

  /**
   * Up to {@code length} bytes at {@code position}, fewer at the end of the file; little-endian.
   */
  static ByteBuffer readAt(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position + buffer.position());
      if (n < 0) {
        break;
      }
    }
    return buffer.flip();
  }

  static String fourCc(ByteBuffer buffer, int index) {
    byte[] id = new byte[4];
    buffer.get(index, id);
    return new String(id, StandardCharsets.ISO_8859_1);
  }
}
