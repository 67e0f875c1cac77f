package com.audiostems.activities.metadata;

import com.audiostems.workflows.metadata.BroadcastExtension;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adds or replaces the bext, LIST/INFO and iXML chunks of a RIFF or RF64 WAVE. Every other chunk,
 * fmt and data included, is copied byte for byte, so the audio stays bit-exact. The new file is
 * written next to the old one and moved over it: a failure leaves the original untouched.
 */
final class BwfChunkWriter {
  private static final long MAX_RIFF_SIZE = 0xFFFFFFFFL;

  /** The chunk id ffmpeg, taglib and most DJ software read an ID3v2 tag from. */
  static final String ID3_CHUNK = "id3 ";

  private BwfChunkWriter() {}

  /**
   * Rewrites {@code wav} with the given chunks. New chunks go just before the data chunk, where a
   * reader that streams the file meets them before the audio.
   *
   * @param info LIST/INFO entries by id, replacing the file's INFO list (empty removes it); null
   *     keeps the file's own
   * @param bext the bext chunk to write; null keeps the file's own
   * @param ixml the iXML text to write; null keeps the file's own
   */
  static void write(Path wav, Map<String, String> info, BroadcastExtension bext, String ixml)
      throws IOException {
    write(wav, info, bext, ixml, null);
  }

  /**
   * The same, plus an {@code id3 } chunk: an ID3v2 tag, where DJ software and players look for a
   * WAV's BPM and key (RIFF INFO has no such fields).
   *
   * @param id3 the whole ID3v2 tag; null keeps the file's own
   */
  static void write(
      Path wav, Map<String, String> info, BroadcastExtension bext, String ixml, byte[] id3)
      throws IOException {
    List<byte[]> newChunks = new ArrayList<>();
    if (bext != null) {
      newChunks.add(chunk("bext", BroadcastExtensionCodec.encode(bext)));
    }
    if (info != null && !info.isEmpty()) {
      newChunks.add(chunk("LIST", InfoListCodec.encode(info)));
    }
    if (ixml != null) {
      newChunks.add(chunk("iXML", ixml.getBytes(StandardCharsets.UTF_8)));
    }
    if (id3 != null) {
      newChunks.add(chunk(ID3_CHUNK, id3));
    }
    Path directory = wav.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(directory, "." + wav.getFileName() + ".", ".tmp");
    try {
      try (FileChannel in = FileChannel.open(wav, StandardOpenOption.READ);
          FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        RiffLayout layout =
            RiffLayout.read(in)
                .orElseThrow(
                    () ->
                        new IOException(
                            wav
                                + " is not a RIFF/RF64 WAVE file: cannot write bext/INFO/iXML into it"));
        if (!layout.complete()) {
          throw new IOException(
              wav + " has a chunk that runs past the end of the file: refusing to rewrite it");
        }
        copy(in, out, 0, 12);
        long ds64Position = -1;
        boolean inserted = false;
        for (RiffChunk chunk : layout.chunks()) {
          if (chunk.id().equals("data") && !inserted) {
            writeAll(out, newChunks);
            inserted = true;
          }
          if (isReplaced(chunk, info, bext, ixml)
              || (id3 != null && chunk.id().equalsIgnoreCase(ID3_CHUNK))) {
            continue;
          }
          if (chunk.id().equals("ds64")) {
            ds64Position = out.position();
          }
          copyChunk(in, out, chunk);
        }
        if (!inserted) {
          writeAll(out, newChunks);
        }
        fixRiffSize(wav, out, layout.rf64(), ds64Position);
        out.force(true);
      }
      keepPermissions(wav, temp);
      Files.move(temp, wav, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static boolean isReplaced(
      RiffChunk chunk, Map<String, String> info, BroadcastExtension bext, String ixml) {
    return (bext != null && chunk.id().equals("bext"))
        || (ixml != null && chunk.id().equals("iXML"))
        || (info != null && chunk.isInfoList());
  }

  /** RIFF keeps its size in the header; RF64 says -1 there and keeps it in ds64. */
  private static void fixRiffSize(Path wav, FileChannel out, boolean rf64, long ds64Position)
      throws IOException {
    long riffSize = out.size() - 8;
    if (rf64) {
      if (ds64Position < 0) {
        throw new IOException(wav + " is RF64 without a ds64 chunk: cannot fix its size");
      }
      writeFully(
          out,
          ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, riffSize),
          ds64Position + 8);
    } else {
      if (riffSize > MAX_RIFF_SIZE) {
        throw new IOException(
            wav + " would grow past the 4 GiB RIFF limit with its metadata: it needs to be RF64");
      }
      writeFully(
          out, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, (int) riffSize), 4);
    }
  }

  /** A complete chunk: header, payload and the pad byte after an odd size. */
  private static byte[] chunk(String id, byte[] payload) {
    ByteBuffer buffer =
        ByteBuffer.allocate(8 + payload.length + (payload.length & 1))
            .order(ByteOrder.LITTLE_ENDIAN);
    buffer.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(payload.length).put(payload);
    return buffer.array();
  }

  private static void writeAll(FileChannel out, List<byte[]> chunks) throws IOException {
    for (byte[] chunk : chunks) {
      writeFully(out, ByteBuffer.wrap(chunk), out.position());
      out.position(out.position() + chunk.length);
    }
  }

  /** Copies the chunk as it is; the pad byte some writers leave off at the very end is added. */
  private static void copyChunk(FileChannel in, FileChannel out, RiffChunk chunk)
      throws IOException {
    long length = Math.min(chunk.end(), in.size()) - chunk.offset();
    copy(in, out, chunk.offset(), length);
    if (chunk.offset() + length < chunk.end()) {
      writeFully(out, ByteBuffer.allocate(1), out.position());
      out.position(out.position() + 1);
    }
  }

  private static void copy(FileChannel in, FileChannel out, long position, long length)
      throws IOException {
    long done = 0;
    while (done < length) {
      long n = in.transferTo(position + done, length - done, out);
      if (n <= 0) {
        throw new IOException(
            "Unexpected end of file while copying a chunk at offset " + (position + done));
      }
      done += n;
    }
  }

  private static void writeFully(FileChannel out, ByteBuffer buffer, long position)
      throws IOException {
    while (buffer.hasRemaining()) {
      out.write(buffer, position + buffer.position());
    }
  }

  private static void keepPermissions(Path original, Path replacement) throws IOException {
    try {
      Files.setPosixFilePermissions(replacement, Files.getPosixFilePermissions(original));
    } catch (UnsupportedOperationException notPosix) {
      // the temp file keeps the default permissions of this filesystem
    }
  }
}
