package com.audiostems.dsp.tonal;

import com.audiostems.dsp.signal.HalfBandFilter;
import com.audiostems.dsp.signal.MonoSignal;
import com.audiostems.dsp.signal.RealFft;
import com.audiostems.dsp.signal.Resampler;
import com.audiostems.dsp.signal.Windows;

/**
 * Spectral peaks over time, at the frequency resolution that key analysis needs and no finer time
 * resolution than it needs.
 *
 * <p>Why these settings: two bass notes a semitone apart near 55 Hz are 3.3 Hz apart, so frames
 * must be long (about 0.7 s, 1.3–1.5 Hz bins). Key does not change faster than that, and long
 * frames over a signal decimated to 5.5–6 kHz cost little: the analysis-rate signal is halved until
 * its rate is below 10 kHz ({@link #toKeyRate}), which keeps partials up to {@value #MAX_HZ} Hz
 * (B6), the range that carries the notes; above it lie mostly upper harmonics and cymbals.
 */
record PeakSpectrogram(SpectralPeaks[] frames, double frameRateHz, double binHz) {

  /** The signal is halved until its rate is below this. */
  static final int STOP_RATE_HZ = 10_000;

  /** The band each halving keeps free of aliases. */
  static final double PROTECTED_HZ = 2_100;

  /** Stopband attenuation of every halving. */
  static final double ATTENUATION_DB = 75;

  /** Target frame duration; the FFT size is the power of two nearest to it. */
  static final double FRAME_SECONDS = 0.7;

  /** Peaks below this (A1 is 55 Hz) are dropped: sub-bass carries rumble and kick, not key. */
  static final double MIN_HZ = 50;

  /** Upper edge, below the decimation filter's passband edge at any rate MAX_RATE_HZ allows. */
  static final double MAX_HZ = 2_000;

  /** Peaks more than this far below the frame's strongest are noise or window sidelobes. */
  static final double RELATIVE_DB = 60;

  /** See {@link SpectralPeaks#pick}: how far a peak must stand above its surroundings. */
  static final double CONTRAST = 3;

  /** The strongest this many peaks of a frame are kept (Essentia keeps 60 for its HPCP, too). */
  static final int MAX_PEAKS = 60;

  /** Frames whose strongest bin is below this (a sine at about −80 dBFS) are silent. */
  static final double SILENCE_DBFS = -80;

  int frameCount() {
    return frames.length;
  }

  static PeakSpectrogram of(MonoSignal signal) {
    Decimated decimated = toKeyRate(signal.samples(), signal.sampleRateHz());
    float[] x = decimated.samples();
    double rate = decimated.sampleRateHz();
    int size = Integer.highestOneBit((int) Math.round(rate * FRAME_SECONDS * 1.414));
    // 50 % overlap: Hann frames at half-size hops weigh every sample equally.
    int hop = size / 2;
    double binHz = rate / size;
    RealFft fft = new RealFft(size);
    float[] window = Windows.hann(size);
    float[] frame = new float[size];
    float[] mags = new float[fft.binCount()];
    // A full-scale sine under a Hann window peaks at size / 4.
    float floor = (float) (size / 4.0 * Math.pow(10, SILENCE_DBFS / 20));
    int count = x.length <= size ? 1 : 1 + (x.length - size + hop - 1) / hop;
    SpectralPeaks[] frames = new SpectralPeaks[count];
    for (int f = 0; f < count; f++) {
      int start = f * hop;
      for (int i = 0; i < size; i++) {
        int n = start + i;
        frame[i] = n < x.length ? x[n] * window[i] : 0f;
      }
      fft.magnitudes(frame, mags);
      frames[f] =
          SpectralPeaks.pick(mags, binHz, MIN_HZ, MAX_HZ, RELATIVE_DB, floor, CONTRAST, MAX_PEAKS);
    }
    return new PeakSpectrogram(frames, rate / hop, binHz);
  }

  /** A signal at the key analysis' rate, which need not be a whole number of hertz (5512.5 Hz). */
  record Decimated(float[] samples, double sampleRateHz) {}

  /**
   * {@code samples} halved until the rate is below {@value #STOP_RATE_HZ} Hz, keeping only 0 ..
   * {@value #PROTECTED_HZ} Hz free of aliases; unchanged (the same array) below that rate.
   *
   * <p>Why not {@link HalfBandFilter#TRANSPARENT}: it keeps 80 % of each new Nyquist band flat, at
   * 12 multiplies per output. Here each halving only has to stop what would fold into 0 .. {@value
   * #PROTECTED_HZ} Hz ({@link HalfBandFilter#protecting}): the first (22.05 → 11.025 kHz) then
   * needs 4 multiplies per output and the second 9, and the whole decimation runs more than twice
   * as fast. Aliases may land above {@value #PROTECTED_HZ} Hz; nothing reads there.
   */
  static Decimated toKeyRate(float[] samples, double sampleRateHz) {
    float[] x = samples;
    double rate = sampleRateHz;
    while (rate >= STOP_RATE_HZ) {
      x = Resampler.halve(x, HalfBandFilter.protecting(rate, PROTECTED_HZ, ATTENUATION_DB));
      rate /= 2;
    }
    return new Decimated(x, rate);
  }
}
