package com.audiostems.dsp.watermark;

/**
 * The rate-1/3, constraint-length-7 convolutional code (generators 133, 171, 165 octal, as in 3GPP
 * / DVB), zero-terminated, with a soft-decision Viterbi decoder.
 */
final class ConvolutionalCode {

  static final int K = 7;
  static final int STATES = 1 << (K - 1);
  private static final int[] GEN = {0133, 0171, 0165};
  static final int RATE = GEN.length;

  /** out[state*2+bit] = the 3 coded bits (packed) when {@code bit} enters {@code state}. */
  private static final int[] OUT = new int[STATES * 2];

  static {
    for (int s = 0; s < STATES; s++) {
      for (int b = 0; b < 2; b++) {
        int reg = (b << (K - 1)) | s;
        int o = 0;
        for (int g = 0; g < RATE; g++) {
          o |= (Integer.bitCount(reg & GEN[g]) & 1) << g;
        }
        OUT[s * 2 + b] = o;
      }
    }
  }

  private ConvolutionalCode() {}

  static int codedLength(int infoBits) {
    return (infoBits + K - 1) * RATE;
  }

  static int[] encode(int[] bits) {
    int n = bits.length + K - 1;
    int[] out = new int[n * RATE];
    int s = 0;
    for (int i = 0; i < n; i++) {
      int b = i < bits.length ? bits[i] : 0;
      int o = OUT[s * 2 + b];
      for (int g = 0; g < RATE; g++) {
        out[i * RATE + g] = (o >> g) & 1;
      }
      s = ((b << (K - 1)) | s) >> 1;
    }
    return out;
  }

  /**
   * Soft Viterbi: {@code soft[i] > 0} favours coded bit 1, {@code < 0} favours 0, 0 is an erasure.
   * Returns {@code infoBits} decoded bits.
   */
  static int[] decode(float[] soft, int infoBits) {
    int n = infoBits + K - 1;
    double[] metric = new double[STATES];
    double[] next = new double[STATES];
    java.util.Arrays.fill(metric, Double.NEGATIVE_INFINITY);
    metric[0] = 0;
    byte[][] from = new byte[n][STATES];
    byte[][] bitIn = new byte[n][STATES];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(next, Double.NEGATIVE_INFINITY);
      float s0 = soft[i * RATE];
      float s1 = soft[i * RATE + 1];
      float s2 = soft[i * RATE + 2];
      int maxBit = i < infoBits ? 1 : 0;
      for (int s = 0; s < STATES; s++) {
        double m = metric[s];
        if (m == Double.NEGATIVE_INFINITY) {
          continue;
        }
        for (int b = 0; b <= maxBit; b++) {
          int o = OUT[s * 2 + b];
          double bm =
              ((o & 1) != 0 ? s0 : -s0) + ((o & 2) != 0 ? s1 : -s1) + ((o & 4) != 0 ? s2 : -s2);
          int ns = ((b << (K - 1)) | s) >> 1;
          double v = m + bm;
          if (v > next[ns]) {
            next[ns] = v;
            from[i][ns] = (byte) s;
            bitIn[i][ns] = (byte) b;
          }
        }
      }
      double[] t = metric;
      metric = next;
      next = t;
    }
    int[] bits = new int[n];
    int s = 0;
    for (int i = n - 1; i >= 0; i--) {
      bits[i] = bitIn[i][s];
      s = from[i][s] & 0xff;
    }
    return java.util.Arrays.copyOf(bits, infoBits);
  }

  /**
   * List Viterbi (parallel): the {@code listSize} most likely zero-terminated paths for {@code
   * soft}, best first, as {@code infoBits} decoded bits each. A check outside the code (the CRC-32)
   * then picks the first that passes: when the best path is wrong, the right one is often among the
   * next few.
   */
  static int[][] decodeList(float[] soft, int infoBits, int listSize) {
    int n = infoBits + K - 1;
    int l = listSize;
    double[][] metric = new double[STATES][l];
    double[][] next = new double[STATES][l];
    for (double[] m : metric) {
      java.util.Arrays.fill(m, Double.NEGATIVE_INFINITY);
    }
    metric[0][0] = 0;
    // from[i][ns][r]: which predecessor (its low bit x, 0/1) and rank led to rank r of state ns
    short[][][] from = new short[n][STATES][l];
    for (int i = 0; i < n; i++) {
      float s0 = soft[i * RATE];
      float s1 = soft[i * RATE + 1];
      float s2 = soft[i * RATE + 2];
      boolean infoStep = i < infoBits;
      for (int ns = 0; ns < STATES; ns++) {
        int b = ns >> (K - 2);
        double[] out = next[ns];
        if (b == 1 && !infoStep) {
          java.util.Arrays.fill(out, Double.NEGATIVE_INFINITY);
          continue;
        }
        int pa = (ns << 1) & (STATES - 1);
        int pb = pa | 1;
        double ba = branch(OUT[pa * 2 + b], s0, s1, s2);
        double bb = branch(OUT[pb * 2 + b], s0, s1, s2);
        double[] ma = metric[pa];
        double[] mb = metric[pb];
        int ia = 0;
        int ib = 0;
        for (int r = 0; r < l; r++) {
          double va = ia < l ? ma[ia] + ba : Double.NEGATIVE_INFINITY;
          double vb = ib < l ? mb[ib] + bb : Double.NEGATIVE_INFINITY;
          if (va >= vb) {
            out[r] = va;
            from[i][ns][r] = (short) ia++;
          } else {
            out[r] = vb;
            from[i][ns][r] = (short) (l + ib++);
          }
        }
      }
      double[][] t = metric;
      metric = next;
      next = t;
    }
    java.util.List<int[]> paths = new java.util.ArrayList<>();
    for (int rank = 0; rank < l && metric[0][rank] != Double.NEGATIVE_INFINITY; rank++) {
      int[] bits = new int[n];
      int state = 0;
      int r = rank;
      for (int i = n - 1; i >= 0; i--) {
        bits[i] = state >> (K - 2);
        int f = from[i][state][r];
        int x = f >= l ? 1 : 0;
        r = f - x * l;
        state = ((state << 1) & (STATES - 1)) | x;
      }
      paths.add(java.util.Arrays.copyOf(bits, infoBits));
    }
    return paths.toArray(new int[0][]);
  }

  private static double branch(int o, float s0, float s1, float s2) {
    return ((o & 1) != 0 ? s0 : -s0) + ((o & 2) != 0 ? s1 : -s1) + ((o & 4) != 0 ? s2 : -s2);
  }
}
