package com.audiostems.dsp.fingerprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The offset-consistent matcher over any {@link PostingSource}.
 *
 * <h2>Matching</h2>
 *
 * Every query hash is looked up with its anchor-pitch field at −1, 0, +1 semitone (the speed range)
 * and, where {@link Fingerprint#probeHints()} says a field lay near a rounding edge, with that
 * field's neighbour as well. A hit is kept when the anchor pitches differ by at most {@value
 * #MAX_SHIFT_UNITS}/32 semitone (±6.1% speed). Per track, the pitch shift's mode (histogram,
 * 1/32 semitone, smoothed ±2) gives a first speed s = 2^(shift/12); the densest window of
 * offsets t_ref − s·t_query gives the inliers; a least-squares line t_ref = a + b·t_query through
 * them refines speed b and offset a. A real speed change moves time and pitch together, so a slope
 * more than {@value #MAX_SPEED_DISAGREEMENT} (relative) away from s is replaced by s.
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
   * (118/120).
   * True matches: median 74 in the aim cell, 119–130 for clean, coded, EQ'd and resampled 10 s
   * queries, 68–88 at ±2–5% speed. Synthetic music reuses identical drum and instrument sounds
   * across pieces, which is what lifts impostor scores; a much larger catalogue should be
   * re-measured.
   */
  public static final int DECISION_MIN_SCORE = 14;

  /** Largest impostor score measured by the evaluation (see {@link #DECISION_MIN_SCORE}). */
  public static final int IMPOSTOR_MAX_MEASURED = 11;

  static final int MAX_SHIFT_UNITS = 33;
  static final int SHIFT_TOLERANCE = 3;
  static final double FRAME_TOLERANCE = 1.0;
  /** Largest relative difference between the time line's slope and the pitch shift's speed. */
  static final double MAX_SPEED_DISAGREEMENT = 0.01;
  /** Votes are counted in the query's densest window of this length (seconds). */
  static final double SCORE_WINDOW_S = 10;
  /** Tracks with fewer raw hits than this are not analysed. */
  static final int MIN_HITS = 4;

  /** The best candidate if its score reaches {@link #DECISION_MIN_SCORE}. */
  public static Optional<Match> identify(Fingerprint query, PostingSource source) {
    List<Match> all = match(query, source);
    return all.isEmpty() || all.get(0).score() < DECISION_MIN_SCORE
        ? Optional.empty()
        : Optional.of(all.get(0));
  }

  /** All candidates with at least {@value #MIN_HITS} consistent votes, best first. */
  public static List<Match> match(Fingerprint query, PostingSource source) {
    Map<Integer, HitList> hits = new HashMap<>();
    int[] qh = query.hashes();
    int[] probes = new int[64];
    for (int i = 0; i < qh.length; i++) {
      int np = probes(qh[i], query.probeHints()[i], probes);
      int tq = query.anchorFrames()[i];
      int pq = query.anchorPitches()[i];
      for (int pi = 0; pi < np; pi++) {
        source.forEachPosting(
            probes[pi],
            (track, tr, pitch) -> {
              int shift = pq - pitch;
              if (shift <= MAX_SHIFT_UNITS && shift >= -MAX_SHIFT_UNITS) {
                hits.computeIfAbsent(track, k -> new HitList()).add(tq, tr, shift);
              }
            });
      }
    }
    int queryFrames = densestWindow(query.anchorFrames().clone(), qh.length,
        (int) Math.round(SCORE_WINDOW_S * query.frameRateHz()));
    List<Match> out = new ArrayList<>();
    for (Map.Entry<Integer, HitList> e : hits.entrySet()) {
      if (e.getValue().n < MIN_HITS) {
        continue;
      }
      Match m = analyse(source.trackId(e.getKey()), e.getValue(), queryFrames, query.frameRateHz());
      if (m != null && m.score() >= MIN_HITS) {
        out.add(m);
      }
    }
    out.sort(Comparator.comparingInt(Match::score).reversed());
    return out;
  }

  /** Fills {@code out} with the hash and its probe variants; returns how many. */
  static int probes(int hash, byte hint, int[] out) {
    int f = Fingerprinter.pitch1(hash);
    int d12 = Fingerprinter.dPitch12(hash);
    int d23 = Fingerprinter.dPitch23(hash);
    int r = Fingerprinter.ratio(hash);
    int[] d12s = variants(d12, (hint >> 4) & 3);
    int[] d23s = variants(d23, (hint >> 2) & 3);
    int[] rs = variants(r, hint & 3);
    int n = 0;
    for (int df = -1; df <= 1; df++) {
      int ff = f + df;
      if (ff < 0 || ff > 63) {
        continue;
      }
      for (int a : d12s) {
        for (int b : d23s) {
          for (int c : rs) {
            out[n++] = Fingerprinter.hash(ff, a, b, c);
          }
        }
      }
    }
    return n;
  }

  private static int[] variants(int v, int hint) {
    return switch (hint) {
      case 1 -> new int[] {v, v + 1};
      case 2 -> new int[] {v, v - 1};
      default -> new int[] {v};
    };
  }

  private static Match analyse(String trackId, HitList h, int queryAnchorFrames, double frameRate) {
    int n = h.n;
    // 1. Mode of the pitch shift.
    int range = MAX_SHIFT_UNITS;
    int[] hist = new int[2 * range + 1];
    for (int i = 0; i < n; i++) {
      hist[h.shift[i] + range]++;
    }
    int bestShift = 0;
    int bestCount = -1;
    for (int s = -range; s <= range; s++) {
      int c = 0;
      for (int d = -2; d <= 2; d++) {
        int j = s + d + range;
        if (j >= 0 && j < hist.length) {
          c += hist[j];
        }
      }
      if (c > bestCount) {
        bestCount = c;
        bestShift = s;
      }
    }
    double sumShift = 0;
    int ns = 0;
    for (int i = 0; i < n; i++) {
      if (Math.abs(h.shift[i] - bestShift) <= SHIFT_TOLERANCE) {
        sumShift += h.shift[i];
        ns++;
      }
    }
    if (ns < MIN_HITS) {
      return null;
    }
    double meanShift = sumShift / ns;
    double speed0 = Math.pow(2, meanShift / Fingerprinter.PITCH_UNITS_PER_SEMITONE / 12);
    // 2. Densest window of offsets t_ref − s·t_query.
    double[] off = new double[ns];
    int[] idx = new int[ns];
    int m = 0;
    int tqMin = Integer.MAX_VALUE;
    int tqMax = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      if (Math.abs(h.shift[i] - bestShift) <= SHIFT_TOLERANCE) {
        off[m] = h.tr[i] - speed0 * h.tq[i];
        idx[m] = i;
        m++;
        tqMin = Math.min(tqMin, h.tq[i]);
        tqMax = Math.max(tqMax, h.tq[i]);
      }
    }
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> off[i]));
    // The speed from the pitch shift is good to ~0.3%: allow that drift over the query span.
    double width = 2 * FRAME_TOLERANCE + 0.004 * (tqMax - tqMin);
    int bestLo = 0;
    int bestN = 0;
    int lo = 0;
    for (int hi = 0; hi < m; hi++) {
      while (off[order[hi]] - off[order[lo]] > width) {
        lo++;
      }
      if (hi - lo + 1 > bestN) {
        bestN = hi - lo + 1;
        bestLo = lo;
      }
    }
    if (bestN < MIN_HITS) {
      return null;
    }
    // 3. Least-squares line through the window's hits, then the final inlier count.
    double a;
    double b;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int w = bestLo; w < bestLo + bestN; w++) {
      int i = idx[order[w]];
      sx += h.tq[i];
      sy += h.tr[i];
      sxx += (double) h.tq[i] * h.tq[i];
      sxy += (double) h.tq[i] * h.tr[i];
    }
    double den = bestN * sxx - sx * sx;
    b = den > 1e-9 ? (bestN * sxy - sx * sy) / den : speed0;
    // A real speed change moves time and pitch together: a slope the pitch shift disagrees with is
    // a coincidence of repeated sounds, so the line is then forced to the pitch's speed.
    if (bestN < 8 || Math.abs(b / speed0 - 1) > MAX_SPEED_DISAGREEMENT) {
      b = speed0;
    }
    a = (sy - b * sx) / bestN;
    int[] inlierFrames = new int[m];
    int inliers = 0;
    int qLo = Integer.MAX_VALUE;
    int qHi = Integer.MIN_VALUE;
    int rLo = Integer.MAX_VALUE;
    int rHi = Integer.MIN_VALUE;
    for (int w = 0; w < m; w++) {
      int i = idx[w];
      double res = h.tr[i] - (a + b * h.tq[i]);
      if (Math.abs(res) <= FRAME_TOLERANCE) {
        inlierFrames[inliers++] = h.tq[i];
        qLo = Math.min(qLo, h.tq[i]);
        qHi = Math.max(qHi, h.tq[i]);
        rLo = Math.min(rLo, h.tr[i]);
        rHi = Math.max(rHi, h.tr[i]);
      }
    }
    int score = densestWindow(inlierFrames, inliers, (int) Math.round(SCORE_WINDOW_S * frameRate));
    if (score == 0) {
      return null;
    }
    return new Match(
        trackId,
        score,
        queryAnchorFrames == 0 ? 0 : (double) score / queryAnchorFrames,
        qLo / frameRate,
        qHi / frameRate,
        rLo / frameRate,
        rHi / frameRate,
        b,
        speed0);
  }

  /**
   * Most distinct values of {@code frames[0..n)} inside any window of {@code window} frames (sorts
   * that prefix in place).
   */
  static int densestWindow(int[] frames, int n, int window) {
    int d = distinctPrefix(frames, n);
    int best = 0;
    int lo = 0;
    for (int hi = 0; hi < d; hi++) {
      while (frames[hi] - frames[lo] >= window) {
        lo++;
      }
      best = Math.max(best, hi - lo + 1);
    }
    return best;
  }

  /** Sorts {@code values[0..n)} and moves its distinct values to the front; returns how many. */
  static int distinctPrefix(int[] values, int n) {
    Arrays.sort(values, 0, n);
    int d = 0;
    for (int i = 0; i < n; i++) {
      if (d == 0 || values[i] != values[d - 1]) {
        values[d++] = values[i];
      }
    }
    return d;
  }

  /** Growable parallel int arrays of hits for one track. */
  private static final class HitList {
    int[] tq = new int[16];
    int[] tr = new int[16];
    int[] shift = new int[16];
    int n;

    void add(int q, int r, int s) {
      if (n == tq.length) {
        tq = Arrays.copyOf(tq, n * 2);
        tr = Arrays.copyOf(tr, n * 2);
        shift = Arrays.copyOf(shift, n * 2);
      }
      tq[n] = q;
      tr[n] = r;
      shift[n] = s;
      n++;
    }
  }
}
