package com.audiostems.dsp.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * Effective bit depth: the finest quantisation step the samples actually use.
 *
 * <p>The decoder delivers floats at full scale ±1, so a 16-bit source's samples are exact multiples
 * of 2^-15 and a 24-bit source's of 2^-23. Each sample is scaled by 2^23 (exact in float); samples
 * are grouped in blocks of {@link #BLOCK_SAMPLES} per channel and the bits of each block OR-ed
 * together: the block's trailing zero bits are the low bits it never used, and a block with a
 * sample off the 2^-23 grid is finer than 24-bit (float, or a lossy decode). The effective depth is
 * 24 minus the most trailing zero bits that all but {@link #ODD_BLOCK_FRACTION} of the non-silent
 * blocks share, so a few odd samples (a fade or edit rendered at a higher depth) do not undo the
 * verdict; 32 means finer than 24-bit.
 */
final class BitDepthCheck {
  static final String CODE = "bit-depth-padded";
  static final String LOW_CODE = "low-bit-depth";

  /** Samples per channel OR-ed together: 6 ms at 44.1 kHz, so that an odd sample spoils little. */
  static final int BLOCK_SAMPLES = 256;

  /**
   * Blocks allowed to use finer steps than the verdict: 2 %. A 16-bit source padded into 24 bits
   * has none; a real 24-bit source uses its low bits in (nearly) every block.
   */
  static final double ODD_BLOCK_FRACTION = 0.02;

  /** Below this effective depth a source is unfit (the quantisation noise is audible). */
  static final int MIN_BITS = 16;

  /** Reported for sources finer than 24-bit (floats). */
  static final int FLOAT_BITS = 32;

  private static final float SCALE = 8_388_608f; // 2^23
  private static final int OFF_GRID = 24;

  private final int[] orBits;
  private final boolean[] offGrid;
  private final int[] count;
  private final long[] hist = new long[OFF_GRID + 1];

  BitDepthCheck(int channels) {
    orBits = new int[channels];
    offGrid = new boolean[channels];
    count = new int[channels];
  }

  void accept(float[][] block, int n) {
    for (int c = 0; c < orBits.length; c++) {
      float[] x = block[c];
      int i = 0;
      while (i < n) {
        int m = Math.min(n - i, BLOCK_SAMPLES - count[c]);
        int or = orBits[c];
        boolean off = offGrid[c];
        for (int j = i; j < i + m; j++) {
          float v = x[j] * SCALE;
          int q = (int) v;
          or |= q;
          off |= q != v;
        }
        orBits[c] = or;
        offGrid[c] = off;
        count[c] += m;
        i += m;
        if (count[c] == BLOCK_SAMPLES) {
          closeBlock(c);
        }
      }
    }
  }

  private void closeBlock(int c) {
    if (offGrid[c]) {
      hist[OFF_GRID]++;
    } else if (orBits[c] != 0) {
      hist[Math.min(OFF_GRID - 1, Integer.numberOfTrailingZeros(orBits[c]))]++;
    }
    orBits[c] = 0;
    offGrid[c] = false;
    count[c] = 0;
  }

  /** Effective bits: 1..24, {@link #FLOAT_BITS} for finer than 24-bit, 0 for digital silence. */
  int effectiveBits() {
    for (int c = 0; c < orBits.length; c++) {
      if (count[c] > 0) {
        closeBlock(c);
      }
    }
    long total = 0;
    for (long h : hist) {
      total += h;
    }
    if (total == 0) {
      return 0;
    }
    long allowed = (long) Math.floor(ODD_BLOCK_FRACTION * total);
    long finer = hist[OFF_GRID];
    if (finer > allowed) {
      return FLOAT_BITS;
    }
    int zeros = 0;
    while (zeros < OFF_GRID - 1 && finer + hist[zeros] <= allowed) {
      finer += hist[zeros];
      zeros++;
    }
    return 24 - zeros;
  }

  static List<Finding> check(int effectiveBits, int declaredBits, double durationSeconds) {
    List<Finding> out = new ArrayList<>();
    if (effectiveBits == 0) {
      return out;
    }
    boolean padded = declaredBits > 0 && declaredBits <= 24 && effectiveBits < declaredBits;
    if (padded) {
      out.add(
          new Finding(
              CODE,
              effectiveBits < MIN_BITS ? Severity.ERROR : Severity.WARNING,
              effectiveBits,
              declaredBits,
              "bits",
              0,
              durationSeconds,
              "The file is "
                  + declaredBits
                  + "-bit but only the top "
                  + effectiveBits
                  + " bits are used: it was padded from a "
                  + effectiveBits
                  + "-bit source, which adds nothing. Please export from the original session"
                  + " at its real resolution."));
    } else if (effectiveBits < MIN_BITS) {
      out.add(
          new Finding(
              LOW_CODE,
              Severity.ERROR,
              effectiveBits,
              MIN_BITS,
              "bits",
              0,
              durationSeconds,
              "Only "
                  + effectiveBits
                  + " bits of resolution are used; below 16 bits the quantisation noise is"
                  + " audible. Please export at 16 or 24 bits from the original session."));
    }
    return out;
  }
}
