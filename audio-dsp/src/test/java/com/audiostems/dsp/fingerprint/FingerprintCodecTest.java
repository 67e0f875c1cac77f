package com.audiostems.dsp.fingerprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.audiostems.dsp.testing.music.MusicSynth;
import com.audiostems.dsp.testing.music.PieceSpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FingerprintCodecTest {

  @Test
  void realFingerprintRoundTripsInAboutSixBytesPerHash() {
    float[] x =
        MusicSynth.render(PieceSpec.builder().durationSeconds(20).seed(21).build())
            .mono()
            .samples();
    Fingerprint fp = new Fingerprinter().fingerprint(x, 44_100);
    assertTrue(fp.size() > 500, "the piece should give hashes: " + fp.size());
    byte[] bytes = FingerprintCodec.encode(fp);
    Fingerprint back = FingerprintCodec.decode(bytes);
    assertEquals(fp, back);
    assertEquals(fp.frameRateHz(), back.frameRateHz());
    assertEquals(fp.durationSeconds(), back.durationSeconds());
    double perHash = (double) bytes.length / fp.size();
    assertTrue(perHash < 7.5, "bytes per hash: " + perHash);
  }

  @Test
  void extremeValuesRoundTrip() {
    Fingerprint fp =
        new Fingerprint(
            new int[] {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7FFFFF},
            new int[] {Integer.MAX_VALUE, 0, Integer.MIN_VALUE, 5, 5},
            new int[] {-300, 65_535, 0, Integer.MIN_VALUE, Integer.MAX_VALUE},
            new byte[] {0, -128, 127, 0x15, 0x2A},
            62.5,
            Double.NaN);
    Fingerprint back = FingerprintCodec.decode(FingerprintCodec.encode(fp));
    assertArrayEquals(fp.hashes(), back.hashes());
    assertArrayEquals(fp.anchorFrames(), back.anchorFrames());
    assertArrayEquals(fp.anchorPitches(), back.anchorPitches());
    assertArrayEquals(fp.probeHints(), back.probeHints());
    assertTrue(Double.isNaN(back.durationSeconds()));
  }

  @Test
  void emptyFingerprintRoundTripsAndSmallHashesTakeOneByte() {
    Fingerprint empty = new Fingerprint(new int[0], new int[0], new int[0], new byte[0], 62.5, 0);
    assertEquals(empty, FingerprintCodec.decode(FingerprintCodec.encode(empty)));
    Fingerprint small =
        new Fingerprint(
            new int[] {1, 200, 255},
            new int[] {0, 0, 1},
            new int[] {9, 9, 9},
            new byte[3],
            62.5,
            1);
    byte[] bytes = FingerprintCodec.encode(small);
    // header 23 bytes + 3 one-byte hashes + 3 frame deltas + 3 pitch deltas + 3 hints
    assertEquals(23 + 3 + 3 + 3 + 3, bytes.length);
    assertEquals(small, FingerprintCodec.decode(bytes));
  }

  @Test
  void decodesASliceOfALargerArray() {
    Fingerprint fp =
        new Fingerprint(
            new int[] {7, 8}, new int[] {1, 2}, new int[] {3, 4}, new byte[] {0, 1}, 62.5, 2);
    byte[] bytes = FingerprintCodec.encode(fp);
    byte[] padded = new byte[bytes.length + 10];
    System.arraycopy(bytes, 0, padded, 4, bytes.length);
    assertEquals(fp, FingerprintCodec.decode(padded, 4, bytes.length));
  }

  @Test
  void rejectsCorruptTruncatedAndForeignBytes() {
    Fingerprint fp =
        new Fingerprint(
            new int[] {7, 8}, new int[] {1, 2}, new int[] {3, 4}, new byte[] {0, 1}, 62.5, 2);
    byte[] bytes = FingerprintCodec.encode(fp);
    assertThrows(
        IllegalArgumentException.class,
        () -> FingerprintCodec.decode(Arrays.copyOf(bytes, bytes.length - 1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> FingerprintCodec.decode(Arrays.copyOf(bytes, bytes.length + 1)));
    byte[] otherVersion = bytes.clone();
    otherVersion[4] = 2;
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FingerprintCodec.decode(otherVersion));
    assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    byte[] foreign = bytes.clone();
    foreign[0] = 'X';
    assertThrows(IllegalArgumentException.class, () -> FingerprintCodec.decode(foreign));
  }
}
