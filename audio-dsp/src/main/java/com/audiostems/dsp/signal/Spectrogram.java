package com.audiostems.dsp.signal;

/**
 * A magnitude spectrogram: {@code magnitudes[frame][bin]}, Hann-windowed frames centred on {@code
 * frame * hopSizeSamples} (the signal is zero-padded by half a frame at both ends, as librosa's
 * {@code center=True}).
 */
public record Spectrogram(
    float[][] magnitudes, int sampleRateHz, int frameSizeSamples, int hopSizeSamples) {

  public int frameCount() {
    return magnitudes.length;
  }

  public int binCount() {
    return frameSizeSamples / 2 + 1;
  }

  /** Centre frequency of bin {@code k}. */
  public double binFrequencyHz(int bin) {
    return (double) bin * sampleRateHz / frameSizeSamples;
  }

  /** Width of one bin. */
  public double binWidthHz() {
    return (double) sampleRateHz / frameSizeSamples;
  }

  /** Time of the centre of frame {@code frame}. */
  public double frameTimeSeconds(int frame) {
    return (double) frame * hopSizeSamples / sampleRateHz;
  }

  /** Frames per second. */
  public double frameRateHz() {
    return (double) sampleRateHz / hopSizeSamples;
  }
}
