package com.audiostems.dsp.testing.music;

import java.util.random.RandomGenerator;

/**
 * The instruments, synthesised in plain Java and cheap enough that a minute of music renders in
 * well under a second: drums are rendered once per piece as one-shots and then mixed in; pitched
 * notes use damped complex phasors (exact exponentially decaying sinusoids at four multiplies a
 * sample), PolyBLEP sawtooths (band-limited enough that aliasing does not add fake partials), and a
 * state-variable low-pass whose coefficients update every 32 samples.
 */
final class Sounds {

  private Sounds() {}

  private static final int TABLE = 4096;
  private static final double[] SINE = new double[TABLE + 1];

  static {
    for (int i = 0; i <= TABLE; i++) {
      SINE[i] = Math.sin(2 * Math.PI * i / TABLE);
    }
  }

  /** sin(2 pi phase) for phase in cycles (any value), by table with linear interpolation. */
  static double sin01(double phase) {
    double x = (phase - Math.floor(phase)) * TABLE;
    int i = (int) x;
    double f = x - i;
    return SINE[i] + (SINE[i + 1] - SINE[i]) * f;
  }

  /** A cheap tanh-like saturator (Pade approximant, exact limits at +-3). */
  static double softClip(double x) {
    if (x <= -3) {
      return -1;
    }
    if (x >= 3) {
      return 1;
    }
    double x2 = x * x;
    return x * (27 + x2) / (27 + 9 * x2);
  }

  static double midiHz(double midi, double tuningCents) {
    return 440.0 * Math.pow(2, (midi - 69) / 12.0 + tuningCents / 1200.0);
  }

  /** PolyBLEP correction for a sawtooth at phase {@code t} in [0, 1) with increment {@code dt}. */
  static double polyBlep(double t, double dt) {
    if (t < dt) {
      t /= dt;
      return t + t - t * t - 1;
    }
    if (t > 1 - dt) {
      t = (t - 1) / dt;
      return t * t + t + t + 1;
    }
    return 0;
  }

  /** Topology-preserving state-variable filter (Zavalishin): stable under cutoff modulation. */
  static final class Svf {
    private double ic1;
    private double ic2;
    private double a1;
    private double a2;
    private double a3;
    private double k;
    private final double sampleRate;

    Svf(double sampleRate) {
      this.sampleRate = sampleRate;
    }

    void set(double cutoffHz, double q) {
      double fc = Math.min(cutoffHz, sampleRate * 0.45);
      double g = Math.tan(Math.PI * fc / sampleRate);
      k = 1 / q;
      a1 = 1 / (1 + g * (g + k));
      a2 = g * a1;
      a3 = g * a2;
    }

    double low(double v0) {
      double v3 = v0 - ic2;
      double v1 = a1 * ic1 + a2 * v3;
      double v2 = ic2 + a2 * ic1 + a3 * v3;
      ic1 = 2 * v1 - ic1;
      ic2 = 2 * v2 - ic2;
      return v2;
    }

    double band(double v0) {
      double v3 = v0 - ic2;
      double v1 = a1 * ic1 + a2 * v3;
      double v2 = ic2 + a2 * ic1 + a3 * v3;
      ic1 = 2 * v1 - ic1;
      ic2 = 2 * v2 - ic2;
      return v1;
    }

    double high(double v0) {
      double v3 = v0 - ic2;
      double v1 = a1 * ic1 + a2 * v3;
      double v2 = ic2 + a2 * ic1 + a3 * v3;
      ic1 = 2 * v1 - ic1;
      ic2 = 2 * v2 - ic2;
      return v0 - k * v1 - v2;
    }
  }

  // ------------------------------------------------------------------ drums (one-shots)

  static float[] kick(int sr, RandomGenerator r, boolean heavy) {
    int n = (int) (0.5 * sr);
    float[] out = new float[n];
    double f0 = 48 + 8 * r.nextDouble();
    double sweep = 110 + 40 * r.nextDouble();
    double decay = heavy ? 0.38 : 0.26;
    double phase = 0;
    for (int i = 0; i < n; i++) {
      double t = (double) i / sr;
      double f = f0 + sweep * Math.exp(-t / 0.03);
      phase += 2 * Math.PI * f / sr;
      double body = Math.sin(phase) * Math.exp(-t / decay) * Math.min(1, t / 0.0008);
      double click = (r.nextDouble() * 2 - 1) * Math.exp(-t / 0.0025) * 0.35;
      out[i] = (float) Math.tanh(1.6 * (body + click));
    }
    return out;
  }

  static float[] snare(int sr, RandomGenerator r) {
    int n = (int) (0.35 * sr);
    float[] out = new float[n];
    Svf bp = new Svf(sr);
    bp.set(2500 + 1500 * r.nextDouble(), 0.7);
    double t1 = 180 + 20 * r.nextDouble();
    for (int i = 0; i < n; i++) {
      double t = (double) i / sr;
      double tone =
          (Math.sin(2 * Math.PI * t1 * t) * 0.6 + Math.sin(2 * Math.PI * t1 * 1.78 * t) * 0.35)
              * Math.exp(-t / 0.06);
      double noise =
          bp.band(r.nextDouble() * 2 - 1) * 1.6 * Math.exp(-t / (0.11 + 0.04 * r.nextDouble()));
      out[i] = (float) ((tone + noise) * Math.min(1, t / 0.0005));
    }
    return out;
  }

  static float[] clap(int sr, RandomGenerator r) {
    int n = (int) (0.3 * sr);
    float[] out = new float[n];
    Svf bp = new Svf(sr);
    bp.set(1200 + 300 * r.nextDouble(), 1.2);
    for (int i = 0; i < n; i++) {
      double t = (double) i / sr;
      // Three quick bursts then a tail, the way several hands never clap at once.
      double env = Math.exp(-t / 0.1) * 0.6;
      for (double b : new double[] {0, 0.011, 0.022}) {
        if (t >= b) {
          env += Math.exp(-(t - b) / 0.004);
        }
      }
      out[i] = (float) (bp.band(r.nextDouble() * 2 - 1) * env * 1.5);
    }
    return out;
  }

  static float[] rim(int sr, RandomGenerator r) {
    int n = (int) (0.08 * sr);
    float[] out = new float[n];
    Svf bp = new Svf(sr);
    bp.set(1700, 3);
    for (int i = 0; i < n; i++) {
      double t = (double) i / sr;
      double s = Math.sin(2 * Math.PI * 480 * t) * 0.5 + bp.band(r.nextDouble() * 2 - 1) * 1.5;
      out[i] = (float) (s * Math.exp(-t / 0.012));
    }
    return out;
  }

  /** Hats and crash: 808-style square partials at inharmonic ratios plus noise, high-passed. */
  static float[] metal(
      int sr, RandomGenerator r, double decaySeconds, double lengthSeconds, double hp) {
    int n = (int) (lengthSeconds * sr);
    float[] out = new float[n];
    double[] f = {205.3, 304.4, 369.6, 522.7, 540.0, 800.0};
    double detune = 1 + 0.04 * (r.nextDouble() - 0.5);
    Svf hpf = new Svf(sr);
    hpf.set(hp, 0.8);
    Svf hpf2 = new Svf(sr);
    hpf2.set(hp * 0.8, 0.7);
    double[] ph = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      ph[i] = r.nextDouble();
    }
    for (int i = 0; i < n; i++) {
      double t = (double) i / sr;
      double s = 0;
      for (int k = 0; k < f.length; k++) {
        ph[k] += f[k] * 2.6 * detune / sr;
        s += (ph[k] - Math.floor(ph[k])) < 0.5 ? 1 : -1;
      }
      s = s / 6 * 0.6 + (r.nextDouble() * 2 - 1) * 0.8;
      double env = Math.exp(-t / decaySeconds) * Math.min(1, t / 0.0004);
      out[i] = (float) (hpf2.high(hpf.high(s)) * env);
    }
    return out;
  }

  static float[] tom(int sr, RandomGenerator r, double hz) {
    int n = (int) (0.45 * sr);
    float[] out = new float[n];
    double phase = 0;
    for (int i = 0; i < n; i++) {
      double t = (double) i / sr;
      double f = hz * (1 + 0.5 * Math.exp(-t / 0.04));
      phase += 2 * Math.PI * f / sr;
      double s =
          Math.sin(phase) * Math.exp(-t / 0.22)
              + (r.nextDouble() * 2 - 1) * 0.2 * Math.exp(-t / 0.02);
      out[i] = (float) s;
    }
    return out;
  }

  // ------------------------------------------------------------------ pitched voices

  /**
   * Plucked string / piano: harmonic partials with slight inharmonicity ({@code f_n = n f0 sqrt(1 +
   * B n^2)}), higher partials decaying faster, brightness rising with velocity. Rendered with
   * damped phasors; stops once the envelope is 60 dB down.
   *
   * @param tau1 decay time constant of the fundamental
   * @param attack attack time (3 ms for a hammer or pick; longer for soft onsets)
   */
  static float[] pluck(
      int sr,
      double hz,
      double velocity,
      double holdSeconds,
      double tau1,
      double attack,
      double inharmonicity,
      RandomGenerator r) {
    double release = 0.12;
    double tail = Math.min(holdSeconds + release, 6.9 * tau1);
    int n = Math.max(1, (int) (tail * sr));
    float[] out = new float[n];
    double brightness = 0.45 + 0.4 * velocity;
    int maxPartials = 12;
    double norm = 0;
    // Partial p as a damped phasor z_p(i+1) = z_p(i) * c_p, c_p = exp(-1/(tau sr) + j w).
    double[] zr = new double[maxPartials + 1];
    double[] zi = new double[maxPartials + 1];
    double[] cr = new double[maxPartials + 1];
    double[] ci = new double[maxPartials + 1];
    int[] len = new int[maxPartials + 1];
    int count = 0;
    for (int p = 1; p <= maxPartials; p++) {
      double f = p * hz * Math.sqrt(1 + inharmonicity * p * p);
      if (f > Math.min(7000, sr * 0.45)) {
        break;
      }
      double amp = Math.pow(brightness, p - 1) / Math.pow(p, 0.9);
      norm += amp;
      double tau = tau1 / (1 + 0.6 * (p - 1));
      // Each partial stops once it is 60 dB below the fundamental's start: weak, fast-decaying
      // upper partials cost almost nothing.
      double life = tau * Math.log(amp / 1e-3);
      if (life <= 0) {
        continue;
      }
      double w = 2 * Math.PI * f / sr;
      double decay = Math.exp(-1.0 / (tau * sr));
      double ph = r.nextDouble() * 2 * Math.PI;
      cr[count] = Math.cos(w) * decay;
      ci[count] = Math.sin(w) * decay;
      zr[count] = Math.cos(ph) * amp;
      zi[count] = Math.sin(ph) * amp;
      len[count] = Math.min(n, (int) (life * sr) + 1);
      count++;
    }
    // Two partials per pass: the recurrences are independent, so the CPU overlaps them.
    for (int k = 0; k < count; k += 2) {
      double ar = zr[k];
      double ai = zi[k];
      double acr = cr[k];
      double aci = ci[k];
      if (k + 1 < count) {
        double br = zr[k + 1];
        double bi = zi[k + 1];
        double bcr = cr[k + 1];
        double bci = ci[k + 1];
        int both = Math.min(len[k], len[k + 1]);
        int i = 0;
        for (; i < both; i++) {
          out[i] += (float) (ai + bi);
          double nar = ar * acr - ai * aci;
          ai = ar * aci + ai * acr;
          ar = nar;
          double nbr = br * bcr - bi * bci;
          bi = br * bci + bi * bcr;
          br = nbr;
        }
        if (len[k + 1] > both) {
          for (int j = i; j < len[k + 1]; j++) {
            out[j] += (float) bi;
            double nbr = br * bcr - bi * bci;
            bi = br * bci + bi * bcr;
            br = nbr;
          }
        }
        for (; i < len[k]; i++) {
          out[i] += (float) ai;
          double nar = ar * acr - ai * aci;
          ai = ar * aci + ai * acr;
          ar = nar;
        }
      } else {
        for (int i = 0; i < len[k]; i++) {
          out[i] += (float) ai;
          double nar = ar * acr - ai * aci;
          ai = ar * aci + ai * acr;
          ar = nar;
        }
      }
    }
    int attackN = Math.max(1, (int) (attack * sr));
    int holdN = (int) (holdSeconds * sr);
    int relN = (int) (release * sr);
    double g = velocity / Math.max(norm, 1e-9);
    for (int i = 0; i < n; i++) {
      double env = i < attackN ? (double) i / attackN : 1;
      if (i > holdN) {
        env *= Math.max(0, 1 - (double) (i - holdN) / relN);
      }
      out[i] = (float) (out[i] * env * g);
    }
    return out;
  }

  /**
   * Bass. NORMAL: sawtooth plus a sine an octave down-weighted, through a low-pass whose cutoff
   * closes after the attack (a plucked electric bass). LIGHT: a few sine partials with a finger-
   * style decay. HEAVY: a sub sine (with an 808-style pitch drop) and saturation, so that energy
   * below 100 Hz dominates the mix.
   */
  static float[] bass(
      int sr,
      BassWeight weight,
      double hz,
      double velocity,
      double holdSeconds,
      double attack,
      RandomGenerator r) {
    double release = 0.05;
    int n = Math.max(1, (int) ((holdSeconds + release) * sr));
    float[] out = new float[n];
    int attackN = Math.max(1, (int) (attack * sr));
    int holdN = (int) (holdSeconds * sr);
    int relN = (int) (release * sr);
    switch (weight) {
      case HEAVY -> {
        double phase = 0;
        double sweep = 0.35;
        double sweepDecay = Math.exp(-1.0 / (0.025 * sr));
        double decay = 1;
        double decayStep = Math.exp(-1.0 / (2.5 * sr));
        int rampN = Math.max(attackN, sr / 500);
        for (int i = 0; i < n; i++) {
          phase += hz * (1 + sweep) / sr;
          sweep *= sweepDecay;
          double s = sin01(phase) + 0.15 * sin01(2 * phase);
          double env = decay * Math.min(1, (double) i / rampN);
          decay *= decayStep;
          if (i > holdN) {
            env *= Math.max(0, 1 - (double) (i - holdN) / relN);
          }
          out[i] = (float) (softClip(1.8 * s) * env * velocity);
        }
      }
      case LIGHT -> {
        // A few partials, upper ones dying faster (finger on a string), as damped phasors.
        double[] amps = {1, 0.45, 0.25, 0.12, 0.06};
        double phase0 = r.nextDouble() * 2 * Math.PI;
        double[] acc = new double[n];
        for (int p = 0; p < amps.length; p++) {
          double w = 2 * Math.PI * hz * (p + 1) / sr;
          if (w > Math.PI * 0.9) {
            break;
          }
          double rate = 1 / 1.2 + p * 1.5;
          double d = Math.exp(-rate / sr);
          double cr = Math.cos(w) * d;
          double ci = Math.sin(w) * d;
          double zr = Math.cos((p + 1) * phase0) * amps[p];
          double zi = Math.sin((p + 1) * phase0) * amps[p];
          for (int i = 0; i < n; i++) {
            acc[i] += zi;
            double nr = zr * cr - zi * ci;
            zi = zr * ci + zi * cr;
            zr = nr;
          }
        }
        for (int i = 0; i < n; i++) {
          double env = Math.min(1, (double) i / attackN);
          if (i > holdN) {
            env *= Math.max(0, 1 - (double) (i - holdN) / relN);
          }
          out[i] = (float) (acc[i] * env * velocity * 0.6);
        }
      }
      default -> {
        Svf lp = new Svf(sr);
        double phase = r.nextDouble();
        double dt = hz / sr;
        double sub;
        double decay = 1;
        double decayStep = Math.exp(-1.0 / (1.5 * sr));
        for (int i = 0; i < n; i++) {
          if ((i & 31) == 0) {
            double t = (double) i / sr;
            lp.set(220 + 1400 * velocity * Math.exp(-t / 0.07), 0.9);
          }
          phase += dt;
          if (phase >= 1) {
            phase -= 1;
          }
          double saw = 2 * phase - 1 - polyBlep(phase, dt);
          sub = sin01(phase);
          double s = lp.low(saw * 0.7 + sub * 0.6);
          double env = Math.min(1, (double) i / Math.max(attackN, sr / 400)) * decay;
          decay *= decayStep;
          if (i > holdN) {
            env *= Math.max(0, 1 - (double) (i - holdN) / relN);
          }
          out[i] = (float) (s * env * velocity);
        }
      }
    }
    return out;
  }

  /**
   * Lead: a sawtooth and a pulse through a low-pass, with delayed vibrato (as a singer or a
   * violinist adds it after the note has spoken).
   */
  static float[] lead(
      int sr, double hz, double velocity, double holdSeconds, double attack, RandomGenerator r) {
    double release = 0.08;
    int n = Math.max(1, (int) ((holdSeconds + release) * sr));
    float[] out = new float[n];
    Svf lp = new Svf(sr);
    lp.set(1500 + 1800 * velocity, 0.8);
    double phase = r.nextDouble();
    double phase2 = phase + 0.37;
    double vibRate = 5 + r.nextDouble();
    int attackN = Math.max(1, (int) (attack * sr));
    int holdN = (int) (holdSeconds * sr);
    int relN = (int) (release * sr);
    double dt = hz / sr;
    for (int i = 0; i < n; i++) {
      if ((i & 15) == 0) {
        double t = (double) i / sr;
        double vib = 1 + 0.007 * Math.min(1, Math.max(0, (t - 0.2) / 0.3)) * sin01(vibRate * t);
        dt = hz * vib / sr;
      }
      phase += dt;
      if (phase >= 1) {
        phase -= 1;
      }
      phase2 += dt;
      if (phase2 >= 1) {
        phase2 -= 1;
      }
      double saw1 = 2 * phase - 1 - polyBlep(phase, dt);
      double saw2 = 2 * phase2 - 1 - polyBlep(phase2, dt);
      double s = lp.low(0.6 * saw1 + 0.4 * (saw1 - saw2));
      double env = Math.min(1, (double) i / attackN);
      if (i > holdN) {
        env *= Math.max(0, 1 - (double) (i - holdN) / relN);
      }
      out[i] = (float) (s * env * velocity);
    }
    return out;
  }

  /** Advances PolyBLEP sawtooth {@code k} by one sample and returns its value. */
  private static double saw(double[] ph, double[] dt, int k) {
    double p = ph[k] + dt[k];
    if (p >= 1) {
      p -= 1;
    }
    ph[k] = p;
    return 2 * p - 1 - polyBlep(p, dt[k]);
  }

  /**
   * A pad chord: three detuned sawtooths per note spread left, centre and right, one low-pass per
   * channel with a slowly moving cutoff, slow attack and release. Adds into the bus ({@code
   * bus[0]}, {@code bus[1]}) and, scaled by {@code send}, the reverb send ({@code bus[2]}, {@code
   * bus[3]}) from sample {@code start}.
   */
  static void pad(
      float[][] bus,
      double send,
      int start,
      int sr,
      double[] hz,
      double velocity,
      double holdSeconds,
      double attack,
      double release,
      double cutoff,
      double gain,
      RandomGenerator r) {
    int n = (int) ((holdSeconds + release) * sr);
    int voices = hz.length * 3;
    double[] ph = new double[voices];
    double[] dt = new double[voices];
    for (int i = 0; i < voices; i++) {
      int note = i / 3;
      int v = i % 3;
      double cents = (v - 1) * (6 + 4 * r.nextDouble());
      dt[i] = hz[note] * Math.pow(2, cents / 1200) / sr;
      ph[i] = r.nextDouble();
    }
    Svf lpL = new Svf(sr);
    Svf lpR = new Svf(sr);
    double lfo = r.nextDouble() * 2 * Math.PI;
    int attackN = Math.max(1, (int) (attack * sr));
    int holdN = (int) (holdSeconds * sr);
    int relN = Math.max(1, (int) (release * sr));
    double perVoice = gain * velocity / Math.sqrt(voices);
    float[] left = bus[0];
    float[] right = bus[1];
    float[] sendLeft = bus[2];
    float[] sendRight = bus[3];
    int end = Math.min(n, left.length - start);
    for (int i = 0; i < end; i++) {
      if ((i & 63) == 0) {
        double c = cutoff * (1 + 0.25 * Math.sin(lfo + 2 * Math.PI * 0.15 * i / sr));
        lpL.set(c, 0.7);
        lpR.set(c, 0.7);
      }
      // Voice k % 3 == 0 leans left, 1 is centred, 2 leans right.
      double g0 = 0;
      double g1 = 0;
      double g2 = 0;
      for (int k = 0; k < voices; k += 3) {
        g0 += saw(ph, dt, k);
        g1 += saw(ph, dt, k + 1);
        g2 += saw(ph, dt, k + 2);
      }
      double l = 0.85 * g0 + 0.5 * g1 + 0.15 * g2;
      double rr = 0.15 * g0 + 0.5 * g1 + 0.85 * g2;
      double env;
      if (i < attackN) {
        double a = (double) i / attackN;
        env = a * a * (3 - 2 * a); // smoothstep: a slow attack has no audible onset at all
      } else {
        env = 1;
      }
      if (i > holdN) {
        env *= Math.max(0, 1 - (double) (i - holdN) / relN);
      }
      double g = env * perVoice;
      float outL = (float) (lpL.low(l) * g);
      float outR = (float) (lpR.low(rr) * g);
      left[start + i] += outL;
      right[start + i] += outR;
      sendLeft[start + i] += (float) (outL * send);
      sendRight[start + i] += (float) (outR * send);
    }
  }
}
