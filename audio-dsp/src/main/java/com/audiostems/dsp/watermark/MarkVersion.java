package com.audiostems.dsp.watermark;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The mark's versions. Every version shares the {@link Format}'s layout: the same frames, bins,
 * sync pattern and 1,440 data slots per block, so the sync search, the scale search and the weights
 * serve all of them; a version is only how the 160 information bits (payload + CRC-32) become the
 * slots' bits. The detector tries every version at every sync candidate, oldest first, so marks
 * made before a newer version stay readable; each version salts its CRC-32 differently, so one
 * version's decoder never accepts another's mark.
 */
public enum MarkVersion {
  /**
   * Rate-1/3, constraint-length-7 convolutional code (498 coded bits) repeated cyclically over the
   * slots (~2.9 times), decoded by a CRC-aided list Viterbi of {@value #V1_LIST} paths. Every mark
   * made before version 2 existed.
   */
  V1(1, "audiostems-wm1", ConvolutionalCode.codedLength(Format.INFO_BITS)) {
    @Override
    int[] encodeInfo(int[] info) {
      return ConvolutionalCode.encode(info);
    }

    @Override
    int[][] decodeList(float[] soft) {
      return ConvolutionalCode.decodeList(soft, Format.INFO_BITS, V1_LIST);
    }
  },

  /**
   * A polar code of 1,024 bits (rate 0.156) whose first 416 bits the slots carry twice, decoded by
   * CRC-aided successive-cancellation list decoding of {@value #V2_LIST} paths ({@link PolarCode}):
   * the same slots as version 1, spent on a lower-rate code instead of on repeating a rate-1/3 one.
   */
  V2(2, "audiostems-wm2", 1 << 10) {
    @Override
    int[] encodeInfo(int[] info) {
      return V2Code.POLAR.encode(info);
    }

    @Override
    int[][] decodeList(float[] soft) {
      return V2Code.POLAR.decodeList(soft, V2_LIST);
    }
  };

  /**
   * Paths of version 1's list Viterbi whose CRC-32 is checked: on 12 tune renders 16 instead of 1
   * found 2 more of the 36 excerpts of MP3 64k / AAC 64k / noise 20 dB at 10 s. Each extra path is
   * one more 2^-32 chance for a random CRC match, and the match must then pass {@link
   * PayloadDecoder#MIN_Z}.
   */
  static final int V1_LIST = 16;

  /**
   * Paths of version 2's list decoder: CRC-aided SCL gains most of its advantage by 8 to 32 paths;
   * each path is another 2^-32 chance of a random CRC match, which z >= {@link
   * PayloadDecoder#MIN_Z} then rejects.
   */
  static final int V2_LIST = 32;

  /**
   * Design signal-to-noise ratio (Es/N0, linear) of one slot for version 2's choice of frozen bits:
   * version 1's decoder fails beyond ~17 % coded-bit errors on ~2.9 slots per bit (Q(√(2 · 2.9 ·
   * s)) = 0.17 gives s ≈ 0.16), which is where version 2 has to do better.
   */
  static final double V2_DESIGN_SLOT_SNR = 0.16;

  private final int number;
  private final String crcSalt;
  private final int codedBits;

  MarkVersion(int number, String crcSalt, int codedBits) {
    this.number = number;
    this.crcSalt = crcSalt;
    this.codedBits = codedBits;
  }

  /** 1, 2, ...: what {@link Detection#markVersion()} reports. */
  public int number() {
    return number;
  }

  int codedBits() {
    return codedBits;
  }

  /** {@link Format#INFO_BITS} info bits to the version's coded bits. */
  abstract int[] encodeInfo(int[] info);

  /** The likeliest info-bit paths for per-coded-bit soft values (> 0 favours 1), best first. */
  abstract int[][] decodeList(float[] soft);

  /** Coded-bit index that slot p * GROUPS + g carries under this version. */
  int[] slotBit(Format.Layout lay) {
    return this == V1 ? lay.slotBit : lay.slotBitV2;
  }

  /** Payload + its CRC-32: the {@link Format#INFO_BITS} info bits. */
  int[] info(Payload payload) {
    int[] info = new int[Format.INFO_BITS];
    for (int i = 0; i < Payload.BITS; i++) {
      info[i] = payload.bit(i);
    }
    long crc = crc(payload.bytes());
    for (int i = 0; i < 32; i++) {
      info[Payload.BITS + i] = (int) ((crc >>> (31 - i)) & 1);
    }
    return info;
  }

  /** The version's coded bits of {@code payload}. */
  int[] codeword(Payload payload) {
    return encodeInfo(info(payload));
  }

  /** The bit (0/1) each of a block's {@link Format#SLOTS} slots carries for {@code code}. */
  int[] slotBits(int[] code, Format.Layout lay) {
    int[] map = slotBit(lay);
    int[] out = new int[Format.SLOTS];
    for (int s = 0; s < Format.SLOTS; s++) {
      out[s] = code[map[s]];
    }
    return out;
  }

  long crc(byte[] b) {
    CRC32 c = new CRC32();
    c.update(crcSalt.getBytes(StandardCharsets.US_ASCII));
    c.update(b);
    return c.getValue();
  }

  /** Decoded info bits to a payload when its CRC-32 matches, else null. */
  Payload checked(int[] info) {
    Payload p = Payload.ofBits(Arrays.copyOf(info, Payload.BITS));
    long crc = 0;
    for (int i = 0; i < 32; i++) {
      crc = (crc << 1) | info[Payload.BITS + i];
    }
    return crc == crc(p.bytes()) ? p : null;
  }

  /** Version 2's code, built once: frozen bits chosen for its slot repetitions. */
  private static final class V2Code {
    static final PolarCode POLAR = build();

    private static PolarCode build() {
      int size = 1 << 10;
      int[] copies = new int[size];
      for (int j = 0; j < Format.SLOTS; j++) {
        copies[j % size]++;
      }
      double[] z = new double[size];
      for (int i = 0; i < size; i++) {
        z[i] = Math.exp(-copies[i] * V2_DESIGN_SLOT_SNR);
      }
      return new PolarCode(10, Format.INFO_BITS, z);
    }
  }
}
