package com.audiostems.dsp.fingerprint;

import com.audiostems.dsp.fingerprint.CandidateRanking.Candidate;
import java.util.List;

/**
 * The offset-consistent matcher over any {@link PostingSource}, in named steps:
 *
 * <ol>
 *   <li>{@link ProbePlan}: which hashes the query looks up (each query hash at −1, 0, +1 semitone
 *       and near-edge neighbours), grouped by probe, rarest first within a posting budget;
 *   <li>{@link VoteTable}: every posting of those probes whose anchor pitch is within ±6.1% speed
 *       of the query's becomes a vote for its track, in packed primitive arrays;
 *   <li>{@link TimeLineFit}: per track, the fitted offset/speed line, the matched time ranges and
 *       the score (distinct query anchor frames on the line);
 *   <li>{@link CandidateRanking} and, for a budgeted lookup, {@link CandidateVerification}.
 * </ol>
 *
 * <h2>Cost, and the posting budget of large catalogues</h2>
 *
 * A lookup costs what it reads: each distinct probed hash is read once (a 10 s query has about
 * 3,400 distinct probes) and every posting becomes a vote, counted without boxing. Tracks with
 * fewer votes than the caller's score floor are not analysed. The hash statistics of music are
 * skewed (the synthesised catalogue's 10 s query meets about 5% of all postings in the catalogue),
 * so an exact lookup grows linearly with the catalogue: tens of millions of postings at 100,000
 * tracks.
 *
 * <p>A lookup with a posting budget ({@link #DEFAULT_POSTING_BUDGET} in production) asks the source
 * for every probe's posting count, reads the rarest probes first up to the budget (stage 1), ranks
 * the tracks by their votes over those, and verifies the best {@value #VERIFIED_CANDIDATES} against
 * their whole stored fingerprints (stage 2), which gives each of them exactly the score and time
 * line of the exact lookup. So the decision threshold keeps its meaning and no false accept is
 * added; what the budget can cost is a true track that does not rank among the best {@value
 * #VERIFIED_CANDIDATES} on its rarest hashes. A query that fits the budget (every query of a small
 * catalogue, the evaluation's included) gets the exact answer in one stage. A source that cannot
 * count its postings ({@link PostingSource#postingCount} −1) is read in full; a source without
 * whole fingerprints answers from the hashes read (the exact answer over the catalogue with the
 * skipped hashes left out).
 */
public final class FingerprintMatcher {

  private FingerprintMatcher() {}

  /**
   * Decision threshold on {@link Match#score()} (distinct query anchor frames): a best candidate
   * with fewer is "not found". Chosen from the score distributions printed by {@code
   * FingerprintEvaluationTest} (200 generated tracks; 1110 positive queries of 5/10/30 s after
   * codecs, noise, EQ, resampling and ±2/±5% speed, and 120 unrelated negatives): the best
   * non-matching candidate scored 0–7 in 97% of queries, p99 8 and at most {@value
   * #IMPOSTOR_MAX_MEASURED} (max 8 for 5 s, 11 for 10 s and 30 s queries). 12 is the lowest
   * threshold with no false accept in the printed sweep (aim cell, 10 s after MP3 128k + 10 dB
   * noise: 119/120 found); 14 keeps a margin of 3 over the largest impostor for one aim query
   * (118/120). True matches: median 74 in the aim cell, 119–130 for clean, coded, EQ'd and
   * resampled 10 s queries, 68–88 at ±2–5% speed. Synthetic music reuses identical drum and
   * instrument sounds across pieces, which is what lifts impostor scores; a much larger catalogue
   * should be re-measured.
   */
  public static final int DECISION_MIN_SCORE = 14;

  /** Largest impostor score measured by the evaluation (see {@link #DECISION_MIN_SCORE}). */
  public static final int IMPOSTOR_MAX_MEASURED = 11;

  /** Tracks with fewer raw hits than this are not analysed, nor fewer inliers returned. */
  static final int MIN_HITS = 4;

  /**
   * Postings a production lookup reads at most ({@link LookupLimits#production()}): the query's
   * probed hashes are read rarest first (fewest postings, the most specific hashes) while they fit;
   * the commonest, which cost the most and tell least which track is playing, are skipped, and the
   * best {@value #VERIFIED_CANDIDATES} candidates are then verified against their whole
   * fingerprints. Only a source that knows its posting counts ({@link PostingSource#postingCount})
   * is budgeted. In the 200-track evaluation a 10 s query reads about 23 k postings (never
   * budgeted); at 100,000 tracks an exact one reads tens of millions. Chosen on the 100,000-track
   * benchmark (docs/benchmarks.md, 300 10 s queries clean and with 10 dB white noise, 30
   * negatives): 300 k found 97.3% of the noisy queries, 450 k 98.7% (clean 100%, p99 37 ms), 600 k
   * 99.3% at p99 51–57 ms, over the 50 ms aim.
   */
  public static final long DEFAULT_POSTING_BUDGET = 450_000;

  /** No budget: every lookup is made (the exact answer). */
  public static final long UNLIMITED = Long.MAX_VALUE;

  /**
   * Candidates a budgeted lookup verifies against their whole stored fingerprints (stage 2), best
   * first by their votes over the hashes read. A verified candidate gets exactly the score the
   * exact lookup gives it, so the budget can only lose a track that does not rank this high on its
   * rarest hashes; it never adds a false accept the exact lookup would not make.
   */
  public static final int VERIFIED_CANDIDATES = 10;

  /**
   * The candidates that score at least {@code limits}' minimum, best first (ties by track id),
   * within its posting budget. A query whose postings fit the budget, or a source that cannot count
   * them, gets the exact answer; otherwise the verified candidates, each with its exact score (see
   * the class comment). {@link LookupLimits#production()} is the production lookup, whose first
   * candidate, if any, is the identified track.
   */
  public static List<Match> match(Fingerprint query, PostingSource source, LookupLimits limits) {
    int minScore = limits.scoreFloor();
    ProbePlan plan = ProbePlan.of(query);
    int[] groupsRead = plan.groupsWithin(limits.postingBudget(), source);
    TimeLineFit fit = new TimeLineFit(query);
    VoteTable votes = VoteTable.read(plan, groupsRead, query, source);
    if (groupsRead.length == plan.groupCount()) { // every lookup made: the exact answer
      return CandidateRanking.bestFirst(CandidateRanking.allReaching(minScore, votes, fit, source));
    }
    // Budgeted: the votes of the rarest hashes rank the candidates; the best few are verified
    // against their whole fingerprints, which gives each of them its exact score.
    List<Candidate> ranked = CandidateRanking.best(VERIFIED_CANDIDATES, votes, fit);
    List<Candidate> verified =
        CandidateVerification.verify(ranked, minScore, plan, query, fit, source)
            .orElseGet(() -> CandidateRanking.allReaching(minScore, votes, fit, source));
    return CandidateRanking.bestFirst(verified);
  }
}
