package com.audiostems.activities.metadata;

import com.audiostems.workflows.metadata.BroadcastExtension;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The bext chunk payload of EBU Tech 3285: fixed fields (602 bytes) then the coding history.
 *
 * <pre>
 *   0 Description 256     338 TimeReference low, high (uint32 each)
 * 256 Originator 32       346 Version (uint16)
 * 288 OriginatorReference 348 UMID 64
 * 320 OriginationDate 10  412 loudness values (v2) 10, reserved 180
 * 330 OriginationTime 8   602 CodingHistory
 * </pre>
 */
final class BroadcastExtensionCodec {
  static final int FIXED_BYTES = 602;
  private static final int DESCRIPTION = 0;
  private static final int ORIGINATOR = 256;
  private static final int ORIGINATOR_REFERENCE = 288;
  private static final int ORIGINATION_DATE = 320;
  private static final int ORIGINATION_TIME = 330;
  private static final int TIME_REFERENCE = 338;
  private static final int VERSION = 346;
  private static final int UMID = 348;
  private static final int UMID_BYTES = 64;
  private static final int BASIC_UMID_BYTES = 32;

  /**
   * Version 1 has the UMID and leaves the loudness bytes reserved. Version 2 would declare the zero
   * loudness bytes as measured values, and {@link BroadcastExtension} carries none.
   */
  private static final short WRITTEN_VERSION = 1;

  private BroadcastExtensionCodec() {}

  /** Decodes a payload; a short one (early versions, truncated files) reads as zero-filled. */
  static BroadcastExtension decode(byte[] payload) {
    byte[] bytes = payload.length >= FIXED_BYTES ? payload : Arrays.copyOf(payload, FIXED_BYTES);
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long timeReference =
        Integer.toUnsignedLong(buffer.getInt(TIME_REFERENCE))
            | Integer.toUnsignedLong(buffer.getInt(TIME_REFERENCE + 4)) << 32;
    return new BroadcastExtension(
        field(bytes, DESCRIPTION, 256),
        field(bytes, ORIGINATOR, 32),
        field(bytes, ORIGINATOR_REFERENCE, 32),
        field(bytes, ORIGINATION_DATE, 10),
        field(bytes, ORIGINATION_TIME, 8),
        timeReference,
        umidHex(Arrays.copyOfRange(bytes, UMID, UMID + UMID_BYTES)),
        RiffText.decode(bytes, FIXED_BYTES, bytes.length - FIXED_BYTES));
  }

  /** The payload for a bext chunk (without chunk header or pad byte). */
  static byte[] encode(BroadcastExtension bext) {
    byte[] history =
        RiffText.encode(nullToEmpty(bext.codingHistory()), Integer.MAX_VALUE - FIXED_BYTES);
    ByteBuffer buffer =
        ByteBuffer.allocate(FIXED_BYTES + history.length).order(ByteOrder.LITTLE_ENDIAN);
    buffer.put(DESCRIPTION, RiffText.encode(nullToEmpty(bext.description()), 256));
    buffer.put(ORIGINATOR, RiffText.encode(nullToEmpty(bext.originator()), 32));
    buffer.put(ORIGINATOR_REFERENCE, RiffText.encode(nullToEmpty(bext.originatorReference()), 32));
    buffer.put(ORIGINATION_DATE, RiffText.encode(nullToEmpty(bext.originationDate()), 10));
    buffer.put(ORIGINATION_TIME, RiffText.encode(nullToEmpty(bext.originationTime()), 8));
    buffer.putInt(TIME_REFERENCE, (int) bext.timeReferenceSamples());
    buffer.putInt(TIME_REFERENCE + 4, (int) (bext.timeReferenceSamples() >>> 32));
    buffer.putShort(VERSION, WRITTEN_VERSION);
    buffer.put(UMID, umidBytes(bext.umid()));
    buffer.put(FIXED_BYTES, history);
    return buffer.array();
  }

  /**
   * Hex of the UMID: empty when all zero, 32 bytes for a basic UMID (second half zero), else 64.
   */
  static String umidHex(byte[] umid) {
    int length = isZero(umid, BASIC_UMID_BYTES, UMID_BYTES) ? BASIC_UMID_BYTES : UMID_BYTES;
    return isZero(umid, 0, length) ? "" : HexFormat.of().formatHex(umid, 0, length);
  }

  /** The 64 UMID bytes of a hex string; anything that is not hex up to 64 bytes writes zeros. */
  private static byte[] umidBytes(String hex) {
    byte[] umid = new byte[UMID_BYTES];
    if (hex == null || hex.isBlank()) {
      return umid;
    }
    String digits = hex.strip();
    if (digits.startsWith("0x") || digits.startsWith("0X")) {
      digits = digits.substring(2);
    }
    if (digits.length() % 2 != 0 || digits.length() > 2 * UMID_BYTES) {
      return umid;
    }
    try {
      byte[] parsed = HexFormat.of().parseHex(digits);
      System.arraycopy(parsed, 0, umid, 0, parsed.length);
    } catch (IllegalArgumentException notHex) {
      // a UMID is an identifier: none beats a wrong one
    }
    return umid;
  }

  private static String field(byte[] bytes, int offset, int length) {
    return RiffText.decode(bytes, offset, length).stripTrailing();
  }

  private static boolean isZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
