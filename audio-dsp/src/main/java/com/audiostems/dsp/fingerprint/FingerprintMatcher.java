package com.audiostems.dsp.fingerprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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
 *
 * <h2>Cost, and the posting budget of large catalogues</h2>
 *
 * A lookup costs what it reads: each distinct probed hash is read once (a 10 s query has about
 * 3,400 distinct probes) and every posting becomes a vote, counted without boxing (an
 * open-addressing table gives each track a dense number; the votes are laid out track by track
 * with one counting-sort pass; each track's offsets are bucket-sorted). Tracks with fewer votes
 * than the caller's score floor are not analysed. The hash statistics of music are skewed (the
 * synthesised catalogue's 10 s query meets about 5% of all postings in the catalogue), so an exact
 * lookup grows linearly with the catalogue: tens of millions of postings at 100,000 tracks.
 *
 * <p>A lookup with a posting budget ({@link #DEFAULT_POSTING_BUDGET} in production) asks the
 * source for every probe's posting count, reads the rarest probes first up to the budget (stage
 * 1), ranks the tracks by their votes over those, and verifies the best {@value
 * #VERIFIED_CANDIDATES} against their whole stored fingerprints (stage 2), which gives each of them
 * exactly the score and time line of the exact lookup. So the decision threshold keeps its meaning
 * and no false accept is added; what the budget can cost is a true track that does not rank among
 * the best {@value #VERIFIED_CANDIDATES} on its rarest hashes. A query that fits the budget (every
 * query of a small catalogue, the evaluation's included) gets the exact answer in one stage.
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

  /**
   * Postings a production lookup reads at most ({@link #match(Fingerprint, PostingSource, long,
   * int)}): the query's probed hashes are read rarest first (fewest postings, the most specific
   * hashes) while they fit; the commonest, which cost the most and tell least which track is
   * playing, are skipped, and the best {@value #VERIFIED_CANDIDATES} candidates are then verified
   * against their whole fingerprints. Only a source that knows its posting counts ({@link
   * PostingSource#postingCount}) is budgeted. In the 200-track evaluation a 10 s query reads about
   * 23 k postings (never budgeted); at 100,000 tracks an exact one reads tens of millions. Chosen
   * on the 100,000-track benchmark (docs/benchmarks.md, 300 10 s queries clean and with 10 dB
   * white noise, 30 negatives): 300 k found 97.3% of the noisy queries, 450 k 98.7% (clean 100%,
   * p99 37 ms), 600 k 99.3% at p99 51–57 ms, over the 50 ms aim.
   */
  public static final long DEFAULT_POSTING_BUDGET = 450_000;

  /** No budget: every lookup is made (the exact answer). */
  public static final long UNLIMITED = Long.MAX_VALUE;

  /** The best candidate if its score reaches {@link #DECISION_MIN_SCORE} (exact, no budget). */
  public static Optional<Match> identify(Fingerprint query, PostingSource source) {
    return identify(query, source, UNLIMITED);
  }

  /** As {@link #identify(Fingerprint, PostingSource)} within a posting budget (see {@link #match}). */
  public static Optional<Match> identify(Fingerprint query, PostingSource source, long budget) {
    List<Match> all = match(query, source, budget, DECISION_MIN_SCORE);
    return all.isEmpty() || all.get(0).score() < DECISION_MIN_SCORE
        ? Optional.empty()
        : Optional.of(all.get(0));
  }

  /** All candidates with at least {@value #MIN_HITS} consistent votes, best first (exact). */
  public static List<Match> match(Fingerprint query, PostingSource source) {
    return match(query, source, UNLIMITED);
  }

  /**
   * All candidates with at least {@value #MIN_HITS} consistent votes, best first (ties by track id).
   *
   * <p>Each distinct probed hash is read once, whichever query hashes probe it. With a finite
   * {@code budget} and a source that knows its posting counts, the probed hashes are read rarest
   * first and a hash whose postings would take the total over {@code budget} is skipped (cheaper
   * ones after it are still read). If any is skipped, the {@value #VERIFIED_CANDIDATES} best
   * tracks over the hashes read are verified against their whole fingerprints ({@link
   * PostingSource#fingerprint}) and the answer is those of them that reach the floor, each with
   * its exact score; a source without whole fingerprints answers from the hashes read (the exact
   * answer over the catalogue with the skipped hashes left out). A query that fits the budget
   * gets the exact answer.
   */
  public static List<Match> match(Fingerprint query, PostingSource source, long budget) {
    return match(query, source, budget, MIN_HITS);
  }

  /**
   * As {@link #match(Fingerprint, PostingSource, long)}, but only the candidates that score at
   * least {@code minScore}: those are exactly the candidates of the three-argument form with such
   * a score (the production lookup: {@link #DEFAULT_POSTING_BUDGET}, {@link #DECISION_MIN_SCORE}). Tracks with fewer hits than {@code minScore} cannot reach it (the score counts
   * distinct query frames among a track's hits) and are not analysed; in a large catalogue that is
   * nearly every track, so a lookup that only wants decisions ({@link #DECISION_MIN_SCORE}) is
   * cheaper.
   */
  public static List<Match> match(Fingerprint query, PostingSource source, long budget,
      int minScore) {
    int floor = Math.max(MIN_HITS, minScore);
    int[] qh = query.hashes();
    int[] qf = query.anchorFrames();
    int[] qp = query.anchorPitches();
    byte[] hints = query.probeHints();
    // (probe hash, query hash index) pairs, sorted by probe: one posting walk per distinct probe.
    long[] pairs = new long[Math.max(16, qh.length * 6)];
    int np = 0;
    int[] probes = new int[64];
    for (int i = 0; i < qh.length; i++) {
      int n = probes(qh[i], hints[i], probes);
      for (int k = 0; k < n; k++) {
        if (np == pairs.length) {
          pairs = Arrays.copyOf(pairs, np * 2);
        }
        pairs[np++] = (long) probes[k] << 32 | i;
      }
    }
    Arrays.sort(pairs, 0, np);
    // Groups: start index of each distinct probe in pairs.
    int[] groupStart = new int[np + 1];
    int groups = 0;
    for (int j = 0; j < np; j++) {
      if (j == 0 || (int) (pairs[j] >>> 32) != (int) (pairs[j - 1] >>> 32)) {
        groupStart[groups++] = j;
      }
    }
    groupStart[groups] = np;
    int[] order = new int[groups];
    for (int g = 0; g < groups; g++) {
      order[g] = g;
    }
    if (budget != UNLIMITED) {
      long[] byCount = new long[groups];
      long total = 0;
      boolean known = true;
      for (int g = 0; g < groups && known; g++) {
        long c = source.postingCount((int) (pairs[groupStart[g]] >>> 32));
        if (c < 0) {
          known = false;
        } else {
          total += c;
          // count in the high bits (counts stay far below 2^40), group number in the low 23
          byCount[g] = Math.min(c, (1L << 40) - 1) << 23 | g;
        }
      }
      if (known && total > budget) {
        Arrays.sort(byCount);
        long spent = 0;
        int kept = 0;
        for (long bc : byCount) {
          long c = bc >>> 23;
          if (spent + c <= budget) {
            spent += c;
            order[kept++] = (int) (bc & 0x7FFFFF);
          }
        }
        order = Arrays.copyOf(order, kept);
        Arrays.sort(order); // back to hash order: the walk's order does not change the answer
      }
    }
    int queryFrames = densestWindow(qf.clone(), qh.length,
        (int) Math.round(SCORE_WINDOW_S * query.frameRateHz()));
    double frameRate = query.frameRateHz();
    Votes votes = vote(pairs, groupStart, order, qf, qp, source);
    if (order.length == groups) { // every lookup made: the exact answer
      return matches(analyseAll(votes, source, queryFrames, frameRate, floor, true));
    }
    // Budgeted: the votes of the rarest hashes rank the candidates; the best few are verified
    // against their whole fingerprints, which gives each of them its exact score.
    List<Scored> partial = topCandidates(votes, queryFrames, frameRate, VERIFIED_CANDIDATES);
    int[] all = new int[groups];
    for (int g = 0; g < groups; g++) {
      all[g] = g;
    }
    List<Scored> out = new ArrayList<>();
    for (int k = 0; k < Math.min(VERIFIED_CANDIDATES, partial.size()); k++) {
      int track = partial.get(k).track();
      Fingerprint fp = source.fingerprint(track);
      if (fp == null) { // the source cannot verify: the answer over the hashes read
        return matches(analyseAll(votes, source, queryFrames, frameRate, floor, true));
      }
      PostingSource one = new OneTrack(track, fp, source);
      out.addAll(analyseAll(vote(pairs, groupStart, all, qf, qp, one), one, queryFrames,
          frameRate, floor, true));
    }
    return matches(out);
  }

  /**
   * Candidates a budgeted lookup verifies against their whole stored fingerprints (stage 2), best
   * first by their votes over the hashes read. A verified candidate gets exactly the score the
   * exact lookup gives it, so the budget can only lose a track that does not rank this high on
   * its rarest hashes; it never adds a false accept the exact lookup would not make.
   */
  public static final int VERIFIED_CANDIDATES = 10;

  /** A candidate with the source's track number. */
  private record Scored(int track, Match match) {}

  private static List<Match> matches(List<Scored> scored) {
    List<Match> out = new ArrayList<>(scored.size());
    for (Scored c : scored) {
      out.add(c.match());
    }
    out.sort(Comparator.comparingInt(Match::score).reversed().thenComparing(Match::trackId));
    return out;
  }

  private static Match withId(Match m, String id) {
    return new Match(id, m.score(), m.normalisedScore(), m.queryStartSeconds(),
        m.queryEndSeconds(), m.referenceStartSeconds(), m.referenceEndSeconds(), m.speedRatio(),
        m.pitchSpeedRatio());
  }

  /** Reads the postings of the probe groups in {@code order} and counts their votes. */
  private static Votes vote(long[] pairs, int[] groupStart, int[] order, int[] qf, int[] qp,
      PostingSource source) {
    Votes votes = new Votes(source.trackNumberBound());
    for (int g : order) {
      int from = groupStart[g];
      int to = groupStart[g + 1];
      int hash = (int) (pairs[from] >>> 32);
      if (to - from == 1) {
        int i = (int) pairs[from];
        int tq = qf[i];
        int pq = qp[i];
        source.forEachPosting(hash, (track, tr, pitch) -> {
          int shift = pq - pitch;
          if (shift <= MAX_SHIFT_UNITS && shift >= -MAX_SHIFT_UNITS) {
            votes.add(track, tq, tr, shift);
          }
        });
      } else {
        source.forEachPosting(hash, (track, tr, pitch) -> {
          for (int j = from; j < to; j++) {
            int i = (int) pairs[j];
            int shift = qp[i] - pitch;
            if (shift <= MAX_SHIFT_UNITS && shift >= -MAX_SHIFT_UNITS) {
              votes.add(track, qf[i], tr, shift);
            }
          }
        });
      }
    }
    return votes;
  }

  /**
   * The {@code k} best candidates by score over the hashes read (ties: lower track number first),
   * exactly as analysing every track would rank them, but analysing tracks in decreasing order of
   * hits and stopping when a track's hits (a bound on its score) fall below the k-th best score.
   */
  private static List<Scored> topCandidates(Votes votes, int queryFrames, double frameRate,
      int k) {
    votes.groupByTrack(MIN_HITS);
    long[] byHits = new long[votes.tracks];
    int c = 0;
    for (int d = 0; d < votes.tracks; d++) {
      if (votes.counts[d] >= MIN_HITS) {
        byHits[c++] = (long) votes.counts[d] << 32 | d;
      }
    }
    Arrays.sort(byHits, 0, c);
    Comparator<Scored> order = Comparator.comparingInt((Scored x) -> x.match().score()).reversed()
        .thenComparingInt(Scored::track);
    List<Scored> best = new ArrayList<>();
    HitList h = new HitList();
    for (int j = c - 1; j >= 0; j--) {
      int hits = (int) (byHits[j] >>> 32);
      if (best.size() == k && hits < best.get(k - 1).match().score()) {
        break;
      }
      int d = (int) byHits[j];
      votes.collect(d, h);
      Match m = analyse(h, queryFrames, frameRate, MIN_HITS);
      if (m == null || m.score() < MIN_HITS) {
        continue;
      }
      Scored s = new Scored(votes.trackOf[d], m);
      int at = 0;
      while (at < best.size() && order.compare(best.get(at), s) <= 0) {
        at++;
      }
      if (at < k) {
        best.add(at, s);
        if (best.size() > k) {
          best.remove(k);
        }
      }
    }
    return best;
  }

  /** Analyses every track with at least {@code floor} hits; keeps those scoring {@code floor}. */
  private static List<Scored> analyseAll(Votes votes, PostingSource source, int queryFrames,
      double frameRate, int floor, boolean resolveIds) {
    List<Scored> out = new ArrayList<>();
    HitList h = new HitList();
    votes.groupByTrack(floor);
    for (int d = 0; d < votes.tracks; d++) {
      if (votes.counts[d] < floor) {
        continue;
      }
      votes.collect(d, h);
      int track = votes.trackOf[d];
      Match m = analyse(h, queryFrames, frameRate, floor);
      if (m != null && m.score() >= floor) {
        out.add(new Scored(track, resolveIds ? withId(m, source.trackId(track)) : m));
      }
    }
    return out;
  }

  /** One track's postings, from its whole fingerprint (stage 2 of a budgeted lookup). */
  private static final class OneTrack implements PostingSource {
    private final int track;
    private final Fingerprint fp;
    private final PostingSource outer;
    private final long[] sorted; // hash << 32 | index, ascending

    OneTrack(int track, Fingerprint fp, PostingSource outer) {
      this.track = track;
      this.fp = fp;
      this.outer = outer;
      int[] hs = fp.hashes();
      sorted = new long[hs.length];
      for (int i = 0; i < hs.length; i++) {
        sorted[i] = (long) (hs[i] & 0x7FFFFFFF) << 32 | i;
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
        visitor.visit(track, fp.anchorFrames()[i], fp.anchorPitches()[i]);
      }
    }

    @Override
    public long postingCount(int hash) {
      return -1;
    }

    @Override
    public String trackId(int trackNumber) {
      return outer.trackId(trackNumber);
    }
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

  private static Match analyse(HitList h, int queryAnchorFrames, double frameRate, int floor) {
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
    if (ns < floor) { // the score counts distinct frames among these hits
      return null;
    }
    double meanShift = sumShift / ns;
    double speed0 = Math.pow(2, meanShift / Fingerprinter.PITCH_UNITS_PER_SEMITONE / 12);
    // 2. Densest window of offsets t_ref − s·t_query.
    double[] off = new double[ns];
    int m = 0;
    int tqMin = Integer.MAX_VALUE;
    int tqMax = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      if (Math.abs(h.shift[i] - bestShift) <= SHIFT_TOLERANCE) {
        off[m] = h.tr[i] - speed0 * h.tq[i];
        m++;
        tqMin = Math.min(tqMin, h.tq[i]);
        tqMax = Math.max(tqMax, h.tq[i]);
      }
    }
    double[] sorted = bucketSorted(off, m);
    // The speed from the pitch shift is good to ~0.3%: allow that drift over the query span.
    double width = 2 * FRAME_TOLERANCE + 0.004 * (tqMax - tqMin);
    int bestLo = 0;
    int bestN = 0;
    int lo = 0;
    for (int hi = 0; hi < m; hi++) {
      while (sorted[hi] - sorted[lo] > width) {
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
    // The window holds every hit whose offset lies in [offLo, offHi] (equal offsets are never
    // split: lo is the first of its value and a later equal hi would have made the window longer).
    double offLo = sorted[bestLo];
    double offHi = sorted[bestLo + bestN - 1];
    // 3. Least-squares line through the window's hits, then the final inlier count.
    double a;
    double b;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0, w = 0; i < n; i++) {
      if (Math.abs(h.shift[i] - bestShift) <= SHIFT_TOLERANCE) {
        double o = off[w++];
        if (o >= offLo && o <= offHi) {
          sx += h.tq[i];
          sy += h.tr[i];
          sxx += (double) h.tq[i] * h.tq[i];
          sxy += (double) h.tq[i] * h.tr[i];
        }
      }
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
    for (int i = 0; i < n; i++) {
      if (Math.abs(h.shift[i] - bestShift) > SHIFT_TOLERANCE) {
        continue;
      }
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
        null,
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
   * {@code values[0..n)} in ascending order, by a bucket sort over [min, max] with n buckets and
   * an insertion sort within each: linear for offsets spread as a track's hits are (the matcher
   * sorts one array per candidate track, where a comparison sort was half the lookup's time). The
   * bucket index is a non-decreasing function of the value, so the result is exactly sorted.
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
    // Buckets are now in order; sort within them (insertion sort over the whole array touches
    // only neighbours within a bucket, since every earlier bucket holds smaller values).
    for (int i = 1; i < n; i++) {
      double v = out[i];
      int j = i - 1;
      while (j >= 0 && out[j] > v) {
        out[j + 1] = out[j];
        j--;
      }
      out[j + 1] = v;
    }
    return out;
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

  /** One track's hits, gathered from {@link Votes} for analysis (reused across tracks). */
  private static final class HitList {
    int[] tq = new int[64];
    int[] tr = new int[64];
    int[] shift = new int[64];
    int n;

    void reset(int capacity) {
      if (tq.length < capacity) {
        int c = Math.max(capacity, tq.length * 2);
        tq = new int[c];
        tr = new int[c];
        shift = new int[c];
      }
      n = 0;
    }
  }

  /**
   * Every hit of one query, without boxing. An open-addressing table gives each track a dense
   * number on its first hit; hits are appended in arrival order (query frame, reference frame,
   * shift and the dense number), and {@link #groupByTrack} then lays them out track by track with
   * one counting-sort pass, so that analysing a track reads its hits contiguously. A posting costs
   * one table probe and a few sequential array writes.
   */
  private static final class Votes {
    int[] keys = new int[1024]; // track, or −1
    int[] dense = new int[1024]; // the track's dense number
    int tracks;
    int[] trackOf = new int[256]; // dense number → track
    int[] counts = new int[256]; // dense number → hits
    long[] packed = new long[4096]; // tq << 40 | (tr & 0xFFFFFFFF) << 8 | (shift & 0xFF)
    int[] who = new int[4096];
    int hits;
    // After groupByTrack: hits of dense number d at [start[d], start[d + 1]) of the sorted arrays.
    int[] start;
    long[] sorted; // tq << 40 | (tr & 0xFFFFFFFF) << 8 | (shift & 0xFF)

    // When the source bounds its track numbers: track → dense number + 1 (0: none yet), no hashing.
    final int[] direct;

    Votes(int trackNumberBound) {
      Arrays.fill(keys, -1);
      direct = trackNumberBound > 0 && trackNumberBound <= 1 << 24
          ? new int[trackNumberBound] : null;
    }

    void add(int track, int q, int r, int s) {
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
        who = Arrays.copyOf(who, c);
      }
      packed[hits] = (long) q << 40 | (r & 0xFFFFFFFFL) << 8 | (s & 0xFF);
      who[hits] = d;
      hits++;
      counts[d]++;
    }

    private int newTrack(int track) {
      int d = tracks++;
      if (d == trackOf.length) {
        trackOf = Arrays.copyOf(trackOf, d * 2);
        counts = Arrays.copyOf(counts, d * 2);
      }
      trackOf[d] = track;
      return d;
    }

    private int hashed(int track) {
      int mask = keys.length - 1;
      int slot = mix(track) & mask;
      int k;
      int d;
      while (true) {
        k = keys[slot];
        if (k == track) {
          d = dense[slot];
          break;
        }
        if (k < 0) {
          d = newTrack(track, slot);
          break;
        }
        slot = (slot + 1) & mask;
      }
      return d;
    }

    private int newTrack(int track, int slot) {
      int d = newTrack(track);
      keys[slot] = track;
      dense[slot] = d;
      if (tracks * 2 > keys.length) {
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
      start = new int[tracks + 1];
      int total = 0;
      for (int d = 0; d < tracks; d++) {
        start[d] = total;
        if (counts[d] >= minHits) {
          total += counts[d];
        }
      }
      start[tracks] = total;
      int[] fill = Arrays.copyOf(start, tracks);
      sorted = new long[total];
      for (int i = 0; i < hits; i++) {
        int d = who[i];
        if (counts[d] >= minHits) {
          sorted[fill[d]++] = packed[i];
        }
      }
    }

    /** Copies the hits of dense number {@code d} into {@code h} (after {@link #groupByTrack}). */
    void collect(int d, HitList h) {
      int from = start[d];
      int n = start[d + 1] - from;
      h.reset(n);
      for (int i = 0; i < n; i++) {
        long v = sorted[from + i];
        h.tq[i] = (int) (v >>> 40);
        h.tr[i] = (int) (v >>> 8);
        h.shift[i] = (byte) v;
      }
      h.n = n;
    }
  }
}
