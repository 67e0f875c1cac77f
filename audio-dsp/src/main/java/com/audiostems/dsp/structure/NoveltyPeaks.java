package com.audiostems.dsp.structure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Section boundaries from a novelty curve: local maxima that stand out from their surroundings,
 * then the strongest first, each at least a minimum section length from the others and a (shorter)
 * minimum edge-section length from the track's start and end.
 */
public final class NoveltyPeaks {

  private NoveltyPeaks() {}

  /**
   * Boundary times in seconds, ascending.
   *
   * @param novelty novelty per block (dB), block i = boundary at {@code blockStartSeconds[i]}
   * @param blockStartSeconds start of each block
   * @param trackSeconds track duration
   * @param minNoveltyDb absolute floor: below this no change counts (steady music stays whole)
   * @param localMarginDb how far a peak must rise above the mean novelty within ±{@code
   *     localWindowBlocks} (adaptive threshold: in busy music the background novelty is higher and
   *     a boundary must stand out from it)
   * @param localWindowBlocks half-width of the adaptive threshold's window and of the local-maximum
   *     test
   * @param minSectionSeconds minimum length of a section between two boundaries
   * @param minEdgeSectionSeconds minimum length of the first and the last section
   */
  public static List<Double> pick(
      double[] novelty,
      double[] blockStartSeconds,
      double trackSeconds,
      double minNoveltyDb,
      double localMarginDb,
      int localWindowBlocks,
      double minSectionSeconds,
      double minEdgeSectionSeconds) {
    int n = novelty.length;
    // Prefix sums for the moving mean of the adaptive threshold.
    double[] prefix = new double[n + 1];
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i] + novelty[i];
    }
    List<Integer> candidates = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      double v = novelty[i];
      if (v < minNoveltyDb) {
        continue;
      }
      int lo = Math.max(0, i - localWindowBlocks);
      int hi = Math.min(n - 1, i + localWindowBlocks);
      boolean isMax = true;
      for (int j = lo; j <= hi && isMax; j++) {
        // Ties go to the earliest block, so a flat top yields one peak.
        isMax = novelty[j] < v || (novelty[j] == v && j >= i);
      }
      double localMean = (prefix[hi + 1] - prefix[lo]) / (hi + 1 - lo);
      if (isMax && v >= localMean + localMarginDb) {
        candidates.add(i);
      }
    }
    candidates.sort(Comparator.comparingDouble((Integer i) -> novelty[i]).reversed());
    List<Double> accepted = new ArrayList<>();
    for (int i : candidates) {
      double t = blockStartSeconds[i];
      if (t < minEdgeSectionSeconds || trackSeconds - t < minEdgeSectionSeconds) {
        continue;
      }
      boolean farEnough = true;
      for (double other : accepted) {
        farEnough &= Math.abs(other - t) >= minSectionSeconds;
      }
      if (farEnough) {
        accepted.add(t);
      }
    }
    accepted.sort(null);
    return accepted;
  }
}
