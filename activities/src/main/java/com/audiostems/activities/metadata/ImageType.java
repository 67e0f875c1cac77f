package com.audiostems.activities.metadata;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats cover art comes in, recognised by their leading bytes. A tag's own MIME type is
 * whatever the tagging program wrote, so it decides nothing.
 */
enum ImageType {
  JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
  PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
  GIF("image/gif", "gif", "GIF8".getBytes(StandardCharsets.US_ASCII)),
  BMP("image/bmp", "bmp", "BM".getBytes(StandardCharsets.US_ASCII)),
  WEBP("image/webp", "webp", "RIFF".getBytes(StandardCharsets.US_ASCII));

  private final String mimeType;
  private final String extension;
  private final byte[] signature;

  ImageType(String mimeType, String extension, byte[] signature) {
    this.mimeType = mimeType;
    this.extension = extension;
    this.signature = signature;
  }

  String mimeType() {
    return mimeType;
  }

  String extension() {
    return extension;
  }

  static Optional<ImageType> sniff(byte[] data) {
    if (data == null) {
      return Optional.empty();
    }
    for (ImageType type : values()) {
      if (startsWith(data, type.signature) && (type != WEBP || isWebp(data))) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  private static boolean isWebp(byte[] data) {
    return data.length >= 12 && new String(data, 8, 4, StandardCharsets.US_ASCII).equals("WEBP");
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    return data.length > prefix.length
        && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
  }
}
