package com.audiostems.dsp.signal;

/** Short-time Fourier transform of a mono signal. */
public final class Stft {

  private Stft() {}

  /**
   * The magnitude spectrogram of {@code mono} with a periodic Hann window of {@code
   * frameSizeSamples} (a power of two) every {@code hopSizeSamples}; frames are centred, so frame
   * {@code i} describes time {@code i * hop / sampleRateHz}.
   */
  public static Spectrogram magnitudes(
      float[] mono, int sampleRateHz, int frameSizeSamples, int hopSizeSamples) {
    if (hopSizeSamples <= 0) {
      throw new IllegalArgumentException("hop must be positive, got " + hopSizeSamples);
    }
    RealFft fft = new RealFft(frameSizeSamples);
    float[] window = Windows.hann(frameSizeSamples);
    int frames = 1 + mono.length / hopSizeSamples;
    float[][] out = new float[frames][];
    float[] frame = new float[frameSizeSamples];
    int half = frameSizeSamples / 2;
    for (int f = 0; f < frames; f++) {
      int start = f * hopSizeSamples - half;
      for (int i = 0; i < frameSizeSamples; i++) {
        int n = start + i;
        frame[i] = n >= 0 && n < mono.length ? mono[n] * window[i] : 0f;
      }
      float[] mags = new float[fft.binCount()];
      fft.magnitudes(frame, mags);
      out[f] = mags;
    }
    return new Spectrogram(out, sampleRateHz, frameSizeSamples, hopSizeSamples);
  }
}
