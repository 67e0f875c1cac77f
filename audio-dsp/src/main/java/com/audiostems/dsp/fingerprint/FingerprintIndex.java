package com.audiostems.dsp.fingerprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * In-memory inverted index: hash → postings of (track, anchor frame, anchor pitch), and the
 * offset-consistent matcher.
 *
 * <h2>Posting layout (long)</h2>
 *
 * <pre>
 *  bits 63..40 (24)  track number (internal, see {@link #add})
 *  bits 39..16 (24)  anchor frame (62.5 frames/s: up to 74 h)
 *  bits 15..0  (16)  anchor pitch, 1/32 semitone above 150 Hz
 * </pre>
 *
 * <p>Not thread-safe for concurrent {@link #add}/{@link #remove}; concurrent {@link #match} calls
 * are safe when nobody writes.
 */
public final class FingerprintIndex implements PostingSource {

  private final Map<Integer, long[]> postings = new HashMap<>();
  private final Map<Integer, Integer> postingCounts = new HashMap<>();
  private final Map<String, Integer> trackNumbers = new HashMap<>();
  private final List<String> trackIds = new ArrayList<>();
  private final Map<Integer, Fingerprint> trackPrints = new HashMap<>();
  private long totalPostings;

  /** Adds (or replaces) a track. */
  public synchronized void add(String trackId, Fingerprint fp) {
    remove(trackId);
    int track = trackIds.size();
    if (track >= (1 << 24)) {
      throw new IllegalStateException("index full");
    }
    trackIds.add(trackId);
    trackNumbers.put(trackId, track);
    int[] hs = fp.hashes();
    for (int i = 0; i < hs.length; i++) {
      long p =
          (long) track << 40
              | ((long) fp.anchorFrames()[i] & 0xFFFFFFL) << 16
              | (fp.anchorPitches()[i] & 0xFFFFL);
      append(hs[i], p);
    }
    trackPrints.put(track, fp);
    totalPostings += hs.length;
  }

  /** Removes a track; returns whether it was there. */
  public synchronized boolean remove(String trackId) {
    Integer track = trackNumbers.remove(trackId);
    if (track == null) {
      return false;
    }
    int[] hs = trackPrints.remove(track).hashes();
    for (int h : new java.util.TreeSet<>(Arrays.stream(hs).boxed().toList())) {
      long[] list = postings.get(h);
      int n = postingCounts.get(h);
      int w = 0;
      for (int i = 0; i < n; i++) {
        if ((int) (list[i] >>> 40) != track) {
          list[w++] = list[i];
        }
      }
      totalPostings -= n - w;
      if (w == 0) {
        postings.remove(h);
        postingCounts.remove(h);
      } else {
        postingCounts.put(h, w);
      }
    }
    trackIds.set(track, null);
    return true;
  }

  public int trackCount() {
    return trackNumbers.size();
  }

  public long postingCount() {
    return totalPostings;
  }

  public int distinctHashes() {
    return postings.size();
  }

  private void append(int h, long p) {
    long[] list = postings.get(h);
    int n = postingCounts.getOrDefault(h, 0);
    if (list == null) {
      list = new long[2];
      postings.put(h, list);
    } else if (n == list.length) {
      list = Arrays.copyOf(list, n * 2);
      postings.put(h, list);
    }
    list[n] = p;
    postingCounts.put(h, n + 1);
  }

  /**
   * All candidates, best first, from every probed hash (the exact answer; see {@link
   * FingerprintMatcher}).
   */
  public List<Match> match(Fingerprint query) {
    return match(query, LookupLimits.exact());
  }

  /** The candidates within {@code limits}, best first (see {@link FingerprintMatcher#match}). */
  public List<Match> match(Fingerprint query, LookupLimits limits) {
    return FingerprintMatcher.match(query, this, limits);
  }

  @Override
  public void forEachPosting(int hash, PostingVisitor visitor) {
    long[] list = postings.get(hash);
    if (list == null) {
      return;
    }
    int n = postingCounts.get(hash);
    for (int j = 0; j < n; j++) {
      long p = list[j];
      visitor.visit((int) (p >>> 40), (int) ((p >>> 16) & 0xFFFFFF), (int) (p & 0xFFFF));
    }
  }

  @Override
  public int trackNumberBound() {
    return trackIds.size();
  }

  @Override
  public Fingerprint fingerprint(int trackNumber) {
    return trackPrints.get(trackNumber);
  }

  @Override
  public long postingCount(int hash) {
    return postingCounts.getOrDefault(hash, 0);
  }

  @Override
  public String trackId(int trackNumber) {
    return trackIds.get(trackNumber);
  }
}
