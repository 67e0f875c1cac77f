package com.audiostems.dsp.watermark;

import com.audiostems.dsp.signal.RealFft;
import java.util.ArrayList;
import java.util.List;

/**
 * Blind detector: needs only the (possibly excerpted, re-encoded, resampled) audio and the keys.
 *
 * <p>The input is downmixed and resampled to 44.1 kHz. Synchronisation: log spectra are taken on 8
 * sub-frame offsets (step 128 samples) of the first 40 s, made into frame-to-frame contrasts, and
 * correlated with the keyed sync pattern at every one of the 360 block positions; the best three
 * (offset, position) candidates are refined to 32 samples and decoded: the contrasts of every frame
 * of the input are summed per coded bit, Viterbi-decoded and checked with CRC-32, then the
 * re-encoded mark must correlate with the input at z >= {@link #MIN_Z}. If nothing is found at
 * speed 1, speed corrections of +-1% are tried.
 */
public final class WatermarkDetector {

  static final double MIN_Z = 5.0;
  static final double[] SPEEDS = {1.0, 1.01, 0.99};
  static final int SEARCH_FRAMES = 1720;
  static final int CANDIDATES = 3;
  static final double MIN_SYNC_Z = 2.5;
  static final int SEGMENT_FRAMES = 86;

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
      for (int o = 0; o < 8; o++) {
        v[o] = Format.contrast(Format.logBands(x, c0 * Format.N + o * 128, frames, fft));
      }
      for (WatermarkKey key : keys) {
        Format.Layout lay = Format.layout(key);
        double[][] score = new double[8][Format.BLOCK];
        for (int o = 0; o < 8; o++) {
          for (int cc = 0; cc < Format.BLOCK; cc++) {
            score[o][cc] = syncScore(v[o], cc, lay);
          }
        }
        double sdSync = Math.sqrt(Format.SYNC * (double) frames) * stdDev(v[0]);
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
          if (score[bo][bc] < MIN_SYNC_Z * sdSync) {
            break; // no sync peak worth decoding
          }
          score[bo][bc] = Double.NEGATIVE_INFINITY;
          // refine the sub-frame offset around the candidate
          int bestS = c0 * Format.N + bo * 128;
          int bestC = bc;
          float[][] bestV = v[bo];
          double best = syncScore(v[bo], bc, lay);
          for (int dlt : new int[] {-64, -32, 32, 64}) {
            int s = c0 * Format.N + bo * 128 + dlt;
            int cc = bc;
            if (s < 0) {
              s += Format.N;
              cc = (cc + 1) % Format.BLOCK; // frame 0 is now the old frame 1
            }
            int fr = Math.min(frames, Format.frameCount(x.length, s));
            float[][] vv = Format.contrast(Format.logBands(x, s, fr, fft));
            double sc = syncScore(vv, cc, lay);
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

  /** Correlation of the contrasts with the sync pattern when frame 0 is at block position cc. */
  static double syncScore(float[][] v, int cc, Format.Layout lay) {
    double s = 0;
    int p = cc;
    for (float[] row : v) {
      short[] bins = lay.syncBin[p];
      byte[] sg = lay.syncSign[p];
      float a = 0;
      for (int j = 0; j < Format.SYNC; j++) {
        a += sg[j] * row[bins[j]];
      }
      s += a;
      if (++p == Format.BLOCK) {
        p = 0;
      }
    }
    return s;
  }

  private Detection decode(float[][] v, int pos0, int s0, Format.Layout lay, WatermarkKey key, double speed) {
    float[] soft = new float[Format.CODED];
    int p = pos0;
    for (float[] row : v) {
      for (int g = 0; g < Format.GROUPS; g++) {
        int slot = p * Format.GROUPS + g;
        short[] bins = lay.dataBin[slot];
        byte[] sg = lay.dataSign[slot];
        float a = 0;
        for (int j = 0; j < Format.GROUP; j++) {
          a += sg[j] * row[bins[j]];
        }
        soft[lay.slotBit[slot]] += a;
      }
      if (++p == Format.BLOCK) {
        p = 0;
      }
    }
    int[] info = ConvolutionalCode.decode(soft, Format.INFO_BITS);
    Payload payload = Format.checked(info);
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
    // z-score of every frame against the re-encoded mark; per segment for the timeline
    double sd = stdDev(v);
    List<Detection.Segment> timeline = new ArrayList<>();
    double all = 0;
    double segSum = 0;
    int segStart = 0;
    p = pos0;
    for (int f = 0; f < v.length; f++) {
      double a = frameCorrelation(v[f], p, lay, code);
      all += a;
      segSum += a;
      if (++p == Format.BLOCK) {
        p = 0;
      }
      boolean last = f == v.length - 1;
      if ((f - segStart + 1 == SEGMENT_FRAMES && v.length - f - 1 >= SEGMENT_FRAMES / 2) || last) {
        int n = f - segStart + 1;
        double z = segSum / (sd * Math.sqrt((double) n * Format.BINS));
        double t0 = (s0 + (double) segStart * Format.N) / Format.RATE_HZ * speed;
        double t1 = (s0 + (double) (f + 1) * Format.N) / Format.RATE_HZ * speed;
        timeline.add(new Detection.Segment(t0, t1, z, z >= 3));
        segSum = 0;
        segStart = f + 1;
      }
    }
    double z = all / (sd * Math.sqrt((double) v.length * Format.BINS));
    if (z < MIN_Z) {
      return Detection.NONE;
    }
    return new Detection(payload, key.id(), z, errors, speed, List.copyOf(timeline));
  }

  private static double frameCorrelation(float[] row, int p, Format.Layout lay, int[] code) {
    double a = 0;
    for (int j = 0; j < Format.SYNC; j++) {
      a += lay.syncSign[p][j] * row[lay.syncBin[p][j]];
    }
    for (int g = 0; g < Format.GROUPS; g++) {
      int slot = p * Format.GROUPS + g;
      int bit = code[lay.slotBit[slot]] * 2 - 1;
      for (int j = 0; j < Format.GROUP; j++) {
        a += bit * lay.dataSign[slot][j] * row[lay.dataBin[slot][j]];
      }
    }
    return a;
  }

  private static double stdDev(float[][] v) {
    double s = 0;
    long n = 0;
    for (float[] r : v) {
      for (float a : r) {
        s += (double) a * a;
      }
      n += r.length;
    }
    return Math.sqrt(s / Math.max(1, n)) + 1e-12;
  }
}
