package com.audiostems.dsp.fingerprint;

import java.util.Arrays;

/**
 * Which hashes one query looks up: every query hash with its anchor-pitch field at −1, 0, +1
 * semitone (the speed range) and, where {@link Fingerprint#probeHints()} says a field lay near a
 * rounding edge, with that field's neighbour as well. The (probe hash, query hash) pairs are sorted
 * by probe and grouped, so that each distinct probe's postings are read once whichever query hashes
 * probe it (a 10 s query has about 3,400 distinct probes).
 *
 * <p>Within a posting budget the groups are read rarest first (fewest postings, the most specific
 * hashes) while they fit; a group whose postings would take the total over the budget is skipped,
 * and cheaper ones after it are still read.
 */
final class ProbePlan {

  /** Probe hash in the high 32 bits, query hash index in the low 32; ascending. */
  private final long[] pairs;

  /** Index of each group's first pair in {@link #pairs}; {@code groupStart[groupCount]} = pairs. */
  private final int[] groupStart;

  private final int groupCount;

  private ProbePlan(long[] pairs, int pairCount) {
    this.pairs = pairs;
    groupStart = new int[pairCount + 1];
    int groups = 0;
    for (int j = 0; j < pairCount; j++) {
      if (j == 0 || (int) (pairs[j] >>> 32) != (int) (pairs[j - 1] >>> 32)) {
        groupStart[groups++] = j;
      }
    }
    groupStart[groups] = pairCount;
    groupCount = groups;
  }

  /** The probes of every hash of {@code query}, grouped by probe hash. */
  static ProbePlan of(Fingerprint query) {
    int[] hashes = query.hashes();
    byte[] hints = query.probeHints();
    long[] pairs = new long[Math.max(16, hashes.length * 6)];
    int pairCount = 0;
    int[] probes = new int[64];
    for (int i = 0; i < hashes.length; i++) {
      int n = probes(hashes[i], hints[i], probes);
      for (int k = 0; k < n; k++) {
        if (pairCount == pairs.length) {
          pairs = Arrays.copyOf(pairs, pairCount * 2);
        }
        pairs[pairCount++] = (long) probes[k] << 32 | i;
      }
    }
    Arrays.sort(pairs, 0, pairCount);
    return new ProbePlan(pairs, pairCount);
  }

  /** Number of distinct probe hashes. */
  int groupCount() {
    return groupCount;
  }

  /** The probe hash of group {@code group}. */
  int probeHash(int group) {
    return (int) (pairs[groupStart[group]] >>> 32);
  }

  /** Index of the group's first (probe, query hash) pair; pairs of one group are contiguous. */
  int firstPair(int group) {
    return groupStart[group];
  }

  /** Index after the group's last pair. */
  int endPair(int group) {
    return groupStart[group + 1];
  }

  /** The query hash index of a pair. */
  int queryHashIndex(int pair) {
    return (int) pairs[pair];
  }

  /** Every group, in hash order. */
  int[] everyGroup() {
    int[] all = new int[groupCount];
    for (int g = 0; g < groupCount; g++) {
      all[g] = g;
    }
    return all;
  }

  /**
   * The groups to read within {@code postingBudget}, in hash order: every group when the budget is
   * {@link FingerprintMatcher#UNLIMITED}, when the source cannot count a probe's postings ({@link
   * PostingSource#postingCount} −1) or when they all fit; otherwise the rarest that fit.
   */
  int[] groupsWithin(long postingBudget, PostingSource source) {
    if (postingBudget == FingerprintMatcher.UNLIMITED) {
      return everyGroup();
    }
    long[] byCount = new long[groupCount];
    long total = 0;
    for (int g = 0; g < groupCount; g++) {
      long count = source.postingCount(probeHash(g));
      if (count < 0) {
        return everyGroup();
      }
      total += count;
      // count in the high bits (counts stay far below 2^40), group number in the low 23
      byCount[g] = Math.min(count, (1L << 40) - 1) << 23 | g;
    }
    return total > postingBudget ? rarestWithin(byCount, postingBudget) : everyGroup();
  }

  /** The groups of {@code byCount} (count << 23 | group) that fit the budget, rarest first. */
  private static int[] rarestWithin(long[] byCount, long postingBudget) {
    Arrays.sort(byCount);
    int[] kept = new int[byCount.length];
    long spent = 0;
    int n = 0;
    for (long countAndGroup : byCount) {
      long count = countAndGroup >>> 23;
      if (spent + count <= postingBudget) {
        spent += count;
        kept[n++] = (int) (countAndGroup & 0x7FFFFF);
      }
    }
    kept = Arrays.copyOf(kept, n);
    Arrays.sort(kept); // back to hash order: the walk's order does not change the answer
    return kept;
  }

  /** Fills {@code out} with the hash and its probe variants; returns how many. */
  static int probes(int hash, byte hint, int[] out) {
    int f = Fingerprinter.pitch1(hash);
    int d12 = Fingerprinter.dPitch12(hash);
    int d23 = Fingerprinter.dPitch23(hash);
    int r = Fingerprinter.ratio(hash);
    int[] d12s = variants(d12, (hint >> 4) & 3);
    int[] d23s = variants(d23, (hint >> 2) & 3);
    int[] rs = variants(r, hint & 3);
    int n = 0;
    for (int df = -1; df <= 1; df++) {
      int ff = f + df;
      if (ff < 0 || ff > 63) {
        continue;
      }
      for (int a : d12s) {
        for (int b : d23s) {
          for (int c : rs) {
            out[n++] = Fingerprinter.hash(ff, a, b, c);
          }
        }
      }
    }
    return n;
  }

  private static int[] variants(int v, int hint) {
    return switch (hint) {
      case 1 -> new int[] {v, v + 1};
      case 2 -> new int[] {v, v - 1};
      default -> new int[] {v};
    };
  }
}
