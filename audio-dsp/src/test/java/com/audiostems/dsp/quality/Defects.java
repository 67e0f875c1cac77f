package com.audiostems.dsp.quality;

import com.audiostems.dsp.signal.RealFft;
import com.audiostems.dsp.testing.FfmpegRoundTrip;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Generators of defective (and clean) variants of a piece, for the quality suites. */
final class Defects {
  private Defects() {}

  static float[][] copy(float[][] x) {
    float[][] y = new float[x.length][];
    for (int c = 0; c < x.length; c++) {
      y[c] = x[c].clone();
    }
    return y;
  }

  /** Rounds to a {@code bits}-bit grid (full scale 2^(bits-1)), clamped as a converter does. */
  static float[][] quantise(float[][] x, int bits) {
    double scale = Math.pow(2, bits - 1);
    float[][] y = new float[x.length][x[0].length];
    for (int c = 0; c < x.length; c++) {
      for (int i = 0; i < x[c].length; i++) {
        double q = Math.rint(x[c][i] * scale);
        q = Math.max(-scale, Math.min(scale - 1, q));
        y[c][i] = (float) (q / scale);
      }
    }
    return y;
  }

  static float[][] mono(float[][] x) {
    float[] m = new float[x[0].length];
    for (int i = 0; i < m.length; i++) {
      m[i] = 0.5f * (x[0][i] + x[1][i]);
    }
    return new float[][] {m};
  }

  static float[][] gain(float[][] x, double db) {
    float g = (float) Math.pow(10, db / 20);
    float[][] y = copy(x);
    for (float[] c : y) {
      for (int i = 0; i < c.length; i++) {
        c[i] *= g;
      }
    }
    return y;
  }

  /** Gain, then hard clip at full scale: a digital overload. */
  static float[][] clip(float[][] x, double driveDb) {
    float[][] y = gain(x, driveDb);
    for (float[] c : y) {
      for (int i = 0; i < c.length; i++) {
        c[i] = Math.max(-1f, Math.min(1f, c[i]));
      }
    }
    return y;
  }

  static float[][] dc(float[][] x, double offset) {
    float[][] y = copy(x);
    for (float[] c : y) {
      for (int i = 0; i < c.length; i++) {
        c[i] += (float) offset;
      }
    }
    return y;
  }

  static float[][] pad(float[][] x, int leading, int trailing) {
    float[][] y = new float[x.length][leading + x[0].length + trailing];
    for (int c = 0; c < x.length; c++) {
      System.arraycopy(x[c], 0, y[c], leading, x[c].length);
    }
    return y;
  }

  /**
   * Replaces {@code length} frames from {@code start} with {@code level}-amplitude noise (0:
   * zeros).
   */
  static float[][] gap(float[][] x, int start, int length, double level, long seed) {
    float[][] y = copy(x);
    SplittableRandom rnd = new SplittableRandom(seed);
    for (float[] c : y) {
      for (int i = start; i < start + length; i++) {
        c[i] = (float) (level * (rnd.nextDouble() * 2 - 1));
      }
    }
    return y;
  }

  /** Adds independent white noise at {@code rmsDbfs} to every channel. */
  static float[][] noise(float[][] x, double rmsDbfs, long seed) {
    float[][] y = copy(x);
    double sigma = Math.pow(10, rmsDbfs / 20);
    SplittableRandom rnd = new SplittableRandom(seed);
    for (float[] c : y) {
      for (int i = 0; i < c.length; i++) {
        c[i] += (float) (sigma * gauss(rnd));
      }
    }
    return y;
  }

  static double gauss(SplittableRandom r) {
    double u = r.nextDouble(1e-300, 1);
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Both channels = the mid, plus an optional per-channel gain offset on the right. */
  static float[][] dualMono(float[][] x, double rightDb) {
    float[] m = mono(x)[0];
    float[] r = m.clone();
    float g = (float) Math.pow(10, rightDb / 20);
    for (int i = 0; i < r.length; i++) {
      r[i] *= g;
    }
    return new float[][] {m.clone(), r};
  }

  static float[][] invert(float[][] x, int channel) {
    float[][] y = copy(x);
    for (int i = 0; i < y[channel].length; i++) {
      y[channel][i] = -y[channel][i];
    }
    return y;
  }

  static float[][] attenuate(float[][] x, int channel, double db) {
    float[][] y = copy(x);
    float g = (float) Math.pow(10, -db / 20);
    for (int i = 0; i < y[channel].length; i++) {
      y[channel][i] *= g;
    }
    return y;
  }

  /** Rotates the phase of every frequency of one channel by {@code degrees} (an all-pass). */
  static float[][] rotatePhase(float[][] x, int channel, double degrees) {
    int n = x[channel].length;
    int size = Integer.highestOneBit(n - 1) << 1;
    float[] a = Arrays.copyOf(x[channel], size);
    RealFft fft = new RealFft(size);
    fft.forward(a);
    double c = Math.cos(Math.toRadians(degrees));
    double s = Math.sin(Math.toRadians(degrees));
    a[0] *= (float) c;
    a[1] *= (float) c;
    for (int k = 1; k < size / 2; k++) {
      double re = a[2 * k];
      double im = a[2 * k + 1];
      a[2 * k] = (float) (re * c - im * s);
      a[2 * k + 1] = (float) (re * s + im * c);
    }
    fft.inverse(a);
    float[][] y = copy(x);
    System.arraycopy(a, 0, y[channel], 0, n);
    return y;
  }

  /**
   * A loud master: {@code driveDb} of gain into a look-ahead brick-wall limiter (1.5 ms look-ahead,
   * instant attack, 80 ms release, stereo-linked) with its ceiling at -1 dBFS.
   */
  static float[][] limit(float[][] x, int sampleRateHz, double driveDb) {
    float[][] y = gain(x, driveDb);
    int n = y[0].length;
    double ceiling = Math.pow(10, -1 / 20.0);
    int look = Math.max(1, (int) (0.0015 * sampleRateHz));
    double[] need = new double[n];
    for (int i = 0; i < n; i++) {
      double p = 0;
      for (float[] c : y) {
        p = Math.max(p, Math.abs(c[i]));
      }
      need[i] = p > ceiling ? ceiling / p : 1;
    }
    // Minimum of the needed gain over the look-ahead window, then release smoothing.
    double[] g = new double[n];
    java.util.ArrayDeque<Integer> dq = new java.util.ArrayDeque<>();
    for (int i = n - 1; i >= 0; i--) {
      while (!dq.isEmpty() && need[dq.peekLast()] >= need[i]) {
        dq.pollLast();
      }
      dq.addLast(i);
      while (dq.peekFirst() > i + look) {
        dq.pollFirst();
      }
      g[i] = need[dq.peekFirst()];
    }
    double rel = Math.exp(-1 / (0.08 * sampleRateHz));
    double env = 1;
    for (int i = 0; i < n; i++) {
      env = g[i] < env ? g[i] : g[i] + (env - g[i]) * rel;
      for (float[] c : y) {
        c[i] = (float) Math.max(-ceiling, Math.min(ceiling, c[i] * env));
      }
    }
    return y;
  }

  /**
   * Adds faint "air" (noise in 26-40 kHz) so that a genuine high-rate control has content up there.
   */
  static float[][] air(float[][] x, int sampleRateHz, double rmsDbfs, long seed) {
    int n = x[0].length;
    int size = Integer.highestOneBit(n - 1) << 1;
    float[][] y = copy(x);
    SplittableRandom rnd = new SplittableRandom(seed);
    RealFft fft = new RealFft(size);
    for (float[] c : y) {
      float[] a = new float[size];
      for (int i = 0; i < size; i++) {
        a[i] = (float) gauss(rnd);
      }
      fft.forward(a);
      double binHz = (double) sampleRateHz / size;
      for (int k = 1; k < size / 2; k++) {
        double f = k * binHz;
        if (f < 26_000 || f > 40_000) {
          a[2 * k] = 0;
          a[2 * k + 1] = 0;
        }
      }
      a[0] = 0;
      a[1] = 0;
      fft.inverse(a);
      double rms = 0;
      for (int i = 0; i < n; i++) {
        rms += a[i] * a[i];
      }
      double g = Math.pow(10, rmsDbfs / 20) / Math.sqrt(rms / n);
      for (int i = 0; i < n; i++) {
        c[i] += (float) (a[i] * g);
      }
    }
    return y;
  }

  /** Runs ffmpeg on a 16-bit WAV of {@code x}; the output is read as raw little-endian samples. */
  static float[][] ffmpeg(
      float[][] x,
      int rateHz,
      Path dir,
      String name,
      List<String> encode,
      List<String> decode,
      boolean float32)
      throws IOException, InterruptedException {
    return FfmpegRoundTrip.apply(
        x,
        rateHz,
        dir,
        name,
        encode,
        decode,
        float32 ? FfmpegRoundTrip.Samples.F32 : FfmpegRoundTrip.Samples.S16);
  }
}
