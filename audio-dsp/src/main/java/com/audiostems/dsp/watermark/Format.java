package com.audiostems.dsp.watermark;

import com.audiostems.dsp.signal.RealFft;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mark's fixed format and the key-derived layout, shared by embedder and detector.
 *
 * <p>Reference rate 44.1 kHz, frames of 1024 samples (23.2 ms) on a grid with hop 1024. Bins
 * 16..159 (689 Hz - 6.85 kHz) carry the mark: in every frame a keyed permutation splits them into
 * 24 sync bins (known keyed signs) and 4 groups of 30 data bins, each group one coded bit. A block
 * is 360 frames (8.36 s) = 1440 data slots; the coded bits of the 160 info bits (128 payload +
 * CRC-32) are spread over the slots by a keyed interleaver: in {@link MarkVersion#V1} 498 bits of a
 * rate-1/3 K=7 convolutional code, each repeated ~2.9 times, in {@link MarkVersion#V2} 1,024 bits
 * of a polar code. Blocks repeat cyclically, so any excerpt of 8.4 s or more holds every coded bit,
 * and longer ones add up several repetitions.
 */
final class Format {

  static final int RATE_HZ = 44100;
  static final int N = 1024;
  static final int LO = 16;
  static final int HI = 160;
  static final int BINS = HI - LO;
  static final int SYNC = 24;
  static final int GROUPS = 4;
  static final int GROUP = 30;
  static final int BLOCK = 360;
  static final int SLOTS = BLOCK * GROUPS;
  static final int INFO_BITS = Payload.BITS + 32;
  static final int CODED = ConvolutionalCode.codedLength(INFO_BITS);
  static final float[] HANN = new float[N];

  /**
   * The detector analyses at half the rate: the mark lies below 6.9 kHz, and 512-sample frames at
   * 22.05 kHz span the same 23.2 ms with the same 43 Hz bins as 1024-sample frames at 44.1 kHz, for
   * less than half the FFT work.
   */
  static final int DET_RATE_HZ = RATE_HZ / 2;

  /**
   * The top of the band the detector reads: bin HI at the fastest speed it searches (1.031),
   * rounded up. Resampling to {@link #DET_RATE_HZ} must keep 0 .. this flat.
   */
  static final double MARK_TOP_HZ = 7_100;

  static final int DET_N = N / 2;
  static final float[] DET_HANN = new float[DET_N];

  /**
   * The detector weighs the mark per band of {@link #WBAND} bins (12 bands of 517 Hz): how much of
   * the mark survives differs a lot between bands (white noise swamps the upper bands of music
   * whose energy sits low, codecs starve some bands), so each band's evidence is weighted by its
   * measured mark-to-noise ratio instead of counting every bin alike.
   */
  static final int WBAND = 12;

  static final int WBANDS = BINS / WBAND;

  static {
    for (int i = 0; i < N; i++) {
      HANN[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / N));
    }
    for (int i = 0; i < DET_N; i++) {
      DET_HANN[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / DET_N));
    }
  }

  private static final ConcurrentHashMap<WatermarkKey, Layout> CACHE = new ConcurrentHashMap<>();

  private Format() {}

  /** The key's layout (cached). */
  static Layout layout(WatermarkKey key) {
    return CACHE.computeIfAbsent(key, Layout::new);
  }

  /** Key-derived positions and signs. Bin indices are relative to {@link #LO}. */
  static final class Layout {
    final short[][] syncBin = new short[BLOCK][SYNC];

    /** Weighting band ({@link #WBAND}) of each sync bin. */
    final byte[][] syncBand = new byte[BLOCK][SYNC];

    final byte[][] syncSign = new byte[BLOCK][SYNC];
    final short[][] dataBin = new short[BLOCK * GROUPS][GROUP];
    final byte[][] dataSign = new byte[BLOCK * GROUPS][GROUP];

    /** Coded-bit index carried by slot p * GROUPS + g ({@link MarkVersion#V1}). */
    final int[] slotBit = new int[SLOTS];

    /**
     * The same for {@link MarkVersion#V2}: the same keyed interleaver over its 1,024 coded bits.
     */
    final int[] slotBitV2 = new int[SLOTS];

    Layout(WatermarkKey key) {
      SplittableRandom r = new SplittableRandom(key.seed("audiostems-watermark-v1/layout"));
      int[] perm = new int[BINS];
      for (int p = 0; p < BLOCK; p++) {
        for (int i = 0; i < BINS; i++) {
          perm[i] = i;
        }
        shuffle(perm, r);
        byte[] s = balancedSigns(SYNC, r);
        for (int j = 0; j < SYNC; j++) {
          syncBin[p][j] = (short) perm[j];
          syncBand[p][j] = (byte) (perm[j] / WBAND);
          syncSign[p][j] = s[j];
        }
        for (int g = 0; g < GROUPS; g++) {
          byte[] d = balancedSigns(GROUP, r);
          for (int j = 0; j < GROUP; j++) {
            dataBin[p * GROUPS + g][j] = (short) perm[SYNC + g * GROUP + j];
            dataSign[p * GROUPS + g][j] = d[j];
          }
        }
      }
      int[] slots = new int[SLOTS];
      for (int i = 0; i < SLOTS; i++) {
        slots[i] = i;
      }
      shuffle(slots, r);
      for (int j = 0; j < SLOTS; j++) {
        slotBit[slots[j]] = j % CODED;
        slotBitV2[slots[j]] = j % MarkVersion.V2.codedBits();
      }
    }

    private static byte[] balancedSigns(int n, SplittableRandom r) {
      int[] idx = new int[n];
      for (int i = 0; i < n; i++) {
        idx[i] = i;
      }
      shuffle(idx, r);
      byte[] s = new byte[n];
      for (int i = 0; i < n; i++) {
        s[idx[i]] = (byte) (i < n / 2 ? 1 : -1);
      }
      return s;
    }

    private static void shuffle(int[] a, SplittableRandom r) {
      for (int i = a.length - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
      }
    }
  }

  /**
   * Log magnitude of bins LO..HI-1 of {@code frames} Hann-windowed frames of the detector's 22.05
   * kHz signal starting at {@code start} + f * DET_N.
   */
  static float[][] logBands(float[] x, int start, int frames, RealFft fft) {
    return logBands(x, f -> start + f * DET_N, frames, fft);
  }

  /**
   * {@link #logBands} of frames starting at {@code frameStart(f)} (a time-stretched copy's frames
   * lie on a hop other than DET_N).
   */
  static float[][] logBands(
      float[] x, java.util.function.IntUnaryOperator frameStart, int frames, RealFft fft) {
    float[] buf = new float[DET_N];
    float[][] out = new float[frames][BINS];
    for (int f = 0; f < frames; f++) {
      int s = frameStart.applyAsInt(f);
      for (int i = 0; i < DET_N; i++) {
        buf[i] = x[s + i] * DET_HANN[i];
      }
      fft.forward(buf);
      float[] o = out[f];
      double mean = 0;
      for (int k = LO; k < HI; k++) {
        float re = buf[2 * k];
        float im = buf[2 * k + 1];
        float p = re * re + im * im;
        o[k - LO] = p;
        mean += p;
      }
      float floor = (float) (mean / BINS * 1e-4 + 1e-18);
      for (int k = 0; k < BINS; k++) {
        o[k] = (float) (0.5 * Math.log(o[k] + floor));
      }
    }
    return out;
  }

  /**
   * Log magnitude of bins LO-lowMargin .. HI-1+highMargin of {@code frames} detector frames
   * starting at {@code start} + f * {@code hop} (the margins let the bins be read at other speeds).
   */
  static float[][] logBandsWide(
      float[] x, int start, int hop, int frames, int lowMargin, int highMargin, RealFft fft) {
    int lo = LO - lowMargin;
    int width = BINS + lowMargin + highMargin;
    float[] buf = new float[DET_N];
    float[][] out = new float[frames][width];
    for (int f = 0; f < frames; f++) {
      int s = start + f * hop;
      for (int i = 0; i < DET_N; i++) {
        buf[i] = x[s + i] * DET_HANN[i];
      }
      fft.forward(buf);
      float[] o = out[f];
      double mean = 0;
      for (int k = 0; k < width; k++) {
        float re = buf[2 * (lo + k)];
        float im = buf[2 * (lo + k) + 1];
        float p = re * re + im * im;
        o[k] = p;
        mean += p;
      }
      float floor = (float) (mean / width * 1e-4 + 1e-18);
      for (int k = 0; k < width; k++) {
        o[k] = (float) (0.5 * Math.log(o[k] + floor));
      }
    }
    return out;
  }

  /** Number of whole frames at {@code start} in a signal of {@code length} samples. */
  static int frameCount(int length, int start) {
    return Math.max(0, (length - start) / N);
  }

  /**
   * Number of whole detector frames at {@code start} in a 22.05 kHz signal of {@code length}
   * samples.
   */
  static int detFrameCount(int length, int start) {
    return Math.max(0, (length - start) / DET_N);
  }

  static final float CLIP = 1.5f;

  /**
   * Loudness classes per weighting band (quantiles of the bins' level over the analysed frames).
   */
  static final int LEVELS = 4;

  /** Contrasts for detection plus each bin's loudness class in every frame. */
  record Frames(float[][] v, byte[][] level) {
    int length() {
      return v.length;
    }
  }

  /** {@link #contrast} of log bands with loudness classes. */
  static Frames analyse(float[][] logBands) {
    return new Frames(contrast(logBands), levelClasses(logBands));
  }

  /**
   * Loudness class of every (frame, bin): the quantile of the bin's log magnitude among all the
   * analysed frames' bins of its weighting band. White noise or a codec's quantisation leaves the
   * mark in the bins well above their floor and drowns it in the others, also between the partials
   * of one frame, so the detector measures the mark's strength per class.
   */
  static byte[][] levelClasses(float[][] l) {
    int n = l.length;
    byte[][] cls = new byte[n][BINS];
    float[] sorted = new float[n * WBAND];
    float[] edge = new float[LEVELS];
    for (int b = 0; b < WBANDS; b++) {
      int m = 0;
      for (int f = 0; f < n; f++) {
        for (int k = b * WBAND; k < (b + 1) * WBAND; k++) {
          sorted[m++] = l[f][k];
        }
      }
      java.util.Arrays.sort(sorted, 0, m);
      for (int q = 1; q < LEVELS; q++) {
        edge[q] = sorted[q * m / LEVELS];
      }
      for (int f = 0; f < n; f++) {
        for (int k = b * WBAND; k < (b + 1) * WBAND; k++) {
          int c = 0;
          for (int q = 1; q < LEVELS; q++) {
            if (l[f][k] > edge[q]) {
              c = q;
            }
          }
          cls[f][k] = (byte) c;
        }
      }
    }
    return cls;
  }

  /**
   * Detection values: each log magnitude minus the mean of the same bin in the neighbouring frames
   * (removes the stationary part of the host, which the keyed per-frame signs do not share),
   * clipped to +-{@link #CLIP}.
   */
  static float[][] contrast(float[][] l) {
    int n = l.length;
    float[][] v = new float[n][BINS];
    for (int f = 0; f < n; f++) {
      float[] a = f > 0 ? l[f - 1] : null;
      float[] b = f + 1 < n ? l[f + 1] : null;
      for (int k = 0; k < BINS; k++) {
        float ref;
        if (a != null && b != null) {
          ref = 0.5f * (a[k] + b[k]);
        } else if (a != null) {
          ref = a[k];
        } else if (b != null) {
          ref = b[k];
        } else {
          ref = l[f][k];
        }
        float d = l[f][k] - ref;
        v[f][k] = d > CLIP ? CLIP : (d < -CLIP ? -CLIP : d);
      }
    }
    return v;
  }
}
