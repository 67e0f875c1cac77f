package com.audiostems.dsp.fingerprint;

import java.util.Arrays;

/**
 * Every hit of one query, counted per track without boxing. An open-addressing table (or, when the
 * source bounds its track numbers, a plain array) gives each track a dense number on its first hit;
 * hits are appended in arrival order (query frame, reference frame, pitch shift and the dense
 * number), and {@link #groupByTrack} then lays them out track by track with one counting-sort pass,
 * so that analysing a track reads its hits contiguously. A posting costs one table probe and a few
 * sequential array writes: these packed primitive arrays are the measured speed of a lookup
 * (docs/benchmarks.md: ≈ 47 ns per posting against ≈ 240 ns for the boxed matcher before them).
 */
final class VoteTable {

  /**
   * A hit counts only when the anchor pitches differ by at most this many 1/32 semitones (±6.1%
   * speed), the speed range the probes' ±1 semitone covers.
   */
  static final int MAX_SHIFT_UNITS = 33;

  private int[] keys = new int[1024]; // track, or −1
  private int[] dense = new int[1024]; // the track's dense number

  /** Number of tracks with at least one hit (dense numbers 0..trackCount−1). */
  int trackCount;

  private int[] trackOf = new int[256]; // dense number → track
  private int[] hitCounts = new int[256]; // dense number → hits
  private long[] packed = new long[4096]; // tq << 40 | (tr & 0xFFFFFFFF) << 8 | (shift & 0xFF)
  private int[] denseOfHit = new int[4096];
  private int hits;
  // After groupByTrack: hits of dense number d at [start[d], start[d + 1]) of the sorted arrays.
  private int[] start;
  private long[] sorted; // tq << 40 | (tr & 0xFFFFFFFF) << 8 | (shift & 0xFF)

  // When the source bounds its track numbers: track → dense number + 1 (0: none yet), no hashing.
  private final int[] direct;

  VoteTable(int trackNumberBound) {
    Arrays.fill(keys, -1);
    direct = trackNumberBound > 0 && trackNumberBound <= 1 << 24 ? new int[trackNumberBound] : null;
  }

  /**
   * Reads the postings of the {@code groups} of {@code plan} from {@code source} and counts every
   * hit whose pitch shift is within {@link #MAX_SHIFT_UNITS}.
   */
  static VoteTable read(ProbePlan plan, int[] groups, Fingerprint query, PostingSource source) {
    int[] queryFrames = query.anchorFrames();
    int[] queryPitches = query.anchorPitches();
    VoteTable votes = new VoteTable(source.trackNumberBound());
    for (int g : groups) {
      int from = plan.firstPair(g);
      int to = plan.endPair(g);
      int hash = plan.probeHash(g);
      if (to - from == 1) { // one query hash probes this hash: no loop per posting
        int i = plan.queryHashIndex(from);
        int tq = queryFrames[i];
        int pq = queryPitches[i];
        source.forEachPosting(
            hash,
            (track, tr, pitch) -> {
              int shift = pq - pitch;
              if (shift <= MAX_SHIFT_UNITS && shift >= -MAX_SHIFT_UNITS) {
                votes.add(track, tq, tr, shift);
              }
            });
      } else {
        source.forEachPosting(
            hash,
            (track, tr, pitch) -> {
              for (int j = from; j < to; j++) {
                int i = plan.queryHashIndex(j);
                int shift = queryPitches[i] - pitch;
                if (shift <= MAX_SHIFT_UNITS && shift >= -MAX_SHIFT_UNITS) {
                  votes.add(track, queryFrames[i], tr, shift);
                }
              }
            });
      }
    }
    return votes;
  }

  /** The source's track number behind a dense number. */
  int trackOf(int denseNumber) {
    return trackOf[denseNumber];
  }

  /** Hits of the track with this dense number. */
  int hitCount(int denseNumber) {
    return hitCounts[denseNumber];
  }

  void add(int track, int queryFrame, int referenceFrame, int pitchShift) {
    int d;
    if (direct != null) {
      d = direct[track] - 1;
      if (d < 0) {
        d = newTrack(track);
        direct[track] = d + 1;
      }
    } else {
      d = hashed(track);
    }
    if (hits == packed.length) {
      int c = hits * 2;
      packed = Arrays.copyOf(packed, c);
      denseOfHit = Arrays.copyOf(denseOfHit, c);
    }
    packed[hits] =
        (long) queryFrame << 40 | (referenceFrame & 0xFFFFFFFFL) << 8 | (pitchShift & 0xFF);
    denseOfHit[hits] = d;
    hits++;
    hitCounts[d]++;
  }

  private int newTrack(int track) {
    int d = trackCount++;
    if (d == trackOf.length) {
      trackOf = Arrays.copyOf(trackOf, d * 2);
      hitCounts = Arrays.copyOf(hitCounts, d * 2);
    }
    trackOf[d] = track;
    return d;
  }

  private int hashed(int track) {
    int mask = keys.length - 1;
    int slot = mix(track) & mask;
    while (true) {
      int k = keys[slot];
      if (k == track) {
        return dense[slot];
      }
      if (k < 0) {
        return newTrack(track, slot);
      }
      slot = (slot + 1) & mask;
    }
  }

  private int newTrack(int track, int slot) {
    int d = newTrack(track);
    keys[slot] = track;
    dense[slot] = d;
    if (trackCount * 2 > keys.length) {
      grow();
    }
    return d;
  }

  private static int mix(int x) {
    int h = x * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private void grow() {
    int[] oldKeys = keys;
    int[] oldDense = dense;
    int c = oldKeys.length * 2;
    keys = new int[c];
    dense = new int[c];
    Arrays.fill(keys, -1);
    int mask = c - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] >= 0) {
        int slot = mix(oldKeys[i]) & mask;
        while (keys[slot] >= 0) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        dense[slot] = oldDense[i];
      }
    }
  }

  /** Lays the hits of tracks with at least {@code minHits} out contiguously, track by track. */
  void groupByTrack(int minHits) {
    start = new int[trackCount + 1];
    int total = 0;
    for (int d = 0; d < trackCount; d++) {
      start[d] = total;
      if (hitCounts[d] >= minHits) {
        total += hitCounts[d];
      }
    }
    start[trackCount] = total;
    int[] fill = Arrays.copyOf(start, trackCount);
    sorted = new long[total];
    for (int i = 0; i < hits; i++) {
      int d = denseOfHit[i];
      if (hitCounts[d] >= minHits) {
        sorted[fill[d]++] = packed[i];
      }
    }
  }

  /** Copies the hits of dense number {@code d} into {@code out} (after {@link #groupByTrack}). */
  void collect(int d, TrackHits out) {
    int from = start[d];
    int n = start[d + 1] - from;
    out.reset(n);
    for (int i = 0; i < n; i++) {
      long v = sorted[from + i];
      out.queryFrames[i] = (int) (v >>> 40);
      out.referenceFrames[i] = (int) (v >>> 8);
      out.pitchShifts[i] = (byte) v;
    }
    out.count = n;
  }
}
