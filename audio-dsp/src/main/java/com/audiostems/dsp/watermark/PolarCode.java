package com.audiostems.dsp.watermark;

import java.util.Arrays;

/**
 * A polar code of length 2^n (Arikan), decoded by successive-cancellation list decoding with LLR
 * path metrics (Balatsoukas-Stimming, Bastani Parizi, Burg, "LLR-based successive cancellation list
 * decoding of polar codes", IEEE TSP 2015; min-sum node updates). A check outside the code (the
 * mark's CRC-32) picks the first listed path that passes: CRC-aided list decoding, the scheme 5G NR
 * uses for its short control messages, where it beats a constraint-length-7 convolutional code by
 * about 1 dB.
 *
 * <p>Layout: x = u · F^{⊗n}, F = [[1,0],[1,1]], no bit reversal: a node of size 2m codes its left
 * half u' and right half u'' as [enc(u') ⊕ enc(u''), enc(u'')]. The information positions are the
 * {@code infoBits} leaves of smallest Bhattacharyya parameter, computed through the same tree from
 * each coded position's own channel parameter (so positions that the mark repeats in more slots
 * count as the better channels they are).
 */
final class PolarCode {

  private final int log2Size;
  private final int size;
  private final int infoBits;
  private final boolean[] frozen;
  private final int[] infoPositions;

  /**
   * @param log2Size n: the code has 2^n coded bits
   * @param infoBits information bits (the rest of the 2^n leaves are frozen to 0)
   * @param channelBhattacharyya each coded position's channel Bhattacharyya parameter in (0, 1]
   *     (for BPSK in Gaussian noise exp(-Es/N0))
   */
  PolarCode(int log2Size, int infoBits, double[] channelBhattacharyya) {
    this.log2Size = log2Size;
    this.size = 1 << log2Size;
    if (channelBhattacharyya.length != size || infoBits < 1 || infoBits > size) {
      throw new IllegalArgumentException("a polar code of 2^" + log2Size + " with " + infoBits);
    }
    this.infoBits = infoBits;
    double[] leaf = leafBhattacharyya(channelBhattacharyya);
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(leaf[a], leaf[b]));
    this.frozen = new boolean[size];
    Arrays.fill(frozen, true);
    for (int j = 0; j < infoBits; j++) {
      frozen[order[j]] = false;
    }
    this.infoPositions = new int[infoBits];
    for (int i = 0, j = 0; i < size; i++) {
      if (!frozen[i]) {
        infoPositions[j++] = i;
      }
    }
  }

  int size() {
    return size;
  }

  int infoBits() {
    return infoBits;
  }

  /**
   * Bhattacharyya parameter of each leaf through the tree: a node's left child sees both halves
   * (z_a + z_b − z_a z_b, an upper bound), its right child sees them combined (z_a z_b).
   */
  private static double[] leafBhattacharyya(double[] z) {
    if (z.length == 1) {
      return z.clone();
    }
    int half = z.length / 2;
    double[] worse = new double[half];
    double[] better = new double[half];
    for (int i = 0; i < half; i++) {
      double a = z[i];
      double b = z[i + half];
      worse[i] = a + b - a * b;
      better[i] = a * b;
    }
    double[] out = new double[z.length];
    System.arraycopy(leafBhattacharyya(worse), 0, out, 0, half);
    System.arraycopy(leafBhattacharyya(better), 0, out, half, half);
    return out;
  }

  /** The 2^n coded bits (0/1) of {@code info} ({@code infoBits} bits of 0/1). */
  int[] encode(int[] info) {
    if (info.length != infoBits) {
      throw new IllegalArgumentException(infoBits + " info bits expected, got " + info.length);
    }
    int[] x = new int[size];
    for (int j = 0; j < infoBits; j++) {
      x[infoPositions[j]] = info[j];
    }
    for (int h = 1; h < size; h <<= 1) {
      for (int block = 0; block < size; block += 2 * h) {
        for (int i = block; i < block + h; i++) {
          x[i] ^= x[i + h];
        }
      }
    }
    return x;
  }

  /**
   * The {@code listSize} likeliest paths for {@code soft} (per coded bit: > 0 favours 1, < 0
   * favours 0, 0 is an erasure; any scale), best first, as {@code infoBits} bits each.
   */
  int[][] decodeList(float[] soft, int listSize) {
    float[] channel = new float[size];
    for (int i = 0; i < size; i++) {
      channel[i] = -soft[i]; // LLR = log P(0) / P(1)
    }
    ListDecoder d = new ListDecoder(channel, listSize);
    d.node(log2Size, 0);
    return d.paths();
  }

  /** The state of one successive-cancellation list decoding. */
  private final class ListDecoder {
    private final float[] channel;
    private final int maxPaths;

    /** Per path slot: LLRs at tree levels 0..n-1 (level s holds 2^s), the channel is shared. */
    private final float[][][] llr;

    /** Per path slot and level s < n: the codeword of the node just decoded at level s. */
    private final byte[][][] word;

    /** Per path slot and level s < n: the left sibling's codeword, kept for the right one. */
    private final byte[][][] left;

    private final byte[][] u;
    private final double[] metric;
    private final int[] active;
    private int activeCount;
    private final int[] free;
    private int freeCount;

    ListDecoder(float[] channel, int listSize) {
      this.channel = channel;
      this.maxPaths = listSize;
      llr = new float[listSize][log2Size][];
      word = new byte[listSize][log2Size][];
      left = new byte[listSize][log2Size][];
      u = new byte[listSize][size];
      metric = new double[listSize];
      for (int p = 0; p < listSize; p++) {
        for (int s = 0; s < log2Size; s++) {
          llr[p][s] = new float[1 << s];
          word[p][s] = new byte[1 << s];
          left[p][s] = new byte[1 << s];
        }
      }
      active = new int[listSize];
      free = new int[listSize];
      activeCount = 1;
      active[0] = 0;
      freeCount = listSize - 1;
      for (int p = 1; p < listSize; p++) {
        free[p - 1] = listSize - p;
      }
    }

    private float[] in(int p, int s) {
      return s == log2Size ? channel : llr[p][s];
    }

    /** Decodes the node at level {@code s} whose first leaf is {@code base}, for every path. */
    void node(int s, int base) {
      if (s == 0) {
        leaf(base);
        return;
      }
      int half = 1 << (s - 1);
      for (int a = 0; a < activeCount; a++) {
        int p = active[a];
        float[] in = in(p, s);
        float[] out = llr[p][s - 1];
        for (int i = 0; i < half; i++) {
          float x = in[i];
          float y = in[i + half];
          float m = Math.min(Math.abs(x), Math.abs(y));
          out[i] = (x < 0) != (y < 0) ? -m : m;
        }
      }
      node(s - 1, base);
      for (int a = 0; a < activeCount; a++) {
        int p = active[a];
        float[] in = in(p, s);
        float[] out = llr[p][s - 1];
        byte[] l = left[p][s - 1];
        System.arraycopy(word[p][s - 1], 0, l, 0, half);
        for (int i = 0; i < half; i++) {
          out[i] = in[i + half] + (l[i] == 0 ? in[i] : -in[i]);
        }
      }
      node(s - 1, base + half);
      if (s < log2Size) {
        for (int a = 0; a < activeCount; a++) {
          int p = active[a];
          byte[] l = left[p][s - 1];
          byte[] r = word[p][s - 1];
          byte[] w = word[p][s];
          for (int i = 0; i < half; i++) {
            w[i] = (byte) (l[i] ^ r[i]);
            w[i + half] = r[i];
          }
        }
      }
    }

    private float leafLlr(int p) {
      return log2Size == 0 ? channel[0] : llr[p][0][0];
    }

    private void leaf(int i) {
      if (frozen[i]) {
        for (int a = 0; a < activeCount; a++) {
          int p = active[a];
          float l = leafLlr(p);
          metric[p] += l < 0 ? -l : 0;
          set(p, i, 0);
        }
        return;
      }
      // every path continues with 0 and with 1; the maxPaths smallest metrics survive
      int candidates = 2 * activeCount;
      double[] m = new double[candidates];
      for (int a = 0; a < activeCount; a++) {
        int p = active[a];
        float l = leafLlr(p);
        m[2 * a] = metric[p] + (l < 0 ? -l : 0);
        m[2 * a + 1] = metric[p] + (l > 0 ? l : 0);
      }
      boolean[] keep = new boolean[candidates];
      if (candidates <= maxPaths) {
        Arrays.fill(keep, true);
      } else {
        double[] sorted = m.clone();
        Arrays.sort(sorted);
        double cut = sorted[maxPaths - 1];
        int kept = 0;
        for (int c = 0; c < candidates && kept < maxPaths; c++) {
          if (m[c] < cut) {
            keep[c] = true;
            kept++;
          }
        }
        for (int c = 0; c < candidates && kept < maxPaths; c++) {
          if (m[c] == cut) {
            keep[c] = true;
            kept++;
          }
        }
      }
      int before = activeCount;
      int[] parents = Arrays.copyOf(active, before);
      // first release the paths with no surviving continuation, so their slots can be reused
      activeCount = 0;
      for (int a = 0; a < before; a++) {
        if (keep[2 * a] || keep[2 * a + 1]) {
          active[activeCount++] = parents[a];
        } else {
          free[freeCount++] = parents[a];
        }
      }
      for (int a = 0; a < before; a++) {
        int p = parents[a];
        boolean zero = keep[2 * a];
        boolean one = keep[2 * a + 1];
        if (zero && one) {
          int q = free[--freeCount];
          copy(p, q);
          active[activeCount++] = q;
          metric[q] = m[2 * a + 1];
          set(q, i, 1);
          metric[p] = m[2 * a];
          set(p, i, 0);
        } else if (zero) {
          metric[p] = m[2 * a];
          set(p, i, 0);
        } else if (one) {
          metric[p] = m[2 * a + 1];
          set(p, i, 1);
        }
      }
    }

    private void set(int p, int i, int bit) {
      u[p][i] = (byte) bit;
      if (log2Size > 0) {
        word[p][0][0] = (byte) bit;
      }
    }

    private void copy(int from, int to) {
      for (int s = 0; s < log2Size; s++) {
        System.arraycopy(llr[from][s], 0, llr[to][s], 0, 1 << s);
        System.arraycopy(word[from][s], 0, word[to][s], 0, 1 << s);
        System.arraycopy(left[from][s], 0, left[to][s], 0, 1 << s);
      }
      System.arraycopy(u[from], 0, u[to], 0, size);
      metric[to] = metric[from];
    }

    int[][] paths() {
      Integer[] order = new Integer[activeCount];
      for (int a = 0; a < activeCount; a++) {
        order[a] = active[a];
      }
      Arrays.sort(order, (a, b) -> Double.compare(metric[a], metric[b]));
      int[][] out = new int[activeCount][infoBits];
      for (int r = 0; r < activeCount; r++) {
        for (int j = 0; j < infoBits; j++) {
          out[r][j] = u[order[r]][infoPositions[j]];
        }
      }
      return out;
    }
  }
}
