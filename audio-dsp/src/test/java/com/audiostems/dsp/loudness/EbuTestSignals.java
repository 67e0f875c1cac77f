package com.audiostems.dsp.loudness;

import java.util.ArrayList;
import java.util.List;

/**
 * Synthesises the test signals of EBU Tech 3341 (V4, Table 1) and Tech 3342 (Table 1) from their
 * textual descriptions, at any sample rate (the EBU's own files are 48 kHz).
 *
 * <p>"Tones similar to #1": a 1000 Hz sine applied in phase to both stereo channels, its level
 * given as the per-channel peak in dBFS. Silence is written as {@link #SILENCE}.
 */
final class EbuTestSignals {

  static final double SILENCE = Double.NEGATIVE_INFINITY;
  static final double TONE_HZ = 1000;

  private EbuTestSignals() {}

  /** One stretch of a tone sequence: its duration and per-channel peak level. */
  record Segment(double seconds, double peakDbfs) {}

  static Segment tone(double seconds, double peakDbfs) {
    return new Segment(seconds, peakDbfs);
  }

  static Segment silence(double seconds) {
    return new Segment(seconds, SILENCE);
  }

  /**
   * A stereo 1 kHz tone sequence. Segment boundaries are rounded to whole samples from their
   * cumulative start times, so a long sequence does not drift; the sine's phase runs on across
   * segments (the level steps, the oscillator does not restart).
   */
  static float[][] stereoTones(int rateHz, List<Segment> segments) {
    float[] mono = tones(rateHz, segments);
    return new float[][] {mono, mono.clone()};
  }

  static float[] tones(int rateHz, List<Segment> segments) {
    double total = 0;
    for (Segment s : segments) {
      total += s.seconds();
    }
    float[] x = new float[(int) Math.round(total * rateHz)];
    double start = 0;
    for (Segment s : segments) {
      int from = (int) Math.round(start * rateHz);
      start += s.seconds();
      int to = (int) Math.round(start * rateHz);
      double amplitude = Math.pow(10, s.peakDbfs() / 20); // 0 for SILENCE
      for (int i = from; i < to; i++) {
        x[i] = (float) (amplitude * Math.sin(2 * Math.PI * TONE_HZ * i / rateHz));
      }
    }
    return x;
  }

  /** {@code segments} repeated {@code times} times. */
  static List<Segment> repeated(int times, Segment... segments) {
    List<Segment> all = new ArrayList<>();
    for (int t = 0; t < times; t++) {
      all.addAll(List.of(segments));
    }
    return all;
  }

  /** Concatenates planar signals with the same channel count. */
  static float[][] concat(List<float[][]> parts) {
    int channels = parts.get(0).length;
    int frames = 0;
    for (float[][] p : parts) {
      frames += p[0].length;
    }
    float[][] out = new float[channels][frames];
    int at = 0;
    for (float[][] p : parts) {
      for (int c = 0; c < channels; c++) {
        System.arraycopy(p[c], 0, out[c], at, p[c].length);
      }
      at += p[0].length;
    }
    return out;
  }

  /**
   * Tech 3341 cases 15-19: a stereo sine at {@code rate / divisor} Hz, {@code amplitude} FFS
   * (full-scale units, 1.0 = full scale), starting at {@code phaseDegrees}, with 10 ms raised
   * cosine fades in and out ("the tone should be tapered with a 10 ms fade-in and fade-out").
   */
  static float[][] truePeakSine(
      int rateHz, int divisor, double amplitude, double phaseDegrees, double seconds) {
    int n = (int) Math.round(seconds * rateHz);
    int fade = (int) Math.round(0.010 * rateHz);
    float[] x = new float[n];
    double phase = Math.toRadians(phaseDegrees);
    for (int i = 0; i < n; i++) {
      x[i] = (float) (amplitude * taper(i, n, fade) * Math.sin(2 * Math.PI * i / divisor + phase));
    }
    return new float[][] {x, x.clone()};
  }

  /**
   * Tech 3341 cases 20-23: a sine at fs/6, 0.50 FFS, containing a single period of a sine at fs/4,
   * 1.00 FFS, continuous in phase on both sides (it starts and ends at an upward zero crossing of
   * the fs/6 tone), synthesised at 4 fs, low-pass filtered at fs/2 and decimated to fs keeping
   * every 4th sample from {@code offset} (0..3). Short fades at the ends.
   */
  static float[][] interSamplePeak(int rateHz, int offset, double seconds) {
    int up = 4;
    int n = (int) Math.round(seconds * rateHz) * up;
    int slowPeriod = 6 * up; // fs/6 at 4 fs
    int fastPeriod = 4 * up; // fs/4 at 4 fs
    int burst = (n / 2 / slowPeriod) * slowPeriod; // an upward zero crossing of the slow tone
    double[] hi = new double[n];
    for (int i = 0; i < n; i++) {
      if (i < burst) {
        hi[i] = 0.5 * Math.sin(2 * Math.PI * i / slowPeriod);
      } else if (i < burst + fastPeriod) {
        hi[i] = Math.sin(2 * Math.PI * (i - burst) / fastPeriod);
      } else {
        hi[i] = 0.5 * Math.sin(2 * Math.PI * (i - burst - fastPeriod) / slowPeriod);
      }
    }
    int fade = (int) Math.round(0.010 * rateHz) * up;
    for (int i = 0; i < n; i++) {
      hi[i] *= taper(i, n, fade);
    }
    double[] filtered = lowPass(hi, 0.5 / up);
    float[] x = new float[n / up];
    for (int i = 0; i < x.length; i++) {
      int j = i * up + offset;
      x[i] = j < n ? (float) filtered[j] : 0f;
    }
    return new float[][] {x, x.clone()};
  }

  /** Raised-cosine fade-in and fade-out of {@code fade} samples each. */
  private static double taper(int i, int n, int fade) {
    int edge = Math.min(i, n - 1 - i);
    return edge >= fade ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * edge / fade);
  }

  /**
   * A linear-phase anti-aliasing low-pass (Kaiser-windowed sinc, 511 taps, beta 9) with its cut-off
   * at {@code cutoff} cycles per sample, applied with zero delay.
   */
  private static double[] lowPass(double[] x, double cutoff) {
    int half = 255;
    double beta = 9;
    double[] h = new double[2 * half + 1];
    double sum = 0;
    for (int k = -half; k <= half; k++) {
      double sinc = k == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * k) / (Math.PI * k);
      double r = (double) k / half;
      h[k + half] = sinc * besselI0(beta * Math.sqrt(1 - r * r)) / besselI0(beta);
      sum += h[k + half];
    }
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double acc = 0;
      int lo = Math.max(-half, i - (x.length - 1));
      int hiK = Math.min(half, i);
      for (int k = lo; k <= hiK; k++) {
        acc += h[k + half] * x[i - k];
      }
      y[i] = acc / sum;
    }
    return y;
  }

  private static double besselI0(double x) {
    double term = 1;
    double sum = 1;
    for (int k = 1; k < 100; k++) {
      term *= (x / 2) * (x / 2) / ((double) k * k);
      sum += term;
    }
    return sum;
  }

  /** Tech 3341 case 6: 1 kHz in L, R, C, Ls, Rs at the given per-channel peak levels. */
  static float[][] surround50(int rateHz, double seconds, double[] peakDbfs) {
    float[][] x = new float[peakDbfs.length][];
    for (int c = 0; c < peakDbfs.length; c++) {
      x[c] = tones(rateHz, List.of(tone(seconds, peakDbfs[c])));
    }
    return x;
  }

  /** Inserts a silent channel at {@code index} (the LFE of a 5.1 file). */
  static float[][] withSilentChannel(float[][] x, int index) {
    float[][] out = new float[x.length + 1][];
    for (int c = 0, from = 0; c < out.length; c++) {
      out[c] = c == index ? new float[x[0].length] : x[from++];
    }
    return out;
  }
}
