package com.audiostems.dsp.fingerprint;

/**
 * Where the matcher reads postings from: the in-memory {@link FingerprintIndex}, or a persistent
 * index elsewhere (Lucene on disk, a search engine). A posting says that a reference track holds a
 * hash with its anchor peak at a frame and a pitch.
 *
 * <p>Track numbers are the source's own small integers, stable for the duration of one {@link
 * FingerprintMatcher#match} call; {@link #trackId} turns them back into ids.
 */
public interface PostingSource {

  /** Calls {@code visitor} once per posting of {@code hash}, in any order. */
  void forEachPosting(int hash, PostingVisitor visitor);

  /**
   * How many postings {@code hash} has (what {@link #forEachPosting} would visit, or an upper bound
   * on it), or −1 if the source cannot tell cheaply. {@link FingerprintMatcher} uses it to read a
   * query's rarest hashes first within a posting budget; a source that answers −1 is always read in
   * full.
   */
  default long postingCount(int hash) {
    return -1;
  }

  /**
   * The whole fingerprint of a track handed to a visitor (as indexed: hashes, anchor frames and
   * pitches), or null if the source cannot give it. {@link FingerprintMatcher} reads it to verify
   * the best candidates of a budgeted lookup with their exact scores; without it a budgeted lookup
   * answers from the hashes it read.
   */
  default Fingerprint fingerprint(int trackNumber) {
    return null;
  }

  /**
   * An exclusive upper bound on the track numbers handed to visitors, or −1 if there is none: lets
   * the matcher count votes in a plain array instead of a hash table.
   */
  default int trackNumberBound() {
    return -1;
  }

  /** The track id behind a track number handed to a visitor. */
  String trackId(int trackNumber);

  /** One posting. */
  @FunctionalInterface
  interface PostingVisitor {
    /**
     * @param trackNumber the source's number for the reference track
     * @param anchorFrame the anchor peak's frame in the reference ({@link
     *     Fingerprinter#FRAME_RATE_HZ})
     * @param anchorPitch the anchor's pitch, 1/32 semitone above {@link Fingerprinter#F_REF_HZ}
     */
    void visit(int trackNumber, int anchorFrame, int anchorPitch);
  }
}
