package com.audiostems.dsp.structure;

import java.util.ArrayList;
import java.util.List;

/**
 * Letters for sections that sound alike: in time order, each section joins the closest earlier
 * group (distance between mean feature vectors, dB) if that is close enough, else opens the next
 * letter. Sequential "leader" clustering: the first occurrence names the group, as in A B A C.
 *
 * <p>"Close enough" adapts to the track: half the smallest distance between neighbouring sections
 * (which a boundary already declared different), and at least {@value #MIN_SAME_DB} dB. Thus a
 * repeat only has to be more alike than the least different pair of neighbours.
 */
public final class SectionLabeler {

  static final double MIN_SAME_DB = 3;
  static final double SAME_FRACTION_OF_NEIGHBOUR_DISTANCE = 0.5;

  private SectionLabeler() {}

  /** One label per section mean vector. */
  public static List<String> labels(double[][] sectionMeans) {
    int n = sectionMeans.length;
    double minNeighbour = Double.POSITIVE_INFINITY;
    for (int s = 1; s < n; s++) {
      minNeighbour =
          Math.min(minNeighbour, FooteNovelty.euclidean(sectionMeans[s - 1], sectionMeans[s]));
    }
    double same = Math.max(MIN_SAME_DB, SAME_FRACTION_OF_NEIGHBOUR_DISTANCE * minNeighbour);
    List<double[]> groupSums = new ArrayList<>();
    List<Integer> groupSizes = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (double[] x : sectionMeans) {
      int best = -1;
      double bestDistance = Double.POSITIVE_INFINITY;
      for (int g = 0; g < groupSums.size(); g++) {
        double d = FooteNovelty.euclidean(x, mean(groupSums.get(g), groupSizes.get(g)));
        if (d < bestDistance) {
          bestDistance = d;
          best = g;
        }
      }
      if (best >= 0 && bestDistance <= same) {
        double[] sum = groupSums.get(best);
        for (int d = 0; d < x.length; d++) {
          sum[d] += x[d];
        }
        groupSizes.set(best, groupSizes.get(best) + 1);
        labels.add(letter(best));
      } else {
        groupSums.add(x.clone());
        groupSizes.add(1);
        labels.add(letter(groupSums.size() - 1));
      }
    }
    return labels;
  }

  /** A, B, … Z, then A2, B2, … (a track with more than 26 distinct parts is rare). */
  static String letter(int group) {
    String base = String.valueOf((char) ('A' + group % 26));
    return group < 26 ? base : base + (group / 26 + 1);
  }

  private static double[] mean(double[] sum, int count) {
    double[] m = new double[sum.length];
    for (int d = 0; d < sum.length; d++) {
      m[d] = sum[d] / count;
    }
    return m;
  }
}
