package com.audiostems.dsp.watermark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConvolutionalCodeTest {

  /** The decoder's path metric: soft values agreeing with the re-encoded path count positive. */
  private static double metric(int[] info, float[] soft) {
    int[] c = ConvolutionalCode.encode(info);
    double m = 0;
    for (int i = 0; i < c.length; i++) {
      m += c[i] == 1 ? soft[i] : -soft[i];
    }
    return m;
  }

  private static float[] noisy(int[] code, double sigma, Random r) {
    float[] soft = new float[code.length];
    for (int i = 0; i < code.length; i++) {
      soft[i] = (float) ((code[i] * 2 - 1) + sigma * r.nextGaussian());
    }
    return soft;
  }

  @Test
  void theListOfAShortMessageIsEveryMessageInOrderOfItsMetric() {
    // 4 info bits: all 16 messages, ranked by brute force, against a list of 16
    Random r = new Random(1);
    int bits = 4;
    for (int trial = 0; trial < 50; trial++) {
      float[] soft = noisy(ConvolutionalCode.encode(new int[] {1, 0, 1, 1}), 1.5, r);
      int[][] all = new int[1 << bits][bits];
      for (int m = 0; m < all.length; m++) {
        for (int i = 0; i < bits; i++) {
          all[m][i] = (m >> (bits - 1 - i)) & 1;
        }
      }
      Arrays.sort(all, Comparator.comparingDouble((int[] m) -> -metric(m, soft)));
      int[][] list = ConvolutionalCode.decodeList(soft, bits, all.length);
      assertEquals(all.length, list.length);
      for (int k = 0; k < all.length; k++) {
        assertEquals(metric(all[k], soft), metric(list[k], soft), 1e-4, "rank " + k);
      }
    }
  }

  @Test
  void theListStartsWithTheViterbiPathAndHoldsTheMessageMoreOften() {
    Random r = new Random(2);
    int bits = Format.INFO_BITS;
    int bestRight = 0;
    int listRight = 0;
    for (int trial = 0; trial < 200; trial++) {
      int[] info = new int[bits];
      for (int i = 0; i < bits; i++) {
        info[i] = r.nextInt(2);
      }
      float[] soft = noisy(ConvolutionalCode.encode(info), 0.95, r);
      int[][] list = ConvolutionalCode.decodeList(soft, bits, 16);
      assertArrayEquals(ConvolutionalCode.decode(soft, bits), list[0]);
      for (int k = 1; k < list.length; k++) {
        assertTrue(metric(list[k], soft) <= metric(list[k - 1], soft) + 1e-3, "ordered");
        assertTrue(!Arrays.equals(list[k], list[k - 1]), "distinct");
      }
      bestRight += Arrays.equals(list[0], info) ? 1 : 0;
      listRight += Arrays.stream(list).anyMatch(p -> Arrays.equals(p, info)) ? 1 : 0;
    }
    System.out.printf(
        "best path right %d/200, message in the list of 16 %d/200%n", bestRight, listRight);
    assertTrue(listRight > bestRight, bestRight + " vs " + listRight);
  }
}
