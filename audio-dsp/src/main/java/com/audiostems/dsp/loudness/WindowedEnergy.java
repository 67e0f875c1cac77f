package com.audiostems.dsp.loudness;

/**
 * The momentary (400 ms) and short-term (3 s) windows over a stream of per-sample weighted energies
 * (the channel-weighted sum of K-weighted samples squared).
 *
 * <p>Time is cut into hops of 100 ms ({@code round(rate / 10)} samples). At the end of every hop it
 * records the mean square of the 400 ms and 3 s windows ending there: the 10 Hz series that feed
 * the gated integrated loudness (400 ms blocks, 75 % overlap), the loudness range and the curves.
 * Besides, it tracks the largest mean square over windows ending at <em>every</em> sample, because
 * EBU Tech 3341 case 13 (and 10) asks for the maximum momentary loudness of a 400 ms burst that can
 * start anywhere, and a window 50 ms off loses 0.6 dB.
 *
 * <p>Why that stays cheap: each hop's energy sum is kept, so the window ending just before a hop is
 * a sum of whole hops, and the windows ending inside the hop follow by adding the sample that
 * enters and subtracting the one that leaves (the drift of that running sum never outlives one
 * hop). And a hop is only scanned sample by sample when the sum over every sample its windows can
 * touch exceeds the largest window so far, so passages quieter than the loudest one cost nothing.
 *
 * <p>Before the first sample the stream counts as silence, so windows ending in the first 400 ms or
 * 3 s are zero-padded; {@link LoudnessMeter} decides which of those it uses.
 */
final class WindowedEnergy {

  /** Hops in the momentary window (4 x 100 ms = 400 ms). */
  static final int MOMENTARY_HOPS = 4;

  /** Hops in the short-term window (30 x 100 ms = 3 s). */
  static final int SHORT_TERM_HOPS = 30;

  /** Hop slots kept: a window ending in hop j reaches back into hop j - 30. */
  private static final int SLOTS = SHORT_TERM_HOPS + 1;

  private final int hopFrames;
  private final double[] energies; // SLOTS hops of per-sample energies, hop j in slot j % SLOTS
  private final double[] hopSums = new double[SLOTS]; // energy sum of each completed hop

  private long completedHops;
  private int framesInHop;
  private double currentHopSum;

  private double maxMomentarySum;
  private double maxShortTermSum;

  private final DoubleSeries momentaryMeanSquares = new DoubleSeries();
  private final DoubleSeries shortTermMeanSquares = new DoubleSeries();

  WindowedEnergy(int hopFrames) {
    if (hopFrames <= 0) {
      throw new IllegalArgumentException("hop must be positive, got " + hopFrames);
    }
    this.hopFrames = hopFrames;
    this.energies = new double[SLOTS * hopFrames];
  }

  /** The hop for a sample rate: 100 ms rounded to whole samples. */
  static int hopFramesFor(int sampleRateHz) {
    return Math.max(1, (int) Math.round(sampleRateHz / 10.0));
  }

  int hopFrames() {
    return hopFrames;
  }

  /** How many more frames the current hop takes; callers cut their blocks at hop ends. */
  int framesUntilHopEnd() {
    return hopFrames - framesInHop;
  }

  /**
   * Appends {@code frames} energies, at most {@link #framesUntilHopEnd()} of them; completing a hop
   * records its window values.
   */
  void push(double[] energy, int frames) {
    if (frames > framesUntilHopEnd()) {
      throw new IllegalArgumentException("a push must not cross a hop end");
    }
    int base = slot(completedHops) * hopFrames + framesInHop;
    double sum = 0;
    for (int i = 0; i < frames; i++) {
      double e = energy[i];
      energies[base + i] = e;
      sum += e;
    }
    currentHopSum += sum;
    framesInHop += frames;
    if (framesInHop == hopFrames) {
      completeHop();
    }
  }

  private void completeHop() {
    long j = completedHops;
    hopSums[slot(j)] = currentHopSum;
    maxMomentarySum = Math.max(maxMomentarySum, maxWindowSumInCurrentHop(MOMENTARY_HOPS));
    maxShortTermSum = Math.max(maxShortTermSum, maxWindowSumInCurrentHop(SHORT_TERM_HOPS));
    momentaryMeanSquares.add(
        sumOfCompletedHops(j - MOMENTARY_HOPS + 1, j) / ((double) MOMENTARY_HOPS * hopFrames));
    shortTermMeanSquares.add(
        sumOfCompletedHops(j - SHORT_TERM_HOPS + 1, j) / ((double) SHORT_TERM_HOPS * hopFrames));
    completedHops = j + 1;
    framesInHop = 0;
    currentHopSum = 0;
  }

  /**
   * The largest energy sum of a window of {@code windowHops} hops ending at one of the samples of
   * the current hop pushed so far, or 0 when no such window can beat the maximum already recorded
   * for that window length.
   */
  private double maxWindowSumInCurrentHop(int windowHops) {
    long j = completedHops;
    int frames = framesInHop;
    double recorded = windowHops == MOMENTARY_HOPS ? maxMomentarySum : maxShortTermSum;
    double before = sumOfCompletedHops(j - windowHops, j - 1); // window ending just before hop j
    if (before + currentHopSum <= recorded) {
      return 0; // every sample such a window can contain sums to no more than the record
    }
    int entering = slot(j) * hopFrames;
    int leaving = slot(j - windowHops) * hopFrames;
    double sum = before;
    double max = 0;
    for (int i = 0; i < frames; i++) {
      sum += energies[entering + i] - energies[leaving + i];
      max = Math.max(max, sum);
    }
    return max;
  }

  /** Sum of hop sums {@code from..to} (inclusive); hops before the stream are silence. */
  private double sumOfCompletedHops(long from, long to) {
    double sum = 0;
    for (long h = Math.max(0, from); h <= to; h++) {
      sum += hopSums[slot(h)];
    }
    return sum;
  }

  private static int slot(long hop) {
    return (int) Math.floorMod(hop, (long) SLOTS); // hops before the start map to unused slots
  }

  /** Frames pushed so far. */
  long frames() {
    return completedHops * hopFrames + framesInHop;
  }

  /**
   * The largest mean square of a 400 ms window ending at any sample so far (windows reaching before
   * the start count the missing samples as silence); 0 before any energy.
   */
  double maxMomentaryMeanSquare() {
    double max = Math.max(maxMomentarySum, maxWindowSumInCurrentHop(MOMENTARY_HOPS));
    return max / ((double) MOMENTARY_HOPS * hopFrames);
  }

  /** As {@link #maxMomentaryMeanSquare()} for the 3 s window. */
  double maxShortTermMeanSquare() {
    double max = Math.max(maxShortTermSum, maxWindowSumInCurrentHop(SHORT_TERM_HOPS));
    return max / ((double) SHORT_TERM_HOPS * hopFrames);
  }

  /** Mean square of the 400 ms window ending at each completed hop, zero-padded at the start. */
  DoubleSeries momentaryMeanSquares() {
    return momentaryMeanSquares;
  }

  /** Mean square of the 3 s window ending at each completed hop, zero-padded at the start. */
  DoubleSeries shortTermMeanSquares() {
    return shortTermMeanSquares;
  }
}
