package com.audiostems.dsp.fingerprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.audiostems.dsp.testing.music.MusicSynth;
import com.audiostems.dsp.testing.music.PieceSpec;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FingerprintMatcherTest {

  private static final int TRACKS = 5;
  private static final int RATE = 44_100;
  private static final Fingerprinter FINGERPRINTER = new Fingerprinter();
  private static float[][] audio;
  private static FingerprintIndex index;

  @BeforeAll
  static void build() {
    audio = new float[TRACKS][];
    index = new FingerprintIndex();
    for (int i = 0; i < TRACKS; i++) {
      audio[i] =
          MusicSynth.render(PieceSpec.builder().durationSeconds(25).seed(40 + i).build())
              .mono()
              .samples();
      index.add("t" + i, FINGERPRINTER.fingerprint(audio[i], RATE));
    }
  }

  private static Fingerprint query(int track, double start) {
    return FINGERPRINTER.fingerprint(
        Arrays.copyOfRange(audio[track], (int) (start * RATE), (int) ((start + 10) * RATE)), RATE);
  }

  /** The index, counting the postings a match visits. */
  private static PostingSource counting(long[] visited) {
    return counting(visited, true);
  }

  /** As {@link #counting(long[])}; {@code verify}: whether it hands out whole fingerprints. */
  private static PostingSource counting(long[] visited, boolean verify) {
    return CountingPostingSource.of(index, visited, verify);
  }

  @Test
  void aBudgetBoundsThePostingsReadAndKeepsTheRarestHashes() {
    for (int i = 0; i < TRACKS; i++) {
      Fingerprint q = query(i, 3 + 2 * i);
      long[] visited = new long[1];
      List<Match> exact = FingerprintMatcher.match(q, counting(visited), LookupLimits.exact());
      long cost = visited[0];
      assertEquals("t" + i, exact.get(0).trackId());
      // A budget the query fits in changes nothing.
      assertEquals(exact, FingerprintMatcher.match(q, index, LookupLimits.allCandidates(cost)));
      assertEquals(
          exact,
          index.match(q, LookupLimits.allCandidates(FingerprintMatcher.DEFAULT_POSTING_BUDGET)));
      for (long budget : new long[] {cost / 2, cost / 5}) {
        visited[0] = 0;
        List<Match> budgeted =
            FingerprintMatcher.match(q, counting(visited), LookupLimits.allCandidates(budget));
        assertTrue(visited[0] <= budget, visited[0] + " > " + budget);
        assertTrue(visited[0] > budget / 2, "the budget is used: " + visited[0]);
        // The best candidates are verified against their whole fingerprints: exact scores.
        assertEquals(exact.get(0), budgeted.get(0));
        for (Match m : budgeted) {
          assertTrue(exact.contains(m), m + " is not an exact answer");
        }
        // A source without whole fingerprints answers from the hashes read: lower scores.
        visited[0] = 0;
        List<Match> unverified =
            FingerprintMatcher.match(
                q, counting(visited, false), LookupLimits.allCandidates(budget));
        assertTrue(visited[0] <= budget);
        assertEquals("t" + i, unverified.get(0).trackId());
        assertTrue(unverified.get(0).score() < exact.get(0).score());
      }
      assertTrue(FingerprintMatcher.match(q, index, LookupLimits.allCandidates(0)).isEmpty());
    }
  }

  @Test
  void aSourceWithoutPostingCountsIsReadInFull() {
    Fingerprint q = query(1, 4);
    long[] visited = new long[1];
    PostingSource counted = counting(visited);
    FingerprintMatcher.match(q, counted, LookupLimits.exact());
    long cost = visited[0];
    PostingSource uncounted =
        new PostingSource() {
          @Override
          public void forEachPosting(int hash, PostingVisitor visitor) {
            counted.forEachPosting(hash, visitor);
          }

          @Override
          public String trackId(int trackNumber) {
            return counted.trackId(trackNumber);
          }
        };
    visited[0] = 0;
    assertEquals(
        index.match(q),
        FingerprintMatcher.match(q, uncounted, LookupLimits.allCandidates(cost / 10)));
    assertEquals(cost, visited[0]);
  }

  @Test
  void aScoreFloorReturnsExactlyTheCandidatesAboveIt() {
    for (int i = 0; i < TRACKS; i++) {
      Fingerprint q = query(i, 1 + 3 * i);
      List<Match> all = FingerprintMatcher.match(q, index, LookupLimits.exact());
      for (int floor : new int[] {0, 5, 14, 40, 10_000}) {
        List<Match> expected = all.stream().filter(m -> m.score() >= floor).toList();
        assertEquals(
            expected, FingerprintMatcher.match(q, index, LookupLimits.exact().withMinScore(floor)));
      }
      // The production lookup's first candidate is the identified track, if any.
      assertEquals(
          all.isEmpty() || all.get(0).score() < FingerprintMatcher.DECISION_MIN_SCORE
              ? java.util.Optional.empty()
              : java.util.Optional.of(all.get(0)),
          FingerprintMatcher.match(q, index, LookupLimits.production()).stream().findFirst());
    }
  }

  @Test
  void bucketSortSortsExactly() {
    SplittableRandom r = new SplittableRandom(3);
    for (int trial = 0; trial < 200; trial++) {
      int n = r.nextInt(200);
      double[] v = new double[n + 5];
      for (int i = 0; i < n; i++) {
        v[i] =
            switch (trial % 4) {
              case 0 -> r.nextDouble(-1e4, 1e4);
              case 1 -> 100 + r.nextInt(3) + 0.25 * r.nextInt(4); // clusters and ties
              case 2 -> i % 7 == 0 ? 5e5 : r.nextDouble(); // one far outlier group
              default -> r.nextInt(5) - 2.5 * (i & 1);
            };
      }
      double[] expected = Arrays.copyOf(v, n);
      Arrays.sort(expected);
      assertArrayEquals(expected, TimeLineFit.bucketSorted(v, n));
    }
  }
}
