package com.audiostems.dsp.watermark;

import java.util.HexFormat;

/** The 128-bit message a mark carries, e.g. a licence id. Immutable; printed as 32 hex digits. */
public record Payload(byte[] bytes) {

  public static final int BITS = 128;

  public Payload {
    if (bytes.length != BITS / 8) {
      throw new IllegalArgumentException("a payload is 16 bytes, got " + bytes.length);
    }
    bytes = bytes.clone();
  }

  public static Payload ofHex(String hex) {
    return new Payload(HexFormat.of().parseHex(hex));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Bit i, most significant bit of byte 0 first. */
  public int bit(int i) {
    return (bytes[i >> 3] >> (7 - (i & 7))) & 1;
  }

  static Payload ofBits(int[] bits) {
    byte[] b = new byte[BITS / 8];
    for (int i = 0; i < BITS; i++) {
      b[i >> 3] |= (byte) (bits[i] << (7 - (i & 7)));
    }
    return new Payload(b);
  }

  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Payload p && java.util.Arrays.equals(p.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
