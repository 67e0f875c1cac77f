package com.audiostems.dsp.watermark;

import com.audiostems.dsp.signal.RealFft;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes sync candidates: the candidate's {@link Warp} is undone ({@link WarpedSignal}), the
 * offset refined to 16 samples, and the stretch decoded. Every frame's contrasts are summed per
 * coded bit (all block repetitions), weighted per (band, bin loudness quartile) by the
 * mark-to-noise ratio measured on the sync bins ({@link MarkWeights}: maximal-ratio combining),
 * list-decoded by each {@link MarkVersion} in turn and the listed paths checked with CRC-32; when
 * none passes, the weights are measured again on all bins against the re-encoded best path and
 * decoding is tried again ({@value #REWEIGHT_ROUNDS} rounds). The re-encoded mark must then
 * correlate with the input at z >= {@link #MIN_Z} ({@link MarkConfirmation}); a payload found on
 * the stretch is confirmed on the whole input for the confidence and the timeline.
 */
final class PayloadDecoder {

  static final double MIN_Z = 5.0;

  /**
   * Decision-directed rounds after a failed first pass (weights measured against the re-encoded
   * best path); the second round found one more rubberband stretch of 12 on the tune renders.
   */
  static final int REWEIGHT_ROUNDS = 2;

  /** Refinement stops at this offset step: 16 samples = 0.7 ms. */
  private static final int FINEST_STEP = 16;

  private final float[] x;
  private final RealFft fft;

  /** The input unwarped for each warp tried, made when a candidate first needs it. */
  private final Map<Warp, WarpedSignal> unwarped = new HashMap<>();

  /**
   * @param x the detector's signal, at {@link Format#DET_RATE_HZ}
   */
  PayloadDecoder(float[] x, RealFft fft) {
    this.x = x;
    this.fft = fft;
  }

  /** The first of {@code candidates} that decodes with {@code key}, or {@link Detection#NONE}. */
  Detection decodeFirst(
      List<SyncScanner.Candidate> candidates, Format.Layout lay, WatermarkKey key) {
    for (SyncScanner.Candidate c : candidates) {
      Detection d = decode(c, lay, key);
      if (d.found()) {
        return d;
      }
    }
    return Detection.NONE;
  }

  /**
   * Refines the candidate on the resampled signal, decodes it on its stretch and, when that
   * succeeds, on the whole input for the confidence and the timeline.
   */
  private Detection decode(SyncScanner.Candidate c, Format.Layout lay, WatermarkKey key) {
    WarpedSignal xs = unwarped.computeIfAbsent(c.warp(), w -> new WarpedSignal(x, w));
    Alignment a = refine(xs, c, lay);
    int fr = Math.min(c.frames(), xs.frameCount(a.start()));
    if (fr < 3) {
      return Detection.NONE;
    }
    Format.Frames stretch = Format.analyse(xs.logBands(a.start(), fr, fft));
    Detection local =
        decode(stretch, a.blockPosition(), a.start(), lay, key, c.warp(), MarkVersion.values());
    if (!local.found()) {
      return local;
    }
    // the alignment for the whole input: frame 0 at start s0 in [0, DET_N)
    int s0 = a.start() % Format.DET_N;
    int pos0 = Math.floorMod(a.blockPosition() - a.start() / Format.DET_N, Format.BLOCK);
    Format.Frames full = Format.analyse(xs.logBands(s0, xs.frameCount(s0), fft));
    MarkVersion found = MarkVersion.values()[local.markVersion() - 1];
    Detection d = decode(full, pos0, s0, lay, key, c.warp(), found);
    return d.found() ? d : local;
  }

  /**
   * For probes: the candidate's soft coded bits on its stretch, weighted as the first decoding pass
   * weighs them, or with the weights measured against {@code code} when it is not null.
   */
  float[] softBitsAt(SyncScanner.Candidate c, Format.Layout lay, MarkVersion version, int[] code) {
    WarpedSignal xs = unwarped.computeIfAbsent(c.warp(), w -> new WarpedSignal(x, w));
    Alignment a = refine(xs, c, lay);
    int fr = Math.min(c.frames(), xs.frameCount(a.start()));
    Format.Frames stretch = Format.analyse(xs.logBands(a.start(), fr, fft));
    double[][] var = MarkWeights.classVariances(stretch);
    float[][] w =
        MarkWeights.classWeights(
            stretch,
            var,
            a.blockPosition(),
            lay,
            code == null ? null : version.slotBits(code, lay));
    return softBits(stretch, a.blockPosition(), lay, w, version);
  }

  /**
   * Frame 0 at sample {@code start} of the resampled signal is block position {@code
   * blockPosition}.
   */
  record Alignment(int start, int blockPosition) {}

  /** The candidate's offset, refined by halving steps down to {@value #FINEST_STEP} samples. */
  private Alignment refine(WarpedSignal xs, SyncScanner.Candidate c, Format.Layout lay) {
    Alignment best =
        new Alignment(
            c.firstFrame() * Format.DET_N + c.offsetIndex() * SyncScanner.OFFSET_STEP,
            c.blockPosition());
    double bestStat = Double.NEGATIVE_INFINITY;
    int around = best.start();
    for (int step = SyncScanner.OFFSET_STEP; step >= FINEST_STEP; step /= 2) {
      for (int dlt : step == SyncScanner.OFFSET_STEP ? new int[] {0} : new int[] {-step, step}) {
        Alignment tried = shifted(around + dlt, c.blockPosition());
        double stat = syncAt(xs, tried, c.frames(), lay);
        if (stat > bestStat) {
          bestStat = stat;
          best = tried;
        }
      }
      around = best.start();
    }
    return best;
  }

  /**
   * Start {@code s} with block position {@code cc}; a start before the signal moves on by one
   * frame.
   */
  private static Alignment shifted(int s, int cc) {
    return s < 0 ? new Alignment(s + Format.DET_N, (cc + 1) % Format.BLOCK) : new Alignment(s, cc);
  }

  /** The sync statistic at {@code a}, or −∞ when fewer than 3 frames can be read there. */
  private double syncAt(WarpedSignal xs, Alignment a, int frames, Format.Layout lay) {
    int fr = Math.min(frames, xs.frameCount(a.start()));
    if (fr < 3) {
      return Double.NEGATIVE_INFINITY;
    }
    float[][] v = Format.contrast(xs.logBands(a.start(), fr, fft));
    return SyncStatistic.atPosition(v, SyncStatistic.bandVariances(v), a.blockPosition(), lay);
  }

  /** The first of {@code versions} that decodes {@code fr}, or {@link Detection#NONE}. */
  private static Detection decode(
      Format.Frames fr,
      int pos0,
      int s0,
      Format.Layout lay,
      WatermarkKey key,
      Warp warp,
      MarkVersion... versions) {
    double[][] var = MarkWeights.classVariances(fr);
    float[][] syncWeights = MarkWeights.classWeights(fr, var, pos0, lay, null);
    for (MarkVersion version : versions) {
      Detection d = decode(fr, pos0, s0, lay, key, warp, version, var, syncWeights);
      if (d.found()) {
        return d;
      }
    }
    return Detection.NONE;
  }

  private static Detection decode(
      Format.Frames fr,
      int pos0,
      int s0,
      Format.Layout lay,
      WatermarkKey key,
      Warp warp,
      MarkVersion version,
      double[][] var,
      float[][] syncWeights) {
    float[][] w = syncWeights;
    float[] soft = softBits(fr, pos0, lay, w, version);
    int[][] paths = version.decodeList(soft);
    Payload payload = firstChecked(paths, version);
    for (int round = 0; payload == null && round < REWEIGHT_ROUNDS; round++) {
      // decision-directed: the first guess is mostly right even when the CRC fails, and measuring
      // the weights on all 144 bins instead of the 24 sync bins makes them much less noisy
      int[] guess = version.slotBits(version.encodeInfo(paths[0]), lay);
      w = MarkWeights.classWeights(fr, var, pos0, lay, guess);
      soft = softBits(fr, pos0, lay, w, version);
      paths = version.decodeList(soft);
      payload = firstChecked(paths, version);
    }
    if (payload == null) {
      return Detection.NONE;
    }
    int[] code = version.codeword(payload);
    MarkConfirmation confirmation =
        MarkConfirmation.of(fr, pos0, s0, lay, version.slotBits(code, lay), w, var, warp.speed());
    if (confirmation.z() < MIN_Z) {
      return Detection.NONE;
    }
    return new Detection(
        payload,
        key.id(),
        confirmation.z(),
        bitErrors(soft, code),
        warp.speed(),
        warp.pitchKept(),
        confirmation.timeline(),
        version.number());
  }

  /** The payload of the first path whose CRC-32 matches, or null. */
  private static Payload firstChecked(int[][] paths, MarkVersion version) {
    for (int[] info : paths) {
      Payload p = version.checked(info);
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  /** Coded bits whose soft value has the wrong sign: the errors the code corrected. */
  private static int bitErrors(float[] soft, int[] code) {
    int errors = 0;
    for (int i = 0; i < code.length; i++) {
      if (soft[i] != 0 && (soft[i] > 0) != (code[i] == 1)) {
        errors++;
      }
    }
    return errors;
  }

  /** Weighted contrasts summed per coded bit over every frame (all block repetitions). */
  private static float[] softBits(
      Format.Frames fr, int pos0, Format.Layout lay, float[][] w, MarkVersion version) {
    float[] soft = new float[version.codedBits()];
    int[] slotBit = version.slotBit(lay);
    float[] wf = new float[Format.BINS];
    int p = pos0;
    for (int f = 0; f < fr.length(); f++) {
      float[] row = fr.v()[f];
      MarkWeights.binWeights(fr.level()[f], w, wf);
      for (int g = 0; g < Format.GROUPS; g++) {
        int slot = p * Format.GROUPS + g;
        soft[slotBit[slot]] += groupSum(row, wf, lay.dataBin[slot], lay.dataSign[slot]);
      }
      if (++p == Format.BLOCK) {
        p = 0;
      }
    }
    return soft;
  }

  private static float groupSum(float[] row, float[] binWeight, short[] bins, byte[] signs) {
    float a = 0;
    for (int j = 0; j < Format.GROUP; j++) {
      int k = bins[j];
      a += signs[j] * binWeight[k] * row[k];
    }
    return a;
  }
}
