package com.audiostems.dsp.watermark;

import com.audiostems.dsp.signal.RealFft;
import java.util.ArrayList;
import java.util.List;

/**
 * Blind detector: needs only the (possibly excerpted, re-encoded, resampled) audio and the keys.
 *
 * <p>The input is downmixed and resampled to 44.1 kHz. Synchronisation: log spectra are taken on 8
 * sub-frame offsets (step 128 samples) of each 40 s stretch, made into frame-to-frame contrasts,
 * folded modulo the 360-frame block (the sync pattern repeats every block, so frames a block apart
 * add up before correlating) and correlated with the keyed sync pattern at every block position,
 * per weighting band. A position's sync statistic is the sum over bands of the squared positive
 * band z-scores, so bands where the mark did not survive (noise, codec) add little noise instead of
 * diluting the bands where it did. The best three (offset, position) candidates are refined to 32
 * samples and decoded: every frame's contrasts are summed per coded bit, each band weighted by its
 * mark-to-noise ratio measured on the sync bins (maximal-ratio combining), Viterbi-decoded and
 * checked with CRC-32; when the CRC fails, the weights are measured again on all bins against the
 * re-encoded first guess and decoding is tried once more. The re-encoded mark must then correlate
 * with the input at z >= {@link #MIN_Z}. If nothing is found at speed 1, speed corrections of +-1 %
 * are tried.
 */
public final class WatermarkDetector {

  static final double MIN_Z = 5.0;
  static final double[] SPEEDS = {1.0, 1.01, 0.99};
  static final int SEARCH_FRAMES = 1720;
  static final int CANDIDATES = 3;
  /**
   * Sync statistic (sum over the 12 bands of squared positive band z-scores) a candidate needs to be
   * decoded. On unmarked audio one position's statistic has mean 6 and sd about 3.9; the maximum
   * over the 2,880 positions tried per stretch is mostly below 25.
   */
  static final double MIN_SYNC_STAT = 20;
  static final int SEGMENT_FRAMES = 86;
  static boolean debug = Boolean.getBoolean("wm.debug");

  private final double[] speeds;

  public WatermarkDetector() {
    this(SPEEDS);
  }

  /** @param speeds speed corrections to try in order (1.0 = none) */
  public WatermarkDetector(double... speeds) {
    this.speeds = speeds.clone();
  }

  public Detection detect(float[][] channels, int sampleRateHz, WatermarkKey... keys) {
    float[] mono = Format.mono(channels);
    float[] x = sampleRateHz == Format.RATE_HZ ? mono : Resampler.resample(mono, (double) Format.RATE_HZ / sampleRateHz);
    for (double sp : speeds) {
      float[] xs = sp == 1.0 ? x : Resampler.resample(x, sp);
      Detection d = detectAt(xs, sp, keys);
      if (d.found()) {
        return d;
      }
    }
    return Detection.NONE;
  }

  private Detection detectAt(float[] x, double speed, WatermarkKey[] keys) {
    RealFft fft = new RealFft(Format.N);
    int total = Format.frameCount(x.length, Format.N - 1);
    if (total < 3) {
      return Detection.NONE;
    }
    float[][] full = null;
    int fullOffset = -1;
    for (int c0 = 0; c0 < total; c0 += SEARCH_FRAMES) {
      int frames = Math.min(SEARCH_FRAMES, total - c0);
      if (frames < 3 || (c0 > 0 && frames < Format.BLOCK / 2)) {
        break;
      }
      float[][][] v = new float[8][][];
      double[][] var = new double[8][];
      for (int o = 0; o < 8; o++) {
        v[o] = Format.contrast(Format.logBands(x, c0 * Format.N + o * 128, frames, fft));
        var[o] = bandVariances(v[o]);
      }
      for (WatermarkKey key : keys) {
        Format.Layout lay = Format.layout(key);
        double[][] score = new double[8][];
        for (int o = 0; o < 8; o++) {
          score[o] = syncStatistics(v[o], var[o], lay);
        }
        for (int t = 0; t < CANDIDATES; t++) {
          int bo = 0;
          int bc = 0;
          for (int o = 0; o < 8; o++) {
            for (int cc = 0; cc < Format.BLOCK; cc++) {
              if (score[o][cc] > score[bo][bc]) {
                bo = o;
                bc = cc;
              }
            }
          }
          if (debug) {
            System.err.printf("speed %.2f chunk %d cand %d o%d c%d sync %.1f%n", speed, c0, t, bo, bc, score[bo][bc]);
          }
          if (score[bo][bc] < MIN_SYNC_STAT) {
            break; // no sync peak worth decoding
          }
          score[bo][bc] = Double.NEGATIVE_INFINITY;
          // refine the sub-frame offset around the candidate
          int bestS = c0 * Format.N + bo * 128;
          int bestC = bc;
          float[][] bestV = v[bo];
          double best = syncStatistic(v[bo], var[bo], bc, lay);
          for (int dlt : new int[] {-64, -32, 32, 64}) {
            int s = c0 * Format.N + bo * 128 + dlt;
            int cc = bc;
            if (s < 0) {
              s += Format.N;
              cc = (cc + 1) % Format.BLOCK; // frame 0 is now the old frame 1
            }
            int fr = Math.min(frames, Format.frameCount(x.length, s));
            float[][] vv = Format.contrast(Format.logBands(x, s, fr, fft));
            double sc = syncStatistic(vv, bandVariances(vv), cc, lay);
            if (sc > best) {
              bestV = vv;
              best = sc;
              bestS = s;
              bestC = cc;
            }
          }
          // express the alignment for the whole input: frame 0 at start s0 in [0, N)
          int s0 = bestS % Format.N;
          int pos0 = Math.floorMod(bestC - bestS / Format.N, Format.BLOCK);
          // decode on the searched stretch first; the whole input only once that succeeds
          Detection local = decode(bestV, bestC, bestS, lay, key, speed);
          if (!local.found()) {
            continue;
          }
          if (full == null || fullOffset != s0) {
            full = Format.contrast(Format.logBands(x, s0, Format.frameCount(x.length, s0), fft));
            fullOffset = s0;
          }
          Detection d = decode(full, pos0, s0, lay, key, speed);
          return d.found() ? d : local;
        }
      }
    }
    return Detection.NONE;
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

  /**
   * Maximal-ratio weights per band: the band's mean mark contrast over its variance, where the mean
   * is measured on the sync bins, or on all bins when a (tentative) codeword is given. Bands with no
   * positive evidence get weight 0; all-zero falls back to equal weights.
   */
  static float[] bandWeights(float[][] v, double[] var, int pos0, Format.Layout lay, int[] code) {
    double[] sum = new double[Format.WBANDS];
    double[] n = new double[Format.WBANDS];
    int p = pos0;
    for (float[] row : v) {
      for (int j = 0; j < Format.SYNC; j++) {
        int b = lay.syncBand[p][j];
        sum[b] += lay.syncSign[p][j] * row[lay.syncBin[p][j]];
        n[b]++;
      }
      if (code != null) {
        for (int g = 0; g < Format.GROUPS; g++) {
          int slot = p * Format.GROUPS + g;
          int bit = code[lay.slotBit[slot]] * 2 - 1;
          short[] bins = lay.dataBin[slot];
          byte[] sg = lay.dataSign[slot];
          for (int j = 0; j < Format.GROUP; j++) {
            int k = bins[j];
            sum[k / Format.WBAND] += bit * sg[j] * row[k];
            n[k / Format.WBAND]++;
          }
        }
      }
      if (++p == Format.BLOCK) {
        p = 0;
      }
    }
    float[] w = new float[Format.WBANDS];
    boolean any = false;
    for (int b = 0; b < Format.WBANDS; b++) {
      double mean = n[b] > 0 ? sum[b] / n[b] : 0;
      w[b] = (float) Math.max(0, mean / var[b]);
      any |= w[b] > 0;
    }
    if (!any) {
      java.util.Arrays.fill(w, 1f);
    }
    return w;
  }

  private Detection decode(float[][] v, int pos0, int s0, Format.Layout lay, WatermarkKey key, double speed) {
    double[] var = bandVariances(v);
    float[] w = bandWeights(v, var, pos0, lay, null);
    float[] soft = softBits(v, pos0, lay, w);
    int[] info = ConvolutionalCode.decode(soft, Format.INFO_BITS);
    Payload payload = Format.checked(info);
    if (payload == null) {
      // decision-directed: the first guess is mostly right even when the CRC fails, and measuring
      // the weights on all 144 bins instead of the 24 sync bins makes them much less noisy
      int[] guess = ConvolutionalCode.encode(info);
      w = bandWeights(v, var, pos0, lay, guess);
      soft = softBits(v, pos0, lay, w);
      info = ConvolutionalCode.decode(soft, Format.INFO_BITS);
      payload = Format.checked(info);
    }
    if (debug) {
      int[] tc = Format.codeword(Payload.ofHex("00112233445566778899aabbccddeeff"));
      int e = 0;
      for (int i = 0; i < Format.CODED; i++) {
        e += (soft[i] > 0) != (tc[i] == 1) ? 1 : 0;
      }
      System.err.printf("  decode frames %d errs-vs-test-payload %d crc %s w %s%n", v.length, e, payload != null, java.util.Arrays.toString(w));
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
    double varPerFrame = 0;
    for (int b = 0; b < Format.WBANDS; b++) {
      varPerFrame += (double) w[b] * w[b] * var[b] * Format.WBAND;
    }
    List<Detection.Segment> timeline = new ArrayList<>();
    double all = 0;
    double segSum = 0;
    int segStart = 0;
    int p = pos0;
    for (int f = 0; f < v.length; f++) {
      double a = frameCorrelation(v[f], p, lay, code, w);
      all += a;
      segSum += a;
      if (++p == Format.BLOCK) {
        p = 0;
      }
      boolean last = f == v.length - 1;
      if ((f - segStart + 1 == SEGMENT_FRAMES && v.length - f - 1 >= SEGMENT_FRAMES / 2) || last) {
        int n = f - segStart + 1;
        double z = segSum / Math.sqrt(n * varPerFrame);
        double t0 = (s0 + (double) segStart * Format.N) / Format.RATE_HZ * speed;
        double t1 = (s0 + (double) (f + 1) * Format.N) / Format.RATE_HZ * speed;
        timeline.add(new Detection.Segment(t0, t1, z, z >= 3));
        segSum = 0;
        segStart = f + 1;
      }
    }
    double z = all / Math.sqrt(v.length * varPerFrame);
    if (z < MIN_Z) {
      return Detection.NONE;
    }
    return new Detection(payload, key.id(), z, errors, speed, List.copyOf(timeline));
  }

  /** Band-weighted contrasts summed per coded bit over every frame (all block repetitions). */
  private static float[] softBits(float[][] v, int pos0, Format.Layout lay, float[] w) {
    float[] soft = new float[Format.CODED];
    int p = pos0;
    for (float[] row : v) {
      for (int g = 0; g < Format.GROUPS; g++) {
        int slot = p * Format.GROUPS + g;
        short[] bins = lay.dataBin[slot];
        byte[] sg = lay.dataSign[slot];
        float a = 0;
        for (int j = 0; j < Format.GROUP; j++) {
          int k = bins[j];
          a += sg[j] * w[k / Format.WBAND] * row[k];
        }
        soft[lay.slotBit[slot]] += a;
      }
      if (++p == Format.BLOCK) {
        p = 0;
      }
    }
    return soft;
  }

  private static double frameCorrelation(float[] row, int p, Format.Layout lay, int[] code, float[] w) {
    double a = 0;
    for (int j = 0; j < Format.SYNC; j++) {
      a += lay.syncSign[p][j] * w[lay.syncBand[p][j]] * row[lay.syncBin[p][j]];
    }
    for (int g = 0; g < Format.GROUPS; g++) {
      int slot = p * Format.GROUPS + g;
      int bit = code[lay.slotBit[slot]] * 2 - 1;
      for (int j = 0; j < Format.GROUP; j++) {
        int k = lay.dataBin[slot][j];
        a += bit * lay.dataSign[slot][j] * w[k / Format.WBAND] * row[k];
      }
    }
    return a;
  }
}
