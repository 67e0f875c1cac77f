package com.audiostems.dsp.rhythm;

import com.audiostems.dsp.signal.RealFft;
import java.util.Arrays;

/**
 * The tempo model's view of the signal (issue 18): how periodic the onset envelopes are at every
 * tempo on a log-spaced grid, measured two ways — the autocorrelation (peaks at the beat period and
 * its multiples: the slower readings) and the magnitude spectrum (peaks at the beat rate and its
 * harmonics: the faster readings) — for the broadband, low-band and accent envelopes, plus where
 * the rules' estimate lies. The network then reads each tempo class together with its ×⅓ … ×3 (see
 * training/tempo/train_tempogram.py).
 *
 * <p>Pure Java and deterministic: bench/tempo-features.sh dumps exactly this for the training, so
 * the model is trained on what the pipeline gives it.
 *
 * <p>Each {@link #WINDOW_SECONDS} window (the training excerpts' length) is measured on its own and
 * normalised, and the windows of the middle {@link #SPAN_SECONDS} are averaged: a song's middle
 * minute, as the tempo levels are judged on.
 *
 * @param values {@code values[channel][bin]}: channels in {@link #CHANNELS} order, bin {@code b} at
 *     {@link #bpmOfBin(int)}
 */
public record Tempogram(float[][] values) {

  /** Bins per octave of tempo: 1.45 % apart, a third of the ±4 % that Accuracy1 allows. */
  public static final int BINS_PER_OCTAVE = 48;

  /** The tempo classes the model chooses from: {@link #LOWEST_CLASS_BPM} × 2^(k / 48), k < 157. */
  public static final int CLASSES = 157;

  public static final double LOWEST_CLASS_BPM = 30;

  /**
   * How far the grid reaches beyond the classes on either side, bins: ×3 (76 bins) and ×⅓, so that
   * every class's ×⅓ … ×3 readings are on it.
   */
  public static final int MARGIN_BINS = 76;

  /** Bins of the grid: the classes and a margin either side (7.2–1,098 BPM after the margin). */
  public static final int BINS = CLASSES + 2 * MARGIN_BINS;

  /** The channels, as the model and the training dump name them. */
  public static final java.util.List<String> CHANNELS =
      java.util.List.of(
          "acf_broadband",
          "acf_low",
          "acf_accent",
          "spectrum_broadband",
          "spectrum_low",
          "spectrum_accent",
          "rules",
          "log2_onsets_per_beat",
          "log2_bpm_over_110");

  /** The training excerpts' length: the model sees windows of this, seconds. */
  static final double WINDOW_SECONDS = 12;

  /** How much of a track's middle is measured, seconds. */
  static final double SPAN_SECONDS = 60;

  /** Width of the rules' bump, bins (Gaussian sigma). */
  static final double RULES_SIGMA_BINS = 1.5;

  /** The tempo at grid bin {@code bin} (bin {@link #MARGIN_BINS} is the lowest class), BPM. */
  public static double bpmOfBin(double bin) {
    return LOWEST_CLASS_BPM * Math.pow(2, (bin - MARGIN_BINS) / BINS_PER_OCTAVE);
  }

  /** The tempo of class {@code k}, BPM. */
  public static double bpmOfClass(double k) {
    return bpmOfBin(k + MARGIN_BINS);
  }

  /** The grid position of {@code bpm}, bins (fractional). */
  public static double binOf(double bpm) {
    return MARGIN_BINS + BINS_PER_OCTAVE * Math.log(bpm / LOWEST_CLASS_BPM) / Math.log(2);
  }

  /**
   * The tempogram of {@code features}' envelopes, with the rules' tempo {@code rulesBpm} (0: none)
   * and the track's onsets per second ({@link OnsetRate}): how many onsets fall in a beat tells a
   * busy slow song from a sparse fast one, the octave question.
   */
  public static Tempogram of(OnsetFeatures features, double rulesBpm, double onsetsPerSecond) {
    OnsetEnvelope[] envelopes = {features.broadband(), features.lowBand(), features.accent()};
    double rate = envelopes[0].frameRateHz();
    int length = envelopes[0].strength().length;
    int window = (int) Math.min(length, Math.round(WINDOW_SECONDS * rate));
    int span = (int) Math.min(length, Math.round(SPAN_SECONDS * rate));
    int first = (length - span) / 2;
    // Windows half overlapping across the span; one when the span is a window (a 12 s excerpt).
    int hop = Math.max(1, window / 2);
    int windows = span <= window ? 1 : 1 + (int) Math.ceil((double) (span - window) / hop);
    float[][] values = new float[CHANNELS.size()][BINS];
    if (window < 8) {
      return new Tempogram(values);
    }
    int size = fftSizeFor(window);
    RealFft fft = new RealFft(size);
    float[] taper = hann(window);
    float[] buffer = new float[size];
    double[] lagFrames = new double[BINS];
    double[] rateBins = new double[BINS];
    for (int b = 0; b < BINS; b++) {
      double bpm = bpmOfBin(b);
      lagFrames[b] = 60 * rate / bpm;
      rateBins[b] = bpm / 60 / rate * size;
    }
    for (int w = 0; w < windows; w++) {
      int from = Math.min(first + w * hop, first + span - window);
      for (int e = 0; e < envelopes.length; e++) {
        float[] x = envelopes[e].strength();
        accumulate(
            x, from, window, taper, fft, buffer, lagFrames, rateBins, values[e], values[e + 3]);
      }
    }
    for (int c = 0; c < 6; c++) {
      for (int b = 0; b < BINS; b++) {
        values[c][b] /= windows;
      }
    }
    if (rulesBpm > 0) {
      double centre = binOf(rulesBpm);
      for (int b = 0; b < BINS; b++) {
        double d = (b - centre) / RULES_SIGMA_BINS;
        values[6][b] = (float) Math.exp(-0.5 * d * d);
      }
    }
    for (int b = 0; b < BINS; b++) {
      double bpm = bpmOfBin(b);
      values[7][b] = (float) log2(Math.max(1e-3, onsetsPerSecond * 60 / bpm));
      values[8][b] = (float) log2(bpm / 110);
    }
    return new Tempogram(values);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /** A zero-padded FFT at least four times the window, for a fine (interpolated) rate axis. */
  private static int fftSizeFor(int window) {
    return Math.max(8192, Integer.highestOneBit(4 * window - 1) * 2);
  }

  /**
   * Adds one window's autocorrelation (normalised by its value at lag 0) and magnitude spectrum
   * (normalised by its largest value on the grid) at the grid's tempi to {@code acf} and {@code
   * spectrum}.
   */
  private static void accumulate(
      float[] x,
      int from,
      int window,
      float[] taper,
      RealFft fft,
      float[] buffer,
      double[] lagFrames,
      double[] rateBins,
      float[] acf,
      float[] spectrum) {
    double mean = 0;
    for (int i = 0; i < window; i++) {
      mean += x[from + i];
    }
    mean /= window;
    Arrays.fill(buffer, 0f);
    for (int i = 0; i < window; i++) {
      buffer[i] = (float) ((x[from + i] - mean) * taper[i]);
    }
    fft.forward(buffer);
    int size = buffer.length;
    int half = size / 2;
    float[] magnitude = new float[half + 1];
    magnitude[0] = Math.abs(buffer[0]);
    magnitude[half] = Math.abs(buffer[1]);
    buffer[0] *= buffer[0];
    buffer[1] *= buffer[1];
    for (int k = 1; k < half; k++) {
      float re = buffer[2 * k];
      float im = buffer[2 * k + 1];
      float power = re * re + im * im;
      magnitude[k] = (float) Math.sqrt(power);
      buffer[2 * k] = power;
      buffer[2 * k + 1] = 0;
    }
    fft.inverse(buffer); // the autocorrelation of the tapered window (size >= 2 × window: linear)
    double energy = buffer[0];
    double loudest = 1e-12;
    float[] sampled = new float[rateBins.length];
    for (int b = 0; b < rateBins.length; b++) {
      sampled[b] = (float) interpolate(magnitude, rateBins[b]);
      loudest = Math.max(loudest, sampled[b]);
    }
    for (int b = 0; b < rateBins.length; b++) {
      spectrum[b] += (float) (sampled[b] / loudest);
      double lag = lagFrames[b];
      acf[b] += energy > 0 && lag < window - 1 ? (float) (interpolate(buffer, lag) / energy) : 0f;
    }
  }

  /** Linear interpolation of {@code v} at fractional index {@code at} (0 beyond the end). */
  private static double interpolate(float[] v, double at) {
    int i = (int) Math.floor(at);
    if (i < 0 || i + 1 >= v.length) {
      return 0;
    }
    double t = at - i;
    return v[i] * (1 - t) + v[i + 1] * t;
  }

  private static float[] hann(int n) {
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / n));
    }
    return w;
  }
}
