package com.audiostems.dsp.fingerprint;

import com.audiostems.dsp.fingerprint.CandidateRanking.Candidate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Stage 2 of a budgeted lookup: the best candidates over the hashes read are matched again, each
 * against its whole stored fingerprint ({@link PostingSource#fingerprint}) with every probe of the
 * query, which gives each of them exactly the score and time line the exact lookup gives it.
 */
final class CandidateVerification {

  private CandidateVerification() {}

  /**
   * The {@code ranked} candidates that reach {@code minScore} against their whole fingerprints,
   * with their exact matches; empty if the source cannot hand out a candidate's fingerprint.
   */
  static Optional<List<Candidate>> verify(
      List<Candidate> ranked,
      int minScore,
      ProbePlan plan,
      Fingerprint query,
      TimeLineFit fit,
      PostingSource source) {
    int[] everyGroup = plan.everyGroup();
    List<Candidate> out = new ArrayList<>();
    for (Candidate candidate : ranked) {
      int track = candidate.trackNumber();
      Fingerprint stored = source.fingerprint(track);
      if (stored == null) {
        return Optional.empty();
      }
      PostingSource one = new StoredTrackPostings(track, stored, source);
      VoteTable votes = VoteTable.read(plan, everyGroup, query, one);
      out.addAll(CandidateRanking.allReaching(minScore, votes, fit, one));
    }
    return Optional.of(out);
  }

  /** One track's postings, from its whole fingerprint. */
  private static final class StoredTrackPostings implements PostingSource {
    private final int track;
    private final Fingerprint fingerprint;
    private final PostingSource catalogue;
    private final long[] sorted; // hash << 32 | index, ascending

    StoredTrackPostings(int track, Fingerprint fingerprint, PostingSource catalogue) {
      this.track = track;
      this.fingerprint = fingerprint;
      this.catalogue = catalogue;
      int[] hashes = fingerprint.hashes();
      sorted = new long[hashes.length];
      for (int i = 0; i < hashes.length; i++) {
        sorted[i] = (long) (hashes[i] & 0x7FFFFFFF) << 32 | i;
      }
      Arrays.sort(sorted);
    }

    @Override
    public void forEachPosting(int hash, PostingVisitor visitor) {
      long key = (long) (hash & 0x7FFFFFFF) << 32;
      int lo = 0;
      int hi = sorted.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (sorted[mid] < key) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      for (int k = lo; k < sorted.length && (sorted[k] >>> 32) == (hash & 0x7FFFFFFF); k++) {
        int i = (int) sorted[k];
        visitor.visit(track, fingerprint.anchorFrames()[i], fingerprint.anchorPitches()[i]);
      }
    }

    @Override
    public String trackId(int trackNumber) {
      return catalogue.trackId(trackNumber);
    }
  }
}
