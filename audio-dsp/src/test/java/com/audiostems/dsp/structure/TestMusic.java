package com.audiostems.dsp.structure;

import com.audiostems.dsp.loudness.LoudnessMeter;
import com.audiostems.dsp.spectral.TestSignals;
import java.util.Random;

/**
 * Small deterministic stand-ins for music with known structure: a sustained pad, a drum kit with
 * bass, and a loudness series like the R128 meter's (RMS in dB over 3 s, one a second).
 */
final class TestMusic {

  static final int RATE_HZ = 22_050;

  private TestMusic() {}

  /**
   * An A-major pad (three detuned voices, four harmonics each, slow swell) at {@code amplitude}.
   */
  static float[] pad(double seconds, double amplitude) {
    int n = (int) Math.round(seconds * RATE_HZ);
    float[] x = new float[n];
    double[] chordHz = {220.0, 277.18, 329.63};
    for (int i = 0; i < n; i++) {
      double t = (double) i / RATE_HZ;
      double swell = 1 + 0.1 * Math.sin(2 * Math.PI * 0.2 * t);
      double v = 0;
      for (double f : chordHz) {
        for (int h = 1; h <= 4; h++) {
          double a = 1.0 / (h * h);
          v +=
              a
                  * (Math.sin(2 * Math.PI * f * h * t)
                      + Math.sin(2 * Math.PI * (f + 0.4) * h * t + 1.0));
        }
      }
      x[i] = (float) (amplitude * swell * v / 8);
    }
    return x;
  }

  /**
   * Kick, snare, hi-hats and a saw bass at {@code bpm}, four on the floor; loud (peaks near 0
   * dBFS).
   */
  static float[] drumsAndBass(double seconds, double bpm, long seed) {
    int n = (int) Math.round(seconds * RATE_HZ);
    float[] x = new float[n];
    Random random = new Random(seed);
    double beat = 60.0 / bpm;
    double previousNoise = 0;
    for (int i = 0; i < n; i++) {
      double t = (double) i / RATE_HZ;
      double inBeat = t % beat;
      int beatIndex = (int) (t / beat);
      double inEighth = t % (beat / 2);
      double noise = random.nextGaussian();
      // Kick on every beat: a 120 → 50 Hz sweep, 150 ms decay.
      double kickPhase = 2 * Math.PI * (50 * inBeat + 70 * 0.03 * (1 - Math.exp(-inBeat / 0.03)));
      double v = 0.55 * Math.sin(kickPhase) * Math.exp(-inBeat / 0.15);
      // Snare on beats 2 and 4: noise plus a 180 Hz body, 100 ms decay.
      if (beatIndex % 2 == 1) {
        v += (0.25 * noise + 0.15 * Math.sin(2 * Math.PI * 180 * inBeat)) * Math.exp(-inBeat / 0.1);
      }
      // Closed hi-hat on every eighth: first-difference (high-passed) noise, 30 ms decay.
      v += 0.12 * (noise - previousNoise) * Math.exp(-inEighth / 0.03);
      previousNoise = noise;
      // Bass: a saw on A1 / D2 alternating each bar, eight harmonics.
      double bassHz = (beatIndex / 4) % 2 == 0 ? 55.0 : 73.42;
      double saw = 0;
      for (int h = 1; h <= 8; h++) {
        saw += Math.sin(2 * Math.PI * bassHz * h * t) / h;
      }
      v += 0.12 * saw;
      x[i] = (float) v;
    }
    return x;
  }

  static float[] concat(float[]... parts) {
    return TestSignals.concat(parts);
  }

  /** The R128 meter's short-term loudness once a second, as the pipeline feeds the analyser. */
  static double[] loudnessPerSecondLufs(float[] mono) {
    return LoudnessMeter.measure(new float[][] {mono}, RATE_HZ).shortTermLoudnessPerSecondLufs();
  }
}
