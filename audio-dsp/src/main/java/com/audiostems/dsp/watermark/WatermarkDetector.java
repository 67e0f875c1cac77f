package com.audiostems.dsp.watermark;

import com.audiostems.dsp.signal.Downmix;
import com.audiostems.dsp.signal.RealFft;
import com.audiostems.dsp.signal.Resampler;
import java.util.ArrayList;
import java.util.List;

/**
 * Blind detector: needs only the (possibly excerpted, re-encoded, resampled) audio and the keys.
 *
 * <p>The input is downmixed and brought to 22.05 kHz (the mark lies below 6.9 kHz; 512-sample
 * frames there have the embedder's 43 Hz bins). Synchronisation, per 40 s stretch: one log
 * spectrum on a 128-sample grid (4 sub-frame offsets) serves every speed tried (1, 1.01, 0.99):
 * the speed-corrected frames are read off it (nearest grid frame, bins interpolated at k * speed),
 * made into frame-to-frame contrasts, folded modulo the 360-frame block (the sync pattern repeats
 * every block, so frames a block apart add up before correlating) and correlated with the keyed
 * sync pattern at every block position, per weighting band. A position's sync statistic is the sum
 * over bands of the squared positive band z-scores, so bands where the mark did not survive (noise,
 * codec) add little instead of diluting the bands where it did. Only positions above {@link
 * #MIN_SYNC_STAT} (chosen from measured null distributions) go further, which keeps unmarked audio
 * cheap: the input is resampled for that speed, the offset refined to 16 samples, and the stretch
 * decoded: every frame's contrasts are summed per coded bit (all block repetitions), weighted per
 * (band, loudness quartile) by the mark-to-noise ratio measured on the sync bins (maximal-ratio
 * combining), Viterbi-decoded and checked with CRC-32; when the CRC fails, the weights are measured
 * again on all bins against the re-encoded first guess and decoding is tried once more. The
 * re-encoded mark must then correlate with the whole input at z >= {@link #MIN_Z}.
 */
public final class WatermarkDetector {

  static final double MIN_Z = 5.0;
  static final double[] SPEEDS = {1.0, 1.01, 0.99};
  static final int SEARCH_FRAMES = 1720;
  static final int CANDIDATES = 3;
  /**
   * Sync statistic (sum over the 12 bands of squared positive band z-scores) a candidate needs to be
   * refined and decoded: the early rejection that keeps unmarked audio cheap. Measured
   * (SyncNullProbe): the best position of an unmarked stretch (1,440 tried per stretch and speed;
   * 462 stretches of 7 styles, 3 s to 40 s) has median 25, 99th percentile 36, maximum 42; marked
   * excerpts in the hardest cells (AAC 64k at 5 s, white noise 10 dB at 30 s and 20 dB at 5 s)
   * scored 34 to 294, and every one under 57 (5 s AAC 64k / noise 20 dB) failed to decode even with
   * the threshold at 30, so the threshold costs no recovery there. False candidates only cost time:
   * the CRC-32 and z >= MIN_Z decide.
   */
  static final double MIN_SYNC_STAT = 40;
  static final int SEGMENT_FRAMES = 86;
  /** Sub-frame offsets scanned per stretch (step DET_N / OFFSETS samples), then refined to 16. */
  static final int OFFSETS = 4;
  static final int OFFSET_STEP = Format.DET_N / OFFSETS;
  /** Test hook: receives the best sync statistic of every stretch and speed scanned. */
  static java.util.function.DoubleConsumer syncObserver;

  private final double[] speeds;

  public WatermarkDetector() {
    this(SPEEDS);
  }

  /** @param speeds speed corrections to try in order (1.0 = none) */
  public WatermarkDetector(double... speeds) {
    this.speeds = speeds.clone();
  }

  public Detection detect(float[][] channels, int sampleRateHz, WatermarkKey... keys) {
    float[] x = Resampler.toRate(Downmix.mono(channels), sampleRateHz, Format.DET_RATE_HZ, Format.MARK_TOP_HZ);
    RealFft fft = new RealFft(Format.DET_N);
    float[][] atSpeed = new float[speeds.length][];
    double minSpeed = java.util.Arrays.stream(speeds).min().orElse(1);
    double maxSpeed = java.util.Arrays.stream(speeds).max().orElse(1);
    // bins LO..HI-1 at speed s are read at k * s: the grid holds the bins that requires (+1 for
    // the interpolation), within the spectrum
    int lowMargin = Math.min(Format.LO, (int) Math.ceil(Format.LO * Math.max(0, 1 - minSpeed)) + 1);
    int highMargin = Math.min(Format.DET_N / 2 - Format.HI, (int) Math.ceil((Format.HI - 1) * Math.max(0, maxSpeed - 1)) + 2);
    for (int c0 = 0; ; c0 += SEARCH_FRAMES) {
      // one short-time spectrum of the stretch, on a grid of OFFSET_STEP samples, serves the sync
      // scan at every speed: a speed change only moves frames in time and bins in frequency, so the
      // speed-corrected spectra are read off it (nearest frame, interpolated bin) instead of
      // resampling the input and transforming it again; only a candidate that passes the sync
      // threshold is resampled and refined
      int firstHop = Math.max(0, (int) Math.floor((double) c0 * Format.DET_N / maxSpeed / OFFSET_STEP) - 1);
      int lastHop = (int) Math.ceil(((double) (c0 + SEARCH_FRAMES) * Format.DET_N + Format.DET_N) / minSpeed / OFFSET_STEP) + 1;
      lastHop = Math.min(lastHop, (x.length - Format.DET_N) / OFFSET_STEP + 1);
      if (lastHop - firstHop < 3 * OFFSETS) {
        break;
      }
      float[][] grid = Format.logBandsWide(x, firstHop * OFFSET_STEP, OFFSET_STEP, lastHop - firstHop, lowMargin, highMargin, fft);
      boolean scanned = false;
      for (int si = 0; si < speeds.length; si++) {
        double sp = speeds[si];
        int total = Format.detFrameCount((int) Math.floor(x.length * sp), Format.DET_N - 1);
        int frames = Math.min(SEARCH_FRAMES, total - c0);
        if (frames < 3 || (c0 > 0 && frames < Format.BLOCK / 2)) {
          continue;
        }
        scanned = true;
        float[][][] v = new float[OFFSETS][][];
        double[][] var = new double[OFFSETS][];
        for (int o = 0; o < OFFSETS; o++) {
          v[o] = Format.contrast(atSpeed(grid, firstHop, lowMargin, sp, c0 * Format.DET_N + o * OFFSET_STEP, frames));
          var[o] = bandVariances(v[o]);
        }
        for (WatermarkKey key : keys) {
          Format.Layout lay = Format.layout(key);
          double[][] score = new double[OFFSETS][];
          for (int o = 0; o < OFFSETS; o++) {
            score[o] = syncStatistics(v[o], var[o], lay);
          }
          for (int t = 0; t < CANDIDATES; t++) {
            int bo = 0;
            int bc = 0;
            for (int o = 0; o < OFFSETS; o++) {
              for (int cc = 0; cc < Format.BLOCK; cc++) {
                if (score[o][cc] > score[bo][bc]) {
                  bo = o;
                  bc = cc;
                }
              }
            }
            if (t == 0 && syncObserver != null) {
              syncObserver.accept(score[bo][bc]);
            }
            if (score[bo][bc] < MIN_SYNC_STAT) {
              break; // no sync peak worth decoding
            }
            score[bo][bc] = Double.NEGATIVE_INFINITY;
            if (atSpeed[si] == null) {
              atSpeed[si] = sp == 1.0 ? x : Resampler.resample(x, 1, sp);
            }
            Detection d = refineAndDecode(atSpeed[si], sp, c0, Math.min(frames, v[bo].length), bo, bc, lay, key, fft);
            if (d.found()) {
              return d;
            }
          }
        }
      }
      if (!scanned) {
        break;
      }
    }
    return Detection.NONE;
  }

  /**
   * Log-magnitude frames of the input as they would be after resampling by {@code speed}: frame j
   * starts at {@code start} + j * DET_N of the resampled signal, i.e. at (that) / speed of the
   * input, taken from the nearest row of {@code grid} (rows every OFFSET_STEP samples from {@code
   * firstHop}, first column bin LO - lowMargin); resampled bin k is input bin k * speed,
   * interpolated (clamped to the grid for speeds beyond its margins). Stops early at the grid's end.
   */
  static float[][] atSpeed(float[][] grid, int firstHop, int lowMargin, double speed, int start, int frames) {
    float[][] out = new float[frames][];
    int n = 0;
    for (int j = 0; j < frames; j++) {
      double pos = (start + (double) j * Format.DET_N) / speed;
      int m = (int) Math.round(pos / OFFSET_STEP) - firstHop;
      if (m < 0) {
        m = 0;
      }
      if (m >= grid.length) {
        break;
      }
      float[] src = grid[m];
      float[] row = new float[Format.BINS];
      if (speed == 1.0) {
        System.arraycopy(src, lowMargin, row, 0, Format.BINS);
      } else {
        for (int k = 0; k < Format.BINS; k++) {
          double b = (k + Format.LO) * speed - (Format.LO - lowMargin);
          b = Math.max(0, Math.min(src.length - 1.001, b));
          int i = (int) b;
          float f = (float) (b - i);
          row[k] = src[i] + f * (src[i + 1] - src[i]);
        }
      }
      out[n++] = row;
    }
    return n == frames ? out : java.util.Arrays.copyOf(out, n);
  }

  /**
   * Refines a sync candidate (offset index {@code bo}, block position {@code bc} in stretch {@code
   * c0}) on the resampled signal to 16 samples, then decodes it on the stretch and, when that
   * succeeds, on the whole input for the confidence and the timeline.
   */
  private Detection refineAndDecode(float[] x, double speed, int c0, int frames, int bo, int bc, Format.Layout lay, WatermarkKey key, RealFft fft) {
    int bestS = c0 * Format.DET_N + bo * OFFSET_STEP;
    int bestC = bc;
    double best = Double.NEGATIVE_INFINITY;
    int around = bestS;
    for (int step = OFFSET_STEP; step >= 16; step /= 2) { // halving down to 16 samples = 0.7 ms
      for (int dlt : step == OFFSET_STEP ? new int[] {0} : new int[] {-step, step}) {
        int s = around + dlt;
        int cc = bc;
        if (s < 0) {
          s += Format.DET_N;
          cc = (cc + 1) % Format.BLOCK; // frame 0 is now the old frame 1
        }
        int fr = Math.min(frames, Format.detFrameCount(x.length, s));
        if (fr < 3) {
          continue;
        }
        float[][] vv = Format.contrast(Format.logBands(x, s, fr, fft));
        double sc = syncStatistic(vv, bandVariances(vv), cc, lay);
        if (sc > best) {
          best = sc;
          bestS = s;
          bestC = cc;
        }
      }
      around = bestS;
    }
    int fr = Math.min(frames, Format.detFrameCount(x.length, bestS));
    if (fr < 3) {
      return Detection.NONE;
    }
    Format.Frames stretch = Format.analyse(x, bestS, fr, fft);
    // express the alignment for the whole input: frame 0 at start s0 in [0, DET_N)
    int s0 = bestS % Format.DET_N;
    int pos0 = Math.floorMod(bestC - bestS / Format.DET_N, Format.BLOCK);
    Detection local = decode(stretch, bestC, bestS, lay, key, speed);
    if (!local.found()) {
      return local;
    }
    Format.Frames full = Format.analyse(x, s0, Format.detFrameCount(x.length, s0), fft);
    Detection d = decode(full, pos0, s0, lay, key, speed);
    return d.found() ? d : local;
  }

  /** Mean square of the contrasts per weighting band (the contrasts have mean ~0). */
  static double[] bandVariances(float[][] v) {
    double[] var = new double[Format.WBANDS];
    for (float[] row : v) {
      for (int k = 0; k < Format.BINS; k++) {
        var[k / Format.WBAND] += (double) row[k] * row[k];
      }
    }
    double n = Math.max(1, v.length) * (double) Format.WBAND;
    for (int b = 0; b < Format.WBANDS; b++) {
      var[b] = var[b] / n + 1e-12;
    }
    return var;
  }

  /**
   * Sync statistic for every block position of frame 0: frames are first folded modulo the block,
   * then each band's correlation with the sync pattern is turned into a z-score and the squares of
   * the positive ones are summed (a band's mark can only add positive correlation).
   */
  static double[] syncStatistics(float[][] v, double[] var, Format.Layout lay) {
    int rows = Math.min(v.length, Format.BLOCK);
    float[][] fold = new float[rows][Format.BINS];
    for (int f = 0; f < v.length; f++) {
      float[] dst = fold[f % Format.BLOCK];
      float[] src = v[f];
      for (int k = 0; k < Format.BINS; k++) {
        dst[k] += src[k];
      }
    }
    double[] sd = syncBandSd(v.length, var);
    double[] stat = new double[Format.BLOCK];
    float[] s = new float[Format.WBANDS];
    for (int cc = 0; cc < Format.BLOCK; cc++) {
      java.util.Arrays.fill(s, 0f);
      int p = cc;
      for (int r = 0; r < rows; r++) {
        float[] row = fold[r];
        short[] bins = lay.syncBin[p];
        byte[] sg = lay.syncSign[p];
        byte[] band = lay.syncBand[p];
        for (int j = 0; j < Format.SYNC; j++) {
          s[band[j]] += sg[j] * row[bins[j]];
        }
        if (++p == Format.BLOCK) {
          p = 0;
        }
      }
      stat[cc] = combine(s, sd);
    }
    return stat;
  }

  /** {@link #syncStatistics} for one block position. */
  static double syncStatistic(float[][] v, double[] var, int cc, Format.Layout lay) {
    float[] s = syncBandSums(v, cc, lay);
    return combine(s, syncBandSd(v.length, var));
  }

  private static float[] syncBandSums(float[][] v, int cc, Format.Layout lay) {
    float[] s = new float[Format.WBANDS];
    int p = cc;
    for (float[] row : v) {
      short[] bins = lay.syncBin[p];
      byte[] sg = lay.syncSign[p];
      byte[] band = lay.syncBand[p];
      for (int j = 0; j < Format.SYNC; j++) {
        s[band[j]] += sg[j] * row[bins[j]];
      }
      if (++p == Format.BLOCK) {
        p = 0;
      }
    }
    return s;
  }

  /**
   * Standard deviation of a band's sync sum on unmarked audio: the layout puts on average SYNC /
   * WBANDS sync bins per band and frame.
   */
  private static double[] syncBandSd(int frames, double[] var) {
    double perBand = (double) frames * Format.SYNC / Format.WBANDS;
    double[] sd = new double[Format.WBANDS];
    for (int b = 0; b < Format.WBANDS; b++) {
      sd[b] = Math.sqrt(perBand * var[b]);
    }
    return sd;
  }

  private static double combine(float[] s, double[] sd) {
    double stat = 0;
    for (int b = 0; b < Format.WBANDS; b++) {
      if (s[b] > 0) {
        double z = s[b] / sd[b];
        stat += z * z;
      }
    }
    return stat;
  }

  /** Mean square of the contrasts per (loudness class, weighting band). */
  static double[][] classVariances(Format.Frames fr) {
    double[][] var = new double[Format.LEVELS][Format.WBANDS];
    long[][] n = new long[Format.LEVELS][Format.WBANDS];
    for (int f = 0; f < fr.length(); f++) {
      float[] row = fr.v()[f];
      byte[] cls = fr.level()[f];
      for (int k = 0; k < Format.BINS; k++) {
        int b = k / Format.WBAND;
        var[cls[b]][b] += (double) row[k] * row[k];
        n[cls[b]][b]++;
      }
    }
    for (int c = 0; c < Format.LEVELS; c++) {
      for (int b = 0; b < Format.WBANDS; b++) {
        var[c][b] = n[c][b] > 0 ? var[c][b] / n[c][b] + 1e-12 : 1;
      }
    }
    return var;
  }

  /**
   * Maximal-ratio weights per (loudness class, band): the mean mark contrast over its variance,
   * where the mean is measured on the sync bins, or on all bins when a (tentative) codeword is
   * given. Cells with no positive evidence get weight 0; all-zero falls back to equal weights.
   */
  static float[][] classWeights(Format.Frames fr, double[][] var, int pos0, Format.Layout lay, int[] code) {
    double[][] sum = new double[Format.LEVELS][Format.WBANDS];
    double[][] n = new double[Format.LEVELS][Format.WBANDS];
    int p = pos0;
    for (int f = 0; f < fr.length(); f++) {
      float[] row = fr.v()[f];
      byte[] cls = fr.level()[f];
      for (int j = 0; j < Format.SYNC; j++) {
        int b = lay.syncBand[p][j];
        sum[cls[b]][b] += lay.syncSign[p][j] * row[lay.syncBin[p][j]];
        n[cls[b]][b]++;
      }
      if (code != null) {
        for (int g = 0; g < Format.GROUPS; g++) {
          int slot = p * Format.GROUPS + g;
          int bit = code[lay.slotBit[slot]] * 2 - 1;
          short[] bins = lay.dataBin[slot];
          byte[] sg = lay.dataSign[slot];
          for (int j = 0; j < Format.GROUP; j++) {
            int k = bins[j];
            int b = k / Format.WBAND;
            sum[cls[b]][b] += bit * sg[j] * row[k];
            n[cls[b]][b]++;
          }
        }
      }
      if (++p == Format.BLOCK) {
        p = 0;
      }
    }
    float[][] w = new float[Format.LEVELS][Format.WBANDS];
    boolean any = false;
    for (int c = 0; c < Format.LEVELS; c++) {
      for (int b = 0; b < Format.WBANDS; b++) {
        double mean = n[c][b] > 0 ? sum[c][b] / n[c][b] : 0;
        w[c][b] = (float) Math.max(0, mean / var[c][b]);
        any |= w[c][b] > 0;
      }
    }
    if (!any) {
      for (float[] r : w) {
        java.util.Arrays.fill(r, 1f);
      }
    }
    return w;
  }

  private Detection decode(Format.Frames fr, int pos0, int s0, Format.Layout lay, WatermarkKey key, double speed) {
    double[][] var = classVariances(fr);
    float[][] w = classWeights(fr, var, pos0, lay, null);
    float[] soft = softBits(fr, pos0, lay, w);
    int[] info = ConvolutionalCode.decode(soft, Format.INFO_BITS);
    Payload payload = Format.checked(info);
    if (payload == null) {
      // decision-directed: the first guess is mostly right even when the CRC fails, and measuring
      // the weights on all 144 bins instead of the 24 sync bins makes them much less noisy
      int[] guess = ConvolutionalCode.encode(info);
      w = classWeights(fr, var, pos0, lay, guess);
      soft = softBits(fr, pos0, lay, w);
      info = ConvolutionalCode.decode(soft, Format.INFO_BITS);
      payload = Format.checked(info);
    }
    if (payload == null) {
      return Detection.NONE;
    }
    int[] code = Format.codeword(payload);
    int errors = 0;
    for (int i = 0; i < Format.CODED; i++) {
      if (soft[i] != 0 && (soft[i] > 0) != (code[i] == 1)) {
        errors++;
      }
    }
    // weighted z-score of every frame against the re-encoded mark; per segment for the timeline
    List<Detection.Segment> timeline = new ArrayList<>();
    double all = 0;
    double allVar = 0;
    double segSum = 0;
    double segVar = 0;
    int segStart = 0;
    int p = pos0;
    for (int f = 0; f < fr.length(); f++) {
      double sync = syncCorrelation(fr.v()[f], fr.level()[f], p, lay, w);
      double data = dataCorrelation(fr.v()[f], fr.level()[f], p, lay, code, w);
      double fv = 0;
      for (int b = 0; b < Format.WBANDS; b++) {
        int c = fr.level()[f][b];
        fv += (double) w[c][b] * w[c][b] * var[c][b] * Format.WBAND;
      }
      all += sync + data;
      allVar += fv;
      // a segment counts only the data bins: audio marked with the same key but another payload
      // carries the same sync pattern, and must still show up as foreign
      segSum += data;
      segVar += fv * (Format.GROUPS * Format.GROUP) / Format.BINS;
      if (++p == Format.BLOCK) {
        p = 0;
      }
      boolean last = f == fr.length() - 1;
      if ((f - segStart + 1 == SEGMENT_FRAMES && fr.length() - f - 1 >= SEGMENT_FRAMES / 2) || last) {
        double z = segSum / Math.sqrt(segVar + 1e-30);
        // resampled by speed: sample i is input time i / (speed * rate)
        double t0 = (s0 + (double) segStart * Format.DET_N) / (Format.DET_RATE_HZ * speed);
        double t1 = (s0 + (double) (f + 1) * Format.DET_N) / (Format.DET_RATE_HZ * speed);
        timeline.add(new Detection.Segment(t0, t1, z, z >= 3));
        segSum = 0;
        segVar = 0;
        segStart = f + 1;
      }
    }
    double z = all / Math.sqrt(allVar + 1e-30);
    if (z < MIN_Z) {
      return Detection.NONE;
    }
    return new Detection(payload, key.id(), z, errors, speed, List.copyOf(timeline));
  }

  /** Weighted contrasts summed per coded bit over every frame (all block repetitions). */
  private static float[] softBits(Format.Frames fr, int pos0, Format.Layout lay, float[][] w) {
    float[] soft = new float[Format.CODED];
    float[] wf = new float[Format.BINS];
    int p = pos0;
    for (int f = 0; f < fr.length(); f++) {
      float[] row = fr.v()[f];
      binWeights(fr.level()[f], w, wf);
      for (int g = 0; g < Format.GROUPS; g++) {
        int slot = p * Format.GROUPS + g;
        short[] bins = lay.dataBin[slot];
        byte[] sg = lay.dataSign[slot];
        float a = 0;
        for (int j = 0; j < Format.GROUP; j++) {
          int k = bins[j];
          a += sg[j] * wf[k] * row[k];
        }
        soft[lay.slotBit[slot]] += a;
      }
      if (++p == Format.BLOCK) {
        p = 0;
      }
    }
    return soft;
  }

  private static void binWeights(byte[] cls, float[][] w, float[] out) {
    for (int b = 0; b < Format.WBANDS; b++) {
      java.util.Arrays.fill(out, b * Format.WBAND, (b + 1) * Format.WBAND, w[cls[b]][b]);
    }
  }

  private static double syncCorrelation(float[] row, byte[] cls, int p, Format.Layout lay, float[][] w) {
    double a = 0;
    for (int j = 0; j < Format.SYNC; j++) {
      int b = lay.syncBand[p][j];
      a += lay.syncSign[p][j] * w[cls[b]][b] * row[lay.syncBin[p][j]];
    }
    return a;
  }

  private static double dataCorrelation(float[] row, byte[] cls, int p, Format.Layout lay, int[] code, float[][] w) {
    double a = 0;
    for (int g = 0; g < Format.GROUPS; g++) {
      int slot = p * Format.GROUPS + g;
      int bit = code[lay.slotBit[slot]] * 2 - 1;
      for (int j = 0; j < Format.GROUP; j++) {
        int k = lay.dataBin[slot][j];
        int b = k / Format.WBAND;
        a += bit * lay.dataSign[slot][j] * w[cls[b]][b] * row[k];
      }
    }
    return a;
  }
}
