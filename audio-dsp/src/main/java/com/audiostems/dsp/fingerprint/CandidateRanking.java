package com.audiostems.dsp.fingerprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Turns a {@link VoteTable} into scored candidates: every track above a floor, or the best few. */
final class CandidateRanking {

  private CandidateRanking() {}

  /** A candidate with the source's track number. */
  record Candidate(int trackNumber, Match match) {}

  /**
   * Fits every track with at least {@code minScore} hits and keeps those scoring {@code minScore},
   * with their track ids.
   */
  static List<Candidate> allReaching(
      int minScore, VoteTable votes, TimeLineFit fit, PostingSource source) {
    List<Candidate> out = new ArrayList<>();
    TrackHits hits = new TrackHits();
    votes.groupByTrack(minScore);
    for (int d = 0; d < votes.trackCount; d++) {
      if (votes.hitCount(d) < minScore) {
        continue;
      }
      votes.collect(d, hits);
      int track = votes.trackOf(d);
      Match m = fit.fit(hits, minScore);
      if (m != null && m.score() >= minScore) {
        out.add(new Candidate(track, withId(m, source.trackId(track))));
      }
    }
    return out;
  }

  /**
   * The {@code k} best candidates by score (ties: lower track number first; ids not resolved),
   * exactly as fitting every track would rank them, but fitting tracks in decreasing order of hits
   * and stopping when a track's hits (a bound on its score) fall below the k-th best score.
   */
  static List<Candidate> best(int k, VoteTable votes, TimeLineFit fit) {
    int minHits = FingerprintMatcher.MIN_HITS;
    votes.groupByTrack(minHits);
    long[] byHits = new long[votes.trackCount];
    int c = 0;
    for (int d = 0; d < votes.trackCount; d++) {
      if (votes.hitCount(d) >= minHits) {
        byHits[c++] = (long) votes.hitCount(d) << 32 | d;
      }
    }
    Arrays.sort(byHits, 0, c);
    List<Candidate> best = new ArrayList<>();
    TrackHits hits = new TrackHits();
    for (int j = c - 1; j >= 0; j--) {
      if (best.size() == k && (int) (byHits[j] >>> 32) < best.get(k - 1).match().score()) {
        break;
      }
      int d = (int) byHits[j];
      votes.collect(d, hits);
      Match m = fit.fit(hits, minHits);
      if (m != null && m.score() >= minHits) {
        insertRanked(best, new Candidate(votes.trackOf(d), m), k);
      }
    }
    return best;
  }

  private static final Comparator<Candidate> BY_SCORE_THEN_TRACK =
      Comparator.comparingInt((Candidate x) -> x.match().score())
          .reversed()
          .thenComparingInt(Candidate::trackNumber);

  /** Inserts {@code candidate} into the ranked list {@code best}, keeping at most {@code k}. */
  private static void insertRanked(List<Candidate> best, Candidate candidate, int k) {
    int at = 0;
    while (at < best.size() && BY_SCORE_THEN_TRACK.compare(best.get(at), candidate) <= 0) {
      at++;
    }
    if (at < k) {
      best.add(at, candidate);
      if (best.size() > k) {
        best.remove(k);
      }
    }
  }

  /** The candidates' matches, best first (ties by track id). */
  static List<Match> bestFirst(List<Candidate> candidates) {
    List<Match> out = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
      out.add(c.match());
    }
    out.sort(Comparator.comparingInt(Match::score).reversed().thenComparing(Match::trackId));
    return out;
  }

  private static Match withId(Match m, String id) {
    return new Match(
        id,
        m.score(),
        m.normalisedScore(),
        m.queryStartSeconds(),
        m.queryEndSeconds(),
        m.referenceStartSeconds(),
        m.referenceEndSeconds(),
        m.speedRatio(),
        m.pitchSpeedRatio());
  }
}
