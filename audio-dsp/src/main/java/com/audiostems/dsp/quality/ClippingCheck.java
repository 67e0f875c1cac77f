package com.audiostems.dsp.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Clipping: runs of at least {@link #MIN_RUN_SAMPLES} consecutive samples of one sign held at the
 * file's peak value (a flat top: the waveform wanted to go further and could not), and a true peak
 * above 0 dBTP (from the loudness meter: the reconstructed waveform overshoots full scale, which a
 * DAC or a lossy encoder will clip).
 *
 * <p>Streaming: each channel's runs of equal samples above {@link #CANDIDATE_FLOOR} are kept only
 * while they are within {@link #NEAR_PEAK_DB} of the peak seen so far (blocks are scanned for their
 * peak first), so memory grows with the number of clipped runs only.
 */
final class ClippingCheck {
  static final String CODE = "clipping";
  static final String TRUE_PEAK_CODE = "true-peak-over";

  /**
   * A flat top this long is clipping: two equal samples happen at any slow crest of a 16-bit
   * waveform, three at the very peak value practically only when it was cut off.
   */
  static final int MIN_RUN_SAMPLES = 3;

  /** Samples within this relative difference of the run's first count as equal: 0.0004 dB. */
  static final float EQUAL_TOLERANCE = 5e-5f;

  /** Runs this close to the file's peak are at the peak: 0.1 dB covers 16-bit rounding. */
  static final double NEAR_PEAK_DB = -0.1;

  /** Runs below -20 dBFS are never clipping: no file is clipped that quietly. */
  static final float CANDIDATE_FLOOR = 0.1f;

  /** Flat-top runs at the peak for a WARNING: two could be a coincidence of a slow crest. */
  static final int WARNING_RUNS = 3;

  /**
   * A flat top at digital full scale (peak within 0.1 dB of 0 dBFS) is an overload whatever the
   * count: one run is enough for a WARNING there.
   */
  static final double FULL_SCALE_DBFS = -0.1;

  /**
   * Clipped samples (in runs) for an ERROR, as a fraction of all samples: 0.01 % is a hard clip on
   * most beats of a master (tens to hundreds per second), clearly audible as crunch.
   */
  static final double ERROR_SAMPLE_FRACTION = 1e-4;

  /** True peak above this (dBTP) is a WARNING: it will clip on playback or lossy encoding. */
  static final double TRUE_PEAK_WARNING_DBTP = 0.0;

  /**
   * True peak above this (dBTP) is worth knowing: EBU R128 / AES streaming practice keeps -1 dBTP.
   */
  static final double TRUE_PEAK_INFO_DBTP = -1.0;

  private final int channels;
  private final float[] runLevel;
  private final float[] previous;
  private final long[] runStart;
  private final int[] runLen;
  private float peak;
  private long position;
  private long[] starts = new long[64];
  private int[] lengths = new int[64];
  private float[] levels = new float[64];
  private int stored;

  ClippingCheck(int channels) {
    this.channels = channels;
    runLevel = new float[channels];
    previous = new float[channels];
    runStart = new long[channels];
    runLen = new int[channels];
  }

  void accept(float[][] block, int n) {
    for (int c = 0; c < channels; c++) {
      float[] x = block[c];
      float pk = peak;
      for (int i = 0; i < n; i++) {
        pk = Math.max(pk, Math.abs(x[i]));
      }
      // A run is a chain of samples each equal (within the tolerance) to the one before; the common
      // case, a sample unlike its predecessor outside a run, costs two comparisons.
      float prev = previous[c];
      int len = runLen[c];
      long start = runStart[c];
      float level = runLevel[c];
      for (int i = 0; i < n; i++) {
        float v = x[i];
        float p = Math.abs(prev);
        if (Math.abs(v - prev) <= EQUAL_TOLERANCE * p && p >= CANDIDATE_FLOOR) {
          if (len == 0) {
            start = position + i - 1;
            level = p;
            len = 2;
          } else {
            len++;
          }
        } else if (len > 0) {
          close(level, start, len);
          len = 0;
        }
        prev = v;
      }
      previous[c] = prev;
      runLen[c] = len;
      runStart[c] = start;
      runLevel[c] = level;
      peak = Math.max(peak, pk);
    }
    position += n;
  }

  private void close(float level, long start, int len) {
    if (len < MIN_RUN_SAMPLES || level < peak * NEAR_PEAK) {
      return;
    }
    if (stored == starts.length) {
      compact();
      if (stored > starts.length / 2) {
        starts = Arrays.copyOf(starts, starts.length * 2);
        lengths = Arrays.copyOf(lengths, lengths.length * 2);
        levels = Arrays.copyOf(levels, levels.length * 2);
      }
    }
    starts[stored] = start;
    lengths[stored] = len;
    levels[stored] = level;
    stored++;
  }

  private static final float NEAR_PEAK = (float) Units.amplitude(NEAR_PEAK_DB);

  private void compact() {
    int k = 0;
    for (int i = 0; i < stored; i++) {
      if (levels[i] >= peak * NEAR_PEAK) {
        starts[k] = starts[i];
        lengths[k] = lengths[i];
        levels[k] = levels[i];
        k++;
      }
    }
    stored = k;
  }

  /** The largest sample magnitude seen (including samples inside runs). */
  float peak() {
    return peak;
  }

  List<Finding> check(double truePeakDbtp, int sampleRateHz) {
    for (int c = 0; c < channels; c++) {
      if (runLen[c] > 0) {
        close(runLevel[c], runStart[c], runLen[c]);
        runLen[c] = 0;
      }
    }
    compact();
    List<Finding> out = new ArrayList<>();
    double duration = (double) position / sampleRateHz;
    if (stored > 0) {
      long clipped = 0;
      long first = Long.MAX_VALUE;
      long last = 0;
      Integer[] order = new Integer[stored];
      for (int i = 0; i < stored; i++) {
        clipped += lengths[i];
        first = Math.min(first, starts[i]);
        last = Math.max(last, starts[i] + lengths[i]);
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Integer.compare(lengths[b], lengths[a]));
      StringBuilder worst = new StringBuilder();
      for (int j = 0; j < Math.min(3, stored); j++) {
        int i = order[j];
        worst
            .append(j == 0 ? "" : ", ")
            .append(Units.time((double) starts[i] / sampleRateHz))
            .append(" (")
            .append(lengths[i])
            .append(" samples)");
      }
      double fraction = (double) clipped / Math.max(1, position * channels);
      Severity severity =
          fraction >= ERROR_SAMPLE_FRACTION
              ? Severity.ERROR
              : stored >= WARNING_RUNS || Units.db(peak) >= FULL_SCALE_DBFS
                  ? Severity.WARNING
                  : Severity.INFO;
      out.add(
          new Finding(
              CODE,
              severity,
              stored,
              WARNING_RUNS,
              "runs",
              (double) first / sampleRateHz,
              (double) last / sampleRateHz,
              stored
                  + " flat-topped runs at the peak level ("
                  + Units.f1(Units.db(peak))
                  + " dBFS), "
                  + clipped
                  + " clipped samples in all; the worst at "
                  + worst
                  + ". The master was clipped: please lower the level before the limiter or"
                  + " re-export without clipping."));
    }
    if (truePeakDbtp > TRUE_PEAK_INFO_DBTP) {
      boolean over = truePeakDbtp > TRUE_PEAK_WARNING_DBTP;
      out.add(
          new Finding(
              TRUE_PEAK_CODE,
              over ? Severity.WARNING : Severity.INFO,
              truePeakDbtp,
              over ? TRUE_PEAK_WARNING_DBTP : TRUE_PEAK_INFO_DBTP,
              "dBTP",
              0,
              duration,
              "The true (inter-sample) peak reaches "
                  + Units.f1(truePeakDbtp)
                  + " dBTP"
                  + (over
                      ? ", above full scale: it will distort on playback and when encoded to"
                          + " MP3/AAC. Keep the limiter's ceiling at -1 dBTP."
                      : "; streaming services ask for -1 dBTP or lower to leave room for lossy"
                          + " encoding.")));
    }
    return out;
  }
}
