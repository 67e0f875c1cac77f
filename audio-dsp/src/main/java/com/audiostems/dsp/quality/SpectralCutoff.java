package com.audiostems.dsp.quality;

import java.util.Arrays;

/**
 * Finds a steep cut-off in a long-term spectrum: a frequency above which the level falls within a
 * few hundred hertz and stays down, flat, to the Nyquist.
 *
 * <p>Music rolls off gently (a few dB per kHz) and a real recording's noise floor runs on to the
 * Nyquist; a lossy encoder's low-pass (MP3/AAC: ~16-20.5 kHz depending on bitrate) or a resampler's
 * anti-alias filter (an upsampled file: the old Nyquist) leaves a cliff with a flat floor of
 * (almost) nothing above it. MP3 at 128-192 kbps often shows two steps: the sfb21 shelf (bands
 * above 16 kHz coded coarsely or zeroed) and then the low-pass; the pass-band reference is
 * therefore taken over several kHz below the edge.
 *
 * <p>The long-term spectrum is smoothed into ~{@link #BAND_HZ} Hz bands. An edge qualifies when (1)
 * the {@link #NEAR_HZ} Hz just below it stand at least {@link #MIN_STEP_DB} over the stop band
 * (steep), (2) the pass band (75th percentile over {@link #PASS_HZ} Hz below) stands at least
 * {@link #MIN_DROP_DB} over it (deep), and (3) the stop band, from {@link #GAP_HZ} Hz above the
 * edge to 99 % of the Nyquist, is flat: its 90th and 10th percentiles within {@link
 * #MAX_STOP_SPREAD_DB} (no music comes back). The stop-band level is the larger of its 90th
 * percentile (an isolated tone does not hide the cliff) and its first {@link #NEAR_HZ} Hz. Of the
 * edges that qualify, the deepest wins.
 *
 * @param found whether a cut-off was found
 * @param cutoffHz where the level crosses half-way (in dB) from the pass band to the stop band; the
 *     Nyquist when none was found
 * @param dropDb the pass band's level over the stop band's at the winning edge (the best seen,
 *     qualified or not, when none was found)
 */
record SpectralCutoff(boolean found, double cutoffHz, double dropDb) {

  /** Smoothing band width. */
  static final double BAND_HZ = 100;

  /** Width of the "just below" and "just above" regions. */
  static final double NEAR_HZ = 500;

  /** Width of the pass-band reference below an edge: spans an MP3 sfb21 shelf (16-19 kHz). */
  static final double PASS_HZ = 5000;

  /**
   * Transition allowed between the pass band and the stop band: encoders' filters are this steep.
   */
  static final double GAP_HZ = 300;

  /**
   * Steepness: 8 dB within ~0.5 kHz. Music's own roll-off is a few dB per kHz; an encoder's or
   * resampler's low-pass falls tens of dB over a few hundred hertz.
   */
  static final double MIN_STEP_DB = 8;

  /**
   * Depth: the pass band 20 dB over the stop band. A 16-bit decode of a lossy file drops from the
   * music's top octave (-70 to -85 dBFS density even in a soft mix with a clean noise floor) to the
   * quantisation floor (-101 dBFS) or deeper.
   */
  static final double MIN_DROP_DB = 20;

  /** Flatness of the stop band: an empty band is flat within a few dB; music is not. */
  static final double MAX_STOP_SPREAD_DB = 8;

  /** Edges are looked for from here up: lower cut-offs are telephone-grade and still found. */
  static final double LOWEST_EDGE_HZ = 4000;

  /**
   * Band levels are read no lower than this: below a 24-bit file's own quantisation floor (-144
   * dBFS), differences are arithmetic, not sound. A lossy decode stored as integers leaves its stop
   * band at exact zeros and a few rounding crumbs, which would otherwise read as a 30-dB-uneven
   * "stop band" and hide the cut-off.
   */
  static final double FLOOR_DB = -140;

  /**
   * A stop band this far below the pass band everywhere is a low-pass whatever its texture: a lossy
   * decoder's residue up there (ringing, rounding) is uneven but 40 dB down, where no recording's
   * natural treble roll-off lies right after an 8 dB step.
   */
  static final double DEEP_STOP_DB = 40;

  static SpectralCutoff find(LongTermSpectrum spectrum) {
    double nyquist = spectrum.sampleRateHz() / 2.0;
    double[] bins = spectrum.levelsDb();
    if (bins.length == 0) {
      return new SpectralCutoff(false, nyquist, 0);
    }
    double binHz = spectrum.binHz();
    int per = Math.max(1, (int) Math.round(BAND_HZ / binHz));
    int bands = bins.length / per;
    double bandHz = per * binHz;
    double[] level = new double[bands];
    for (int b = 0; b < bands; b++) {
      double p = 0;
      for (int k = b * per; k < (b + 1) * per; k++) {
        p += Math.pow(10, bins[k] / 10);
      }
      level[b] = Math.max(FLOOR_DB, Units.powerDb(p / per));
    }
    int top = (int) Math.floor(0.99 * nyquist / bandHz); // exclusive
    int near = Math.max(1, (int) Math.round(NEAR_HZ / bandHz));
    int pass = (int) Math.round(PASS_HZ / bandHz);
    int gap = (int) Math.ceil(GAP_HZ / bandHz);
    int first = Math.max(near, (int) Math.ceil(LOWEST_EDGE_HZ / bandHz));
    double bestDrop = Double.NEGATIVE_INFINITY;
    double bestSeen = 0;
    int bestEdge = -1;
    double bestBelow = 0;
    double bestAbove = 0;
    double[] tmp = new double[bands];
    for (int e = first; e + gap + 3 <= top; e++) {
      int n = 0;
      for (int b = e + gap; b < top; b++) {
        tmp[n++] = level[b];
      }
      double nearAbove = mean(level, e + gap, Math.min(top, e + gap + near));
      Arrays.sort(tmp, 0, n);
      double p90 = tmp[Math.min(n - 1, (int) Math.floor(0.9 * n))];
      double p10 = tmp[(int) Math.floor(0.1 * n)];
      double above = Math.max(p90, nearAbove);
      double below = mean(level, e - near, e);
      int from = Math.max(0, e - pass);
      int m = 0;
      for (int b = from; b < e; b++) {
        tmp[m++] = level[b];
      }
      Arrays.sort(tmp, 0, m);
      double passLevel = Math.max(below, tmp[(int) Math.floor(0.75 * (m - 1))]);
      double drop = passLevel - above;
      bestSeen = Math.max(bestSeen, drop);
      boolean stopBand = p90 - p10 <= MAX_STOP_SPREAD_DB || passLevel - p90 >= DEEP_STOP_DB;
      boolean qualifies = below - above >= MIN_STEP_DB && drop >= MIN_DROP_DB && stopBand;
      if (qualifies && drop > bestDrop) {
        bestDrop = drop;
        bestEdge = e;
        bestBelow = below;
        bestAbove = above;
      }
    }
    if (bestEdge < 0) {
      return new SpectralCutoff(false, nyquist, bestSeen);
    }
    double half = (bestBelow + bestAbove) / 2;
    int b = bestEdge - near;
    while (b < bestEdge + gap && level[b] > half) {
      b++;
    }
    return new SpectralCutoff(true, b * bandHz, bestDrop);
  }

  private static double mean(double[] x, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += x[i];
    }
    return s / Math.max(1, to - from);
  }
}
