package com.audiostems.dsp.fingerprint;

import java.util.Arrays;

/**
 * One track's time line and score, from its hits against one query.
 *
 * <h2>Time line</h2>
 *
 * The pitch shift's mode (histogram, 1/32 semitone, smoothed ±2) gives a first speed s =
 * 2^(shift/12); the densest window of offsets t_ref − s·t_query gives the inliers; a least-squares
 * line t_ref = a + b·t_query through them refines speed b and offset a. A real speed change moves
 * time and pitch together, so a slope more than {@value #MAX_SPEED_DISAGREEMENT} (relative) away
 * from s is replaced by s.
 *
 * <h2>Score</h2>
 *
 * The hits within ±{@value #FRAME_TOLERANCE} frame of that line and ±{@value #SHIFT_TOLERANCE}/32
 * semitone of the shift are the inliers; the score is the number of <em>distinct query anchor
 * frames</em> among them inside the query's densest {@value #SCORE_WINDOW_S} s. Why: one anchor
 * yields up to six triplets and one chord onset several anchors in the same frame, so counting raw
 * hits let a single shared sound (the synthesiser reuses identical drum and instrument samples
 * across pieces) reach 20–50 votes within 0.1 s; counted by frame it gives a handful. The window
 * keeps the threshold independent of the query's length: a long query against a similar piece
 * otherwise gathers sparse coincidences over its whole span (measured with a fan-out of 5 and ±2
 * frames: 30 s impostors up to 32 without the window, 19 with it). ±1 frame instead of ±2 cut the
 * largest impostor from 15 to 11 and the aim cell's median true score only from 82 to 74.
 */
final class TimeLineFit {

  /** Hits within this many 1/32 semitones of the shift's mode count as consistent. */
  static final int SHIFT_TOLERANCE = 3;

  /** Inliers lie within this many frames of the fitted line. */
  static final double FRAME_TOLERANCE = 1.0;

  /** Largest relative difference between the time line's slope and the pitch shift's speed. */
  static final double MAX_SPEED_DISAGREEMENT = 0.01;

  /** Votes are counted in the query's densest window of this length (seconds). */
  static final double SCORE_WINDOW_S = 10;

  private final double frameRateHz;
  private final int scoreWindowFrames;

  /** Distinct anchor frames in the query's densest score window: what a perfect match scores. */
  private final int queryAnchorFrames;

  TimeLineFit(Fingerprint query) {
    frameRateHz = query.frameRateHz();
    scoreWindowFrames = (int) Math.round(SCORE_WINDOW_S * frameRateHz);
    queryAnchorFrames =
        FrameWindows.mostDistinctInWindow(
            query.anchorFrames().clone(), query.hashes().length, scoreWindowFrames);
  }

  /** The densest run of offsets: every hit whose offset lies in [lowest, highest]. */
  private record OffsetWindow(double[] offsets, double lowest, double highest, int hitCount) {}

  /** t_ref = offsetFrames + speed · t_query. */
  private record TimeLine(double offsetFrames, double speed) {}

  /**
   * The match of one track (without its id), or null when fewer than {@code minScore} of its hits
   * agree on the pitch shift or fewer than {@value FingerprintMatcher#MIN_HITS} on an offset.
   * Filters {@code hits} in place.
   */
  Match fit(TrackHits hits, int minScore) {
    int modeShift = pitchShiftMode(hits);
    hits.keepPitchShiftsNear(modeShift, SHIFT_TOLERANCE);
    if (hits.count < minScore) { // the score counts distinct frames among these hits
      return null;
    }
    double pitchSpeed = pitchSpeed(hits);
    OffsetWindow window = densestOffsetWindow(hits, pitchSpeed);
    if (window.hitCount() < FingerprintMatcher.MIN_HITS) {
      return null;
    }
    return scored(hits, timeLine(hits, window, pitchSpeed), pitchSpeed);
  }

  /** The pitch shift with the most hits within ±2 units (the first such, scanning upwards). */
  private static int pitchShiftMode(TrackHits hits) {
    int range = VoteTable.MAX_SHIFT_UNITS;
    int[] histogram = new int[2 * range + 1];
    for (int i = 0; i < hits.count; i++) {
      histogram[hits.pitchShifts[i] + range]++;
    }
    int bestShift = 0;
    int bestCount = -1;
    for (int s = -range; s <= range; s++) {
      int c = 0;
      for (int d = -2; d <= 2; d++) {
        int j = s + d + range;
        if (j >= 0 && j < histogram.length) {
          c += histogram[j];
        }
      }
      if (c > bestCount) {
        bestCount = c;
        bestShift = s;
      }
    }
    return bestShift;
  }

  /** Playback speed implied by the hits' mean pitch shift. */
  private static double pitchSpeed(TrackHits hits) {
    double sumShift = 0;
    for (int i = 0; i < hits.count; i++) {
      sumShift += hits.pitchShifts[i];
    }
    double meanShift = sumShift / hits.count;
    return Math.pow(2, meanShift / Fingerprinter.PITCH_UNITS_PER_SEMITONE / 12);
  }

  /** The densest window of offsets t_ref − s·t_query, s the pitch's speed. */
  private static OffsetWindow densestOffsetWindow(TrackHits hits, double pitchSpeed) {
    int n = hits.count;
    double[] offsets = new double[n];
    int tqMin = Integer.MAX_VALUE;
    int tqMax = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      offsets[i] = hits.referenceFrames[i] - pitchSpeed * hits.queryFrames[i];
      tqMin = Math.min(tqMin, hits.queryFrames[i]);
      tqMax = Math.max(tqMax, hits.queryFrames[i]);
    }
    double[] sorted = bucketSorted(offsets, n);
    // The speed from the pitch shift is good to ~0.3%: allow that drift over the query span.
    double width = 2 * FRAME_TOLERANCE + 0.004 * (tqMax - tqMin);
    int bestLo = 0;
    int bestN = 0;
    int lo = 0;
    for (int hi = 0; hi < n; hi++) {
      while (sorted[hi] - sorted[lo] > width) {
        lo++;
      }
      if (hi - lo + 1 > bestN) {
        bestN = hi - lo + 1;
        bestLo = lo;
      }
    }
    if (bestN == 0) {
      return new OffsetWindow(offsets, 0, 0, 0);
    }
    // The window holds every hit whose offset lies in [lowest, highest] (equal offsets are never
    // split: lo is the first of its value and a later equal hi would have made the window longer).
    return new OffsetWindow(offsets, sorted[bestLo], sorted[bestLo + bestN - 1], bestN);
  }

  /** Least-squares line through the window's hits, forced to the pitch's speed if they disagree. */
  private static TimeLine timeLine(TrackHits hits, OffsetWindow window, double pitchSpeed) {
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < hits.count; i++) {
      double o = window.offsets()[i];
      if (o >= window.lowest() && o <= window.highest()) {
        sx += hits.queryFrames[i];
        sy += hits.referenceFrames[i];
        sxx += (double) hits.queryFrames[i] * hits.queryFrames[i];
        sxy += (double) hits.queryFrames[i] * hits.referenceFrames[i];
      }
    }
    int n = window.hitCount();
    double den = n * sxx - sx * sx;
    double b = den > 1e-9 ? (n * sxy - sx * sy) / den : pitchSpeed;
    // A real speed change moves time and pitch together: a slope the pitch shift disagrees with is
    // a coincidence of repeated sounds, so the line is then forced to the pitch's speed.
    if (n < 8 || Math.abs(b / pitchSpeed - 1) > MAX_SPEED_DISAGREEMENT) {
      b = pitchSpeed;
    }
    return new TimeLine((sy - b * sx) / n, b);
  }

  /** The inliers of {@code line}, their time ranges and score; null if none. */
  private Match scored(TrackHits hits, TimeLine line, double pitchSpeed) {
    int[] inlierFrames = new int[hits.count];
    int inliers = 0;
    int qLo = Integer.MAX_VALUE;
    int qHi = Integer.MIN_VALUE;
    int rLo = Integer.MAX_VALUE;
    int rHi = Integer.MIN_VALUE;
    for (int i = 0; i < hits.count; i++) {
      int tq = hits.queryFrames[i];
      int tr = hits.referenceFrames[i];
      double residual = tr - (line.offsetFrames() + line.speed() * tq);
      if (Math.abs(residual) <= FRAME_TOLERANCE) {
        inlierFrames[inliers++] = tq;
        qLo = Math.min(qLo, tq);
        qHi = Math.max(qHi, tq);
        rLo = Math.min(rLo, tr);
        rHi = Math.max(rHi, tr);
      }
    }
    int score = FrameWindows.mostDistinctInWindow(inlierFrames, inliers, scoreWindowFrames);
    if (score == 0) {
      return null;
    }
    return new Match(
        null,
        score,
        queryAnchorFrames == 0 ? 0 : (double) score / queryAnchorFrames,
        qLo / frameRateHz,
        qHi / frameRateHz,
        rLo / frameRateHz,
        rHi / frameRateHz,
        line.speed(),
        pitchSpeed);
  }

  /**
   * {@code values[0..n)} in ascending order, by a bucket sort over [min, max] with n buckets and an
   * insertion sort within each: linear for offsets spread as a track's hits are (the matcher sorts
   * one array per candidate track, where a comparison sort was half the lookup's time). The bucket
   * index is a non-decreasing function of the value, so the result is exactly sorted.
   */
  static double[] bucketSorted(double[] values, int n) {
    double[] out = new double[n];
    if (n < 32) {
      System.arraycopy(values, 0, out, 0, n);
      Arrays.sort(out);
      return out;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
    }
    if (!(max > min)) {
      System.arraycopy(values, 0, out, 0, n);
      return out;
    }
    double scale = (n - 1) / (max - min);
    int[] start = new int[n + 1];
    int[] bucket = new int[n];
    for (int i = 0; i < n; i++) {
      int b = Math.min(n - 1, (int) ((values[i] - min) * scale));
      bucket[i] = b;
      start[b + 1]++;
    }
    for (int b = 0; b < n; b++) {
      start[b + 1] += start[b];
    }
    for (int i = 0; i < n; i++) {
      out[start[bucket[i]]++] = values[i];
    }
    sortWithinBuckets(out);
    return out;
  }

  /**
   * Buckets are in order; sorts within them (insertion sort over the whole array touches only
   * neighbours within a bucket, since every earlier bucket holds smaller values).
   */
  private static void sortWithinBuckets(double[] out) {
    int n = out.length;
    for (int i = 1; i < n; i++) {
      double v = out[i];
      int j = i - 1;
      while (j >= 0 && out[j] > v) {
        out[j + 1] = out[j];
        j--;
      }
      out[j + 1] = v;
    }
  }
}
