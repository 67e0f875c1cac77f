package com.audiostems.dsp.fingerprint;

/**
 * An in-memory index seen through {@link PostingSource}, counting the postings a match visits into
 * {@code visited[0]}: how the budget tests measure a lookup's cost.
 */
public final class CountingPostingSource {
  private CountingPostingSource() {}

  /**
   * @param handsOutFingerprints false: the source cannot verify candidates (no whole fingerprints)
   */
  public static PostingSource of(
      FingerprintIndex index, long[] visited, boolean handsOutFingerprints) {
    return new PostingSource() {
      @Override
      public void forEachPosting(int hash, PostingVisitor visitor) {
        index.forEachPosting(
            hash,
            (t, f, p) -> {
              visited[0]++;
              visitor.visit(t, f, p);
            });
      }

      @Override
      public long postingCount(int hash) {
        return index.postingCount(hash);
      }

      @Override
      public Fingerprint fingerprint(int trackNumber) {
        return handsOutFingerprints ? index.fingerprint(trackNumber) : null;
      }

      @Override
      public String trackId(int trackNumber) {
        return index.trackId(trackNumber);
      }
    };
  }
}
