package com.audiostems.dsp.fingerprint;

/**
 * One track's hits, gathered from a {@link VoteTable} for its {@link TimeLineFit} (one instance is
 * reused across tracks): parallel arrays of the query's anchor frame, the reference's anchor frame
 * and the anchor-pitch shift (query − reference, 1/32 semitone) of each hit.
 */
final class TrackHits {
  int[] queryFrames = new int[64];
  int[] referenceFrames = new int[64];
  int[] pitchShifts = new int[64];
  int count;

  /** Empties the list and makes room for {@code capacity} hits. */
  void reset(int capacity) {
    if (queryFrames.length < capacity) {
      int c = Math.max(capacity, queryFrames.length * 2);
      queryFrames = new int[c];
      referenceFrames = new int[c];
      pitchShifts = new int[c];
    }
    count = 0;
  }

  /**
   * Keeps, in their order, only the hits whose shift is within {@code tolerance} of {@code shift}.
   */
  void keepPitchShiftsNear(int shift, int tolerance) {
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (Math.abs(pitchShifts[i] - shift) <= tolerance) {
        queryFrames[kept] = queryFrames[i];
        referenceFrames[kept] = referenceFrames[i];
        pitchShifts[kept] = pitchShifts[i];
        kept++;
      }
    }
    count = kept;
  }
}
