package com.audiostems.dsp.signal;

/** One channel of audio as floats in [-1, 1] and its sample rate. */
public record MonoSignal(float[] samples, int sampleRateHz) {

  public double durationSeconds() {
    return (double) samples.length / sampleRateHz;
  }
}
