package com.audiostems.activities.metadata;

import com.audiostems.workflows.metadata.BroadcastExtension;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the Broadcast Wave metadata chunks, bext, iXML and LIST/INFO, from a RIFF or RF64 WAVE.
 * jaudiotagger reads neither bext nor iXML, nor anything in RF64. Each chunk is read up to a cap,
 * since its size comes from the file: the result travels in workflow payloads.
 */
final class BwfChunks {
  /** The fixed bext fields plus 64 KiB of coding history (a long one is a few KB). */
  static final int MAX_BEXT_BYTES = BroadcastExtensionCodec.FIXED_BYTES + 64 * 1024;

  /** iXML of a multitrack recorder is tens of KB; beyond this it would not fit a payload. */
  static final int MAX_IXML_BYTES = 512 * 1024;

  static final int MAX_INFO_BYTES = 64 * 1024;

  /** Our own id3 chunk: the tags within {@link TagBudget} plus one cover. */
  static final long MAX_ID3_BYTES = SourceTagReader.MAX_ARTWORK_BYTES + 4L * 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(BwfChunks.class);

  private BwfChunks() {}

  /** The metadata chunks, or empty when the file is not a RIFF/RF64 WAVE. */
  static Optional<WavMetadataChunks> read(Path wav) throws IOException {
    try (FileChannel channel = FileChannel.open(wav, StandardOpenOption.READ)) {
      Optional<RiffLayout> layout = RiffLayout.read(channel);
      if (layout.isEmpty()) {
        return Optional.empty();
      }
      BroadcastExtension bext = null;
      String ixml = null;
      Map<String, String> info = new LinkedHashMap<>();
      for (RiffChunk chunk : layout.get().chunks()) {
        long available =
            Math.max(0, Math.min(chunk.size(), channel.size() - chunk.payloadOffset()));
        if (chunk.id().equals("bext") && bext == null) {
          // Past the cap only the end of the coding history is lost.
          bext =
              BroadcastExtensionCodec.decode(
                  payload(channel, chunk, Math.min(available, MAX_BEXT_BYTES)));
        } else if (chunk.id().equals("iXML") && ixml == null) {
          if (available <= MAX_IXML_BYTES) {
            ixml = RiffText.decode(payload(channel, chunk, available), 0, (int) available);
          } else {
            log.warn(
                "{}: iXML chunk of {} bytes is over the {} byte limit and was not read",
                wav,
                available,
                MAX_IXML_BYTES);
          }
        } else if (chunk.isInfoList()) {
          InfoListCodec.decode(payload(channel, chunk, Math.min(available, MAX_INFO_BYTES)))
              .forEach(info::putIfAbsent);
        }
      }
      return Optional.of(
          new WavMetadataChunks(
              layout.get().rf64(), bext, ixml, Collections.unmodifiableMap(info)));
    }
  }

  /**
   * The first {@code id3 } chunk's bytes (an ID3v2 tag), or empty when there is none or it is over
   * {@link #MAX_ID3_BYTES}.
   */
  static Optional<byte[]> id3(Path wav) throws IOException {
    try (FileChannel channel = FileChannel.open(wav, StandardOpenOption.READ)) {
      Optional<RiffLayout> layout = RiffLayout.read(channel);
      if (layout.isEmpty()) {
        return Optional.empty();
      }
      for (RiffChunk chunk : layout.get().chunks()) {
        if (chunk.id().equalsIgnoreCase(BwfChunkWriter.ID3_CHUNK)) {
          long available =
              Math.max(0, Math.min(chunk.size(), channel.size() - chunk.payloadOffset()));
          return available <= MAX_ID3_BYTES
              ? Optional.of(payload(channel, chunk, available))
              : Optional.empty();
        }
      }
      return Optional.empty();
    }
  }

  private static byte[] payload(FileChannel channel, RiffChunk chunk, long length)
      throws IOException {
    ByteBuffer buffer = RiffLayout.readAt(channel, chunk.payloadOffset(), (int) length);
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
