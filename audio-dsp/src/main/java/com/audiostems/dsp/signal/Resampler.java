package com.audiostems.dsp.signal;

/**
 * Sample-rate conversion: the one resampler of the DSP, used by analysis, fingerprinting and the
 * watermark.
 *
 * <p>Two kinds of stage, both band-limited (windowed-sinc) so that what lies above the new Nyquist
 * is removed instead of folded down:
 *
 * <ul>
 *   <li>{@link #halve}: exact 2:1 through a {@link HalfBandFilter}, whose even taps are zero, so a
 *       halving costs a quarter of an arbitrary-ratio stage; the cheap way down from 44.1/48/96
 *       kHz.
 *   <li>{@link #resample}: any ratio (44.1 → 8 kHz, 48 → 22.05 kHz, a 1 % speed change) by a
 *       Kaiser-windowed sinc (beta 8, {@value #ZERO_CROSSINGS} zero crossings each side, read from
 *       a table of {@value #TABLE_STEPS} steps per crossing with linear interpolation), low-pass at
 *       {@value #CUTOFF} of the lower of the two Nyquist frequencies. Measured (ResamplerTest's
 *       sines): flat within 0.1 dB to 0.75 of the lower Nyquist, −3 dB at 0.9, −6 dB at 0.95, at
 *       least 70 dB down from 1.2 (−18 dB at 1.05). Each output sample is divided by the sum of its
 *       weights, so DC passes exactly and the edges are not darkened. This is the fingerprint's
 *       original kernel, kept so that fingerprints (and the indexes built from them) do not change.
 * </ul>
 *
 * {@link #toRate} chains them: halvings while they keep the wanted band, then one arbitrary stage.
 * Output sample {@code i} is the input at time {@code i / outRateHz}: no delay is added.
 */
public final class Resampler {

  /** {@link #toAnalysisRate} halves until the rate is at most this: 22.05 or 24 kHz. */
  public static final int MAX_ANALYSIS_RATE_HZ = 24_000;

  private static final int ZERO_CROSSINGS = 10;
  private static final int TABLE_STEPS = 256;
  private static final double CUTOFF = 0.95;
  private static final float[] KERNEL = kernel();

  private Resampler() {}

  /**
   * {@code samples} at {@code inRateHz}, resampled to {@code outRateHz} in one windowed-sinc stage:
   * {@code floor((n − 1) · outRateHz / inRateHz) + 1} samples; a copy when the rates are equal.
   * Only the ratio of the rates matters, so a speed change by {@code s} is {@code resample(x, 1,
   * s)}.
   */
  public static float[] resample(float[] samples, double inRateHz, double outRateHz) {
    if (inRateHz == outRateHz) {
      return samples.clone();
    }
    double step = inRateHz / outRateHz; // input samples per output sample
    double scale = Math.max(1.0, step); // kernel stretch in input samples
    int n = (int) Math.floor((samples.length - 1) / step) + 1;
    float[] y = new float[Math.max(0, n)];
    double reach = ZERO_CROSSINGS * scale;
    double tablePerInput = TABLE_STEPS / scale;
    for (int o = 0; o < y.length; o++) {
      double c = o * step;
      int lo = Math.max(0, (int) Math.ceil(c - reach));
      int hi = Math.min(samples.length - 1, (int) Math.floor(c + reach));
      y[o] = weightedMean(samples, lo, hi, c, tablePerInput);
    }
    return y;
  }

  /** The kernel-weighted mean of {@code x[lo..hi]} around input position {@code centre}. */
  private static float weightedMean(
      float[] x, int lo, int hi, double centre, double tablePerInput) {
    double acc = 0;
    double wsum = 0;
    for (int i = lo; i <= hi; i++) {
      double pos = Math.abs(i - centre) * tablePerInput;
      int k = (int) pos;
      if (k >= KERNEL.length - 1) {
        continue;
      }
      double frac = pos - k;
      double w = KERNEL[k] + frac * (KERNEL[k + 1] - KERNEL[k]);
      acc += w * x[i];
      wsum += w;
    }
    return wsum != 0 ? (float) (acc / wsum) : 0f;
  }

  /** {@code samples} at half their rate through {@link HalfBandFilter#TRANSPARENT}. */
  public static float[] halve(float[] samples) {
    return halve(samples, HalfBandFilter.TRANSPARENT);
  }

  /**
   * {@code samples} low-passed by {@code filter} and every other sample kept (the even ones):
   * {@code (n + 1) / 2} samples at half the rate, zeros assumed outside the signal; the whole
   * signal through a {@link HalvingStream}.
   */
  public static float[] halve(float[] samples, HalfBandFilter filter) {
    float[] halved = new float[(samples.length + 1) / 2];
    int[] written = {0};
    HalvingStream stream =
        new HalvingStream(
            filter,
            (block, count) -> {
              System.arraycopy(block, 0, halved, written[0], count);
              written[0] += count;
            });
    stream.accept(samples, 0, samples.length);
    stream.finish();
    return halved;
  }

  /**
   * {@code samples} halved through {@code filter} while {@code sampleRateHz} is even and above
   * {@code maxRateHz}; unchanged (the same array) when it is not.
   */
  public static MonoSignal halveWhileAbove(
      float[] samples, int sampleRateHz, int maxRateHz, HalfBandFilter filter) {
    float[] x = samples;
    int rate = sampleRateHz;
    while (rate > maxRateHz && rate % 2 == 0) {
      x = halve(x, filter);
      rate /= 2;
    }
    return new MonoSignal(x, rate);
  }

  /**
   * {@code mono} at the largest rate ≤ {@link #MAX_ANALYSIS_RATE_HZ} reachable by transparent
   * halvings of {@code sampleRateHz} (44.1 → 22.05 kHz, 48/96/192 → 24 kHz); the analysers read
   * music below 11–12 kHz and run 2–8 times faster there.
   */
  public static MonoSignal toAnalysisRate(float[] mono, int sampleRateHz) {
    return halveWhileAbove(mono, sampleRateHz, MAX_ANALYSIS_RATE_HZ, HalfBandFilter.TRANSPARENT);
  }

  /**
   * Whether {@link #toAnalysisRate} halves a signal at {@code sampleRateHz} (once more): the rate
   * is even and above {@link #MAX_ANALYSIS_RATE_HZ}. {@link AnalysisRateStream} follows it.
   */
  static boolean halvesForAnalysis(int sampleRateHz) {
    return sampleRateHz > MAX_ANALYSIS_RATE_HZ && sampleRateHz % 2 == 0;
  }

  /**
   * {@link #toRate(float[], int, int, double)} keeping the whole output band, 0 .. {@code
   * outRateHz} / 2.
   */
  public static float[] toRate(float[] samples, int inRateHz, int outRateHz) {
    return toRate(samples, inRateHz, outRateHz, outRateHz / 2.0);
  }

  /**
   * {@code samples} at {@code inRateHz} converted to {@code outRateHz}: transparent halvings while
   * the halved rate is still ≥ {@code outRateHz} and its passband still holds 0 .. {@code keptHz},
   * then one {@link #resample} stage when the rate is not yet {@code outRateHz}. 44.1 → 8 kHz is
   * two halvings and 11.025 → 8 kHz; 44.1 → 22.05 kHz with {@code keptHz} ≤ 8.8 kHz one halving.
   */
  public static float[] toRate(float[] samples, int inRateHz, int outRateHz, double keptHz) {
    float[] x = samples;
    int rate = inRateHz;
    while (rate % 2 == 0
        && rate / 2 >= outRateHz
        && HalfBandFilter.TRANSPARENT_PASSBAND * (rate / 2) >= keptHz) {
      x = halve(x);
      rate /= 2;
    }
    return rate == outRateHz ? x : resample(x, rate, outRateHz);
  }

  private static float[] kernel() {
    int len = ZERO_CROSSINGS * TABLE_STEPS + 2;
    float[] k = new float[len];
    double beta = 8.0;
    double i0b = Windows.besselI0(beta);
    for (int j = 0; j < len; j++) {
      double d = (double) j / TABLE_STEPS;
      if (d >= ZERO_CROSSINGS) {
        k[j] = 0f;
        continue;
      }
      double arg = Math.PI * CUTOFF * d;
      double sinc = d == 0 ? 1.0 : Math.sin(arg) / arg;
      double r = d / ZERO_CROSSINGS;
      double w = Windows.besselI0(beta * Math.sqrt(1 - r * r)) / i0b;
      k[j] = (float) (sinc * w);
    }
    return k;
  }
}
