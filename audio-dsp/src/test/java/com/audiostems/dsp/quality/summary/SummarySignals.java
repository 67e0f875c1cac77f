package com.audiostems.dsp.quality.summary;

import com.audiostems.dsp.signal.RealFft;
import java.util.SplittableRandom;

/**
 * Test signals with known content, shared by the summary tests here and the render tests in
 * activities: a sine, a stereo sine whose left channel is hard-clipped from {@link #CLIP_START_S}
 * to {@link #CLIP_END_S}, and white noise with nothing above a cut-off.
 */
public final class SummarySignals {

  private SummarySignals() {}

  public static final int RATE_48K = 48_000;
  public static final int RATE_44K = 44_100;
  public static final int RATE_96K = 96_000;

  /** Clipped stretch of {@link #clippedStereo}'s left channel, in seconds. */
  public static final double CLIP_START_S = 4.0;

  public static final double CLIP_END_S = 5.0;
  public static final double CLIPPED_TRACK_S = 10.0;

  /** A lossy encoder's typical low-pass (128 kbit/s MP3). */
  public static final double CUTOFF_HZ = 16_000;

  public static float[] sine(double hz, double amplitude, int rate, double seconds) {
    float[] x = new float[(int) Math.round(rate * seconds)];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return x;
  }

  public static float[][] clippedStereo() {
    float[] left = sine(220, 0.5, RATE_48K, CLIPPED_TRACK_S);
    float[] right = left.clone();
    int from = (int) (CLIP_START_S * RATE_48K);
    int to = (int) (CLIP_END_S * RATE_48K);
    for (int i = from; i < to; i++) {
      left[i] = Math.max(-1f, Math.min(1f, left[i] * 3));
    }
    return new float[][] {left, right};
  }

  /**
   * {@code seconds} of white noise at {@code rms} with no energy above {@code cutoffHz}: random
   * phases and equal magnitudes in the bins up to the cut-off of one inverse FFT (a periodic
   * signal, repeated to length).
   */
  public static float[] bandLimitedNoise(
      int rate, double cutoffHz, double rms, double seconds, long seed) {
    int n = 1 << 17;
    RealFft fft = new RealFft(n);
    float[] spectrum = new float[n];
    SplittableRandom random = new SplittableRandom(seed);
    int lastBin = (int) Math.floor(cutoffHz * n / rate);
    for (int k = 1; k < n / 2 && k <= lastBin; k++) {
      double phase = random.nextDouble(2 * Math.PI);
      spectrum[2 * k] = (float) Math.cos(phase);
      spectrum[2 * k + 1] = (float) Math.sin(phase);
    }
    fft.inverse(spectrum);
    double sum = 0;
    for (float v : spectrum) {
      sum += (double) v * v;
    }
    double scale = rms / Math.sqrt(sum / n);
    float[] out = new float[(int) Math.round(rate * seconds)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (spectrum[i % n] * scale);
    }
    return out;
  }
}
