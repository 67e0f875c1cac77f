package com.audiostems.activities.metadata;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text inside RIFF chunks. The specs say ASCII (bext) or leave the code page open (INFO); in
 * practice ffmpeg and today's DAWs write UTF-8, and older tools Latin-1. So: UTF-8 when the bytes
 * are valid UTF-8, otherwise Latin-1, which never fails. We write UTF-8.
 */
final class RiffText {
  private RiffText() {}

  /** The text up to the first NUL (C strings, NUL-padded fixed fields). */
  static String decode(byte[] bytes, int offset, int length) {
    int end = offset;
    while (end < offset + length && bytes[end] != 0) {
      end++;
    }
    byte[] text = Arrays.copyOfRange(bytes, offset, end);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(text))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(text, StandardCharsets.ISO_8859_1);
    }
  }

  /** UTF-8 of the text, cut to at most {@code maxBytes} without splitting a character. */
  static byte[] encode(String text, int maxBytes) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    if (utf8.length <= maxBytes) {
      return utf8;
    }
    int end = maxBytes;
    while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
      end--; // utf8[end] continues the character that starts before it
    }
    return Arrays.copyOf(utf8, end);
  }
}
