package com.audiostems.activities.metadata;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The payload of a LIST chunk of type INFO: "INFO" then sub-chunks of NUL-terminated text. */
final class InfoListCodec {
  private static final Pattern INFO_ID = Pattern.compile("[A-Za-z0-9 ]{4}");

  private InfoListCodec() {}

  /**
   * The entries of a LIST/INFO payload (starting with "INFO"), in file order; the first of a
   * repeated id wins. A sub-chunk that runs past the payload ends the list.
   */
  static Map<String, String> decode(byte[] payload) {
    Map<String, String> entries = new LinkedHashMap<>();
    ByteBuffer buffer = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
    int position = 4;
    while (position + 8 <= payload.length) {
      String id = RiffLayout.fourCc(buffer, position);
      long size = Integer.toUnsignedLong(buffer.getInt(position + 4));
      int start = position + 8;
      if (size > payload.length - start) {
        break;
      }
      String value = RiffText.decode(payload, start, (int) size);
      if (INFO_ID.matcher(id).matches() && !value.isBlank()) {
        entries.putIfAbsent(id, value);
      }
      position = start + (int) size + (int) (size & 1);
    }
    return Collections.unmodifiableMap(entries);
  }

  /** The LIST payload for the entries; ids must be four letters, digits or spaces. */
  static byte[] encode(Map<String, String> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("INFO".getBytes(StandardCharsets.US_ASCII));
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      if (!INFO_ID.matcher(entry.getKey()).matches()) {
        throw new IllegalArgumentException("Not a RIFF INFO id: '" + entry.getKey() + "'");
      }
      byte[] text = RiffText.encode(entry.getValue(), Integer.MAX_VALUE - 1);
      int size = text.length + 1; // ZSTR: the terminating NUL is part of the size
      out.writeBytes(entry.getKey().getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(size).array());
      out.writeBytes(text);
      out.write(0);
      if ((size & 1) == 1) {
        out.write(0);
      }
    }
    return out.toByteArray();
  }
}
