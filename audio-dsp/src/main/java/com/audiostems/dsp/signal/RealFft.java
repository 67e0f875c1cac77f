package com.audiostems.dsp.signal;

import be.tarsos.dsp.util.ConcurrencyUtils;
import be.tarsos.dsp.util.fft.FloatFFT;

/**
 * A real-input FFT of one power-of-two size, on TarsosDSP's FloatFFT (JTransforms' algorithm).
 *
 * <p>Single-threaded on purpose: the pipeline runs one track per core, and analysis speed is quoted
 * per core, so an FFT must not borrow the other cores.
 */
public final class RealFft {

  static {
    ConcurrencyUtils.setNumberOfThreads(1);
  }

  private final int sizeSamples;
  private final FloatFFT fft;

  public RealFft(int sizeSamples) {
    if (sizeSamples < 2 || Integer.bitCount(sizeSamples) != 1) {
      throw new IllegalArgumentException("FFT size must be a power of two, got " + sizeSamples);
    }
    this.sizeSamples = sizeSamples;
    this.fft = new FloatFFT(sizeSamples);
  }

  public int sizeSamples() {
    return sizeSamples;
  }

  /** Number of bins from DC to Nyquist inclusive: size / 2 + 1. */
  public int binCount() {
    return sizeSamples / 2 + 1;
  }

  /**
   * Magnitudes |X[k]| for k = 0..size/2 of the real frame in {@code frame} (transformed in place,
   * so its content is destroyed). {@code magnitudesOut} must hold {@link #binCount()} values.
   */
  public void magnitudes(float[] frame, float[] magnitudesOut) {
    fft.realForward(frame);
    int half = sizeSamples / 2;
    // JTransforms' packing: a[0] = Re[0], a[1] = Re[n/2], a[2k] = Re[k], a[2k+1] = Im[k].
    magnitudesOut[0] = Math.abs(frame[0]);
    magnitudesOut[half] = Math.abs(frame[1]);
    for (int k = 1; k < half; k++) {
      float re = frame[2 * k];
      float im = frame[2 * k + 1];
      magnitudesOut[k] = (float) Math.sqrt(re * re + im * im);
    }
  }

  /** Complex spectrum in place, in JTransforms' packing (see {@link #magnitudes}). */
  public void forward(float[] frame) {
    fft.realForward(frame);
  }

  /** Inverse of {@link #forward}, scaled so that inverse(forward(x)) == x. */
  public void inverse(float[] packedSpectrum) {
    fft.realInverse(packedSpectrum, true);
  }
}
