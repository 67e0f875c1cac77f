package com.audiostems.dsp.fingerprint;

import java.util.Arrays;

/**
 * Compact binary form of a {@link Fingerprint}: for storing it as a blob (claim check) and inside a
 * persistent index, so that the index's postings can be rebuilt from it.
 *
 * <h2>Layout, version 1 (all multi-byte numbers little-endian)</h2>
 *
 * <pre>
 *  4 bytes   magic "ASFP"
 *  1 byte    version (1)
 *  varint    n, the number of hashes
 *  8 bytes   frameRateHz (IEEE 754 double)
 *  8 bytes   durationSeconds (IEEE 754 double)
 *  1 byte    w, bytes per hash (1..4): the fewest that hold every hash of this fingerprint
 *  n × w     hashes, unsigned, fixed width
 *  n varints anchorFrames as zig-zag deltas from the previous one (the first from 0)
 *  n varints anchorPitches as zig-zag deltas from the previous one (the first from 0)
 *  n bytes   probeHints
 * </pre>
 *
 * Why these codings: hashes are close to uniformly spread over their bits, so a fixed width is as
 * small as any variable one and decodes fastest; anchors come in time order with several triplets
 * per anchor peak, so frame deltas are mostly 0 or small and pitch deltas are often 0. About 6
 * bytes per hash against 13 in the arrays. Columns rather than rows keep each loop simple.
 *
 * <p>Stateless and thread-safe.
 */
public final class FingerprintCodec {

  /** The version {@link #encode} writes; {@link #decode} reads this one only. */
  public static final int VERSION = 1;

  private static final byte[] MAGIC = {'A', 'S', 'F', 'P'};
  private static final int FIXED_HEADER = MAGIC.length + 1 + 8 + 8 + 1;

  private FingerprintCodec() {}

  /** The fingerprint as bytes (see the class comment for the layout). */
  public static byte[] encode(Fingerprint fp) {
    int n = fp.size();
    int[] hashes = fp.hashes();
    int width = hashWidth(hashes);
    Out out = new Out(FIXED_HEADER + 5 + n * (width + 4));
    out.bytes(MAGIC);
    out.u8(VERSION);
    out.varint(n);
    out.fixed64(Double.doubleToLongBits(fp.frameRateHz()));
    out.fixed64(Double.doubleToLongBits(fp.durationSeconds()));
    out.u8(width);
    for (int h : hashes) {
      out.fixed(h, width);
    }
    zigZagDeltas(out, fp.anchorFrames());
    zigZagDeltas(out, fp.anchorPitches());
    out.bytes(fp.probeHints());
    return out.toByteArray();
  }

  /** The fingerprint that {@link #encode} wrote into {@code bytes}. */
  public static Fingerprint decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  /**
   * The fingerprint that {@link #encode} wrote into {@code bytes[offset, offset + length)}.
   *
   * @throws IllegalArgumentException if the bytes are not a fingerprint of this version, are cut
   *     short or run on past the end
   */
  public static Fingerprint decode(byte[] bytes, int offset, int length) {
    In in = new In(bytes, offset, length);
    for (byte m : MAGIC) {
      if (in.u8() != (m & 0xFF)) {
        throw new IllegalArgumentException("not an encoded fingerprint (magic differs)");
      }
    }
    int version = in.u8();
    if (version != VERSION) {
      throw new IllegalArgumentException(
          "fingerprint encoding version "
              + version
              + " is not supported (this codec reads version "
              + VERSION
              + ")");
    }
    int n = in.varint();
    if (n < 0 || n > length) { // every hash takes at least one byte, so n ≤ length
      throw new IllegalArgumentException(
          "corrupt fingerprint: " + n + " hashes in " + length + " bytes");
    }
    double frameRate = Double.longBitsToDouble(in.fixed64());
    double duration = Double.longBitsToDouble(in.fixed64());
    int width = in.u8();
    if (width < 1 || width > 4) {
      throw new IllegalArgumentException("corrupt fingerprint: hash width " + width);
    }
    int[] hashes = new int[n];
    for (int i = 0; i < n; i++) {
      hashes[i] = in.fixed(width);
    }
    int[] frames = undoZigZagDeltas(in, n);
    int[] pitches = undoZigZagDeltas(in, n);
    byte[] hints = in.bytes(n);
    if (!in.atEnd()) {
      throw new IllegalArgumentException("corrupt fingerprint: trailing bytes");
    }
    return new Fingerprint(hashes, frames, pitches, hints, frameRate, duration);
  }

  private static int hashWidth(int[] hashes) {
    int or = 0;
    for (int h : hashes) {
      or |= h;
    }
    int bits = 32 - Integer.numberOfLeadingZeros(or);
    return Math.max(1, (bits + 7) / 8);
  }

  private static void zigZagDeltas(Out out, int[] values) {
    int previous = 0;
    for (int v : values) {
      int d = v - previous;
      out.varint((d << 1) ^ (d >> 31));
      previous = v;
    }
  }

  private static int[] undoZigZagDeltas(In in, int n) {
    int[] values = new int[n];
    int previous = 0;
    for (int i = 0; i < n; i++) {
      int z = in.varint();
      previous += (z >>> 1) ^ -(z & 1);
      values[i] = previous;
    }
    return values;
  }

  /** A growable byte array. */
  private static final class Out {
    private byte[] buf;
    private int pos;

    Out(int capacity) {
      buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int more) {
      if (pos + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
      }
    }

    void u8(int v) {
      ensure(1);
      buf[pos++] = (byte) v;
    }

    void bytes(byte[] b) {
      ensure(b.length);
      System.arraycopy(b, 0, buf, pos, b.length);
      pos += b.length;
    }

    void fixed(int v, int width) {
      ensure(width);
      for (int i = 0; i < width; i++) {
        buf[pos++] = (byte) (v >>> (8 * i));
      }
    }

    void fixed64(long v) {
      fixed((int) v, 4);
      fixed((int) (v >>> 32), 4);
    }

    /** Unsigned LEB128: 7 bits a byte, high bit set on all but the last. */
    void varint(int v) {
      ensure(5);
      while ((v & ~0x7F) != 0) {
        buf[pos++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[pos++] = (byte) v;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, pos);
    }
  }

  /** A bounds-checked reader over a slice of a byte array. */
  private static final class In {
    private final byte[] buf;
    private final int end;
    private int pos;

    In(byte[] buf, int offset, int length) {
      if (offset < 0 || length < 0 || offset + length > buf.length) {
        throw new IndexOutOfBoundsException("slice outside the array");
      }
      this.buf = buf;
      this.pos = offset;
      this.end = offset + length;
    }

    private void need(int k) {
      if (end - pos < k) {
        throw new IllegalArgumentException("corrupt fingerprint: cut short");
      }
    }

    int u8() {
      need(1);
      return buf[pos++] & 0xFF;
    }

    int fixed(int width) {
      need(width);
      int v = 0;
      for (int i = 0; i < width; i++) {
        v |= (buf[pos++] & 0xFF) << (8 * i);
      }
      return v;
    }

    long fixed64() {
      long lo = fixed(4) & 0xFFFFFFFFL;
      long hi = fixed(4) & 0xFFFFFFFFL;
      return lo | hi << 32;
    }

    int varint() {
      int v = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        int b = u8();
        v |= (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
      }
      throw new IllegalArgumentException("corrupt fingerprint: varint longer than 5 bytes");
    }

    byte[] bytes(int n) {
      need(n);
      byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
      pos += n;
      return b;
    }

    boolean atEnd() {
      return pos == end;
    }
  }
}
