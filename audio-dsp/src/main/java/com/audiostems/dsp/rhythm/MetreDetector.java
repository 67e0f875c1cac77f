package com.audiostems.dsp.rhythm;

/**
 * Bar length (3 or 4 beats) and downbeats from beat-synchronous accents.
 *
 * <p>Bars show in three ways at the beat: the kick drum and the bass land on the first beat (low
 * band onset), chords and bass notes change there (band-level change across the beat), and the
 * first beat is often the loudest (broadband onset). Each is standardised over the beats and summed
 * into one "downbeat-ness" per beat. For each bar length a Viterbi pass labels every beat with its
 * position in the bar (advancing one position per beat, with a penalty for re-starting the count,
 * which absorbs a beat the tracker missed or added); the path is rewarded for downbeat-ness on
 * position 0 and for its absence elsewhere. The bar length whose labelling has the larger contrast
 * (mean on downbeats minus mean elsewhere, in standard deviations) wins.
 */
final class MetreDetector {

  /** Cost of re-starting the bar count, in standard deviations of downbeat-ness. */
  static final double RESTART_COST = 4;

  /** Below this contrast (standard deviations) bars are not visible: metre unknown. */
  static final double MIN_CONTRAST = 0.4;

  /** Below this confidence the two bar lengths are too close to call: metre unknown. */
  static final double MIN_CONFIDENCE = 0.15;

  /** Bands centred below this carry the harmony for the change measure (drums' hiss above). */
  static final int HARMONY_BANDS = 28;

  private MetreDetector() {}

  /**
   * How well bars of 3 and of 4 beats explain the downbeat-ness of {@code beats}, and each one's
   * labelling of the beats' positions in the bar.
   */
  record BarFit(double contrast3, double contrast4, int[] positions3, int[] positions4) {

    static final BarFit NONE = new BarFit(0, 0, new int[0], new int[0]);

    /** The better of the two contrasts: how clearly this beat level groups into bars. */
    double best() {
      return Math.max(contrast3, contrast4);
    }
  }

  static BarFit fit(int[] beats, OnsetFeatures features) {
    int n = beats.length;
    if (n < 8) {
      return BarFit.NONE;
    }
    double rate = features.broadband().frameRateHz();
    int slop = Math.max(1, (int) Math.round(LevelEvidence.SLOP_SECONDS * rate));
    double[] low = new double[n];
    double[] all = new double[n];
    for (int k = 0; k < n; k++) {
      low[k] = LevelEvidence.accent(features.lowBand().strength(), beats[k], slop);
      all[k] = LevelEvidence.accent(features.broadband().strength(), beats[k], slop);
    }
    double[] change = harmonyChange(beats, features.bandLevels());
    double[] downbeatness = new double[n];
    addStandardised(downbeatness, low, 1);
    addStandardised(downbeatness, change, 1);
    addStandardised(downbeatness, all, 0.5);
    double sd = standardDeviation(downbeatness);
    if (sd <= 0) {
      return BarFit.NONE;
    }
    for (int k = 0; k < n; k++) {
      downbeatness[k] /= sd;
    }
    int[] positions3 = new int[n];
    int[] positions4 = new int[n];
    double contrast3 = label(downbeatness, 3, positions3);
    double contrast4 = label(downbeatness, 4, positions4);
    return new BarFit(contrast3, contrast4, positions3, positions4);
  }

  static Metre detect(int[] beats, OnsetFeatures features) {
    int n = beats.length;
    BarFit fit = fit(beats, features);
    if (fit == BarFit.NONE) {
      return Metre.unknown();
    }
    double contrast3 = fit.contrast3();
    double contrast4 = fit.contrast4();
    int[] positions3 = fit.positions3();
    int[] positions4 = fit.positions4();
    int bar = contrast4 >= contrast3 ? 4 : 3;
    double best = Math.max(contrast3, contrast4);
    double other = Math.min(contrast3, contrast4);
    double confidence = best > 0 ? Math.min(1, (best - Math.max(0, other)) / best) : 0;
    if (best < MIN_CONTRAST || confidence < MIN_CONFIDENCE) {
      return Metre.unknown();
    }
    int[] positions = bar == 4 ? positions4 : positions3;
    int downbeats = 0;
    for (int p : positions) {
      if (p == 0) {
        downbeats++;
      }
    }
    double[] times = new double[downbeats];
    int i = 0;
    for (int k = 0; k < n; k++) {
      if (positions[k] == 0) {
        times[i++] = features.broadband().timeSeconds(beats[k]);
      }
    }
    return new Metre(bar, confidence, times);
  }

  /**
   * Viterbi labelling of each beat's position in a bar of {@code bar} beats; fills {@code
   * positions} and returns the contrast of downbeat-ness on position 0 against the others.
   */
  static double label(double[] d, int bar, int[] positions) {
    int n = d.length;
    double[] score = new double[bar];
    int[][] from = new int[n][bar];
    for (int p = 0; p < bar; p++) {
      score[p] = emission(d[0], p, bar);
    }
    double[] next = new double[bar];
    for (int k = 1; k < n; k++) {
      // The best predecessor for a restart is the same for every position: find it once.
      int bestAny = 0;
      for (int p = 1; p < bar; p++) {
        if (score[p] > score[bestAny]) {
          bestAny = p;
        }
      }
      for (int p = 0; p < bar; p++) {
        int advance = (p + bar - 1) % bar;
        double keep = score[advance];
        double restart = score[bestAny] - RESTART_COST;
        if (keep >= restart) {
          next[p] = keep + emission(d[k], p, bar);
          from[k][p] = advance;
        } else {
          next[p] = restart + emission(d[k], p, bar);
          from[k][p] = bestAny;
        }
      }
      System.arraycopy(next, 0, score, 0, bar);
    }
    int end = 0;
    for (int p = 1; p < bar; p++) {
      if (score[p] > score[end]) {
        end = p;
      }
    }
    positions[n - 1] = end;
    for (int k = n - 1; k > 0; k--) {
      positions[k - 1] = from[k][positions[k]];
    }
    double on = 0;
    double off = 0;
    int onCount = 0;
    for (int k = 0; k < n; k++) {
      if (positions[k] == 0) {
        on += d[k];
        onCount++;
      } else {
        off += d[k];
      }
    }
    if (onCount == 0 || onCount == n) {
      return 0;
    }
    return on / onCount - off / (n - onCount);
  }

  /** Reward for downbeat-ness on the first position, for its absence on the others. */
  private static double emission(double d, int position, int bar) {
    return position == 0 ? d : -d / (bar - 1);
  }

  /**
   * How much the sound changes across each beat: distance between the mean band levels over the
   * beat before and the beat after (chords and bass notes change on downbeats).
   */
  static double[] harmonyChange(int[] beats, float[][] levels) {
    int n = beats.length;
    int bands = Math.min(HARMONY_BANDS, levels.length == 0 ? 0 : levels[0].length);
    double[][] means = new double[n][];
    for (int k = 0; k + 1 < n; k++) {
      double[] m = new double[bands];
      int from = beats[k];
      int to = Math.max(from + 1, beats[k + 1]);
      for (int f = from; f < to && f < levels.length; f++) {
        for (int b = 0; b < bands; b++) {
          m[b] += levels[f][b];
        }
      }
      for (int b = 0; b < bands; b++) {
        m[b] /= (to - from);
      }
      means[k] = m;
    }
    double[] change = new double[n];
    for (int k = 1; k + 1 < n; k++) {
      double sum = 0;
      for (int b = 0; b < bands; b++) {
        double diff = means[k][b] - means[k - 1][b];
        sum += diff * diff;
      }
      change[k] = Math.sqrt(sum);
    }
    // Ends have only one side: give them the mean, which standardises to no evidence.
    double mean = 0;
    for (int k = 1; k + 1 < n; k++) {
      mean += change[k];
    }
    mean /= Math.max(1, n - 2);
    change[0] = mean;
    change[n - 1] = mean;
    return change;
  }

  private static void addStandardised(double[] sum, double[] x, double weight) {
    if (weight == 0) {
      return;
    }
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double sd = standardDeviation(x);
    if (sd <= 0) {
      return;
    }
    for (int i = 0; i < x.length; i++) {
      sum[i] += weight * (x[i] - mean) / sd;
    }
  }

  private static double standardDeviation(double[] x) {
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    return Math.sqrt(ss / x.length);
  }
}
