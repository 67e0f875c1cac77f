package com.audiostems.dsp.signal;

/** Short-time Fourier transform of a mono signal. */
public final class Stft {

  private Stft() {}

  /** Receives the frames of {@link #forEachFrame} one by one. */
  @FunctionalInterface
  public interface FrameConsumer {
    /** Frame {@code frame}'s magnitudes; the array is reused for the next frame. */
    void accept(int frame, float[] magnitudes);
  }

  /** How many frames {@link #magnitudes} and {@link #forEachFrame} make of {@code samples}. */
  public static int frameCount(int samples, int hopSizeSamples) {
    return 1 + samples / hopSizeSamples;
  }

  /**
   * The magnitude spectrogram of {@code mono} with a periodic Hann window of {@code
   * frameSizeSamples} (a power of two) every {@code hopSizeSamples}; frames are centred, so frame
   * {@code i} describes time {@code i * hop / sampleRateHz}.
   */
  public static Spectrogram magnitudes(
      float[] mono, int sampleRateHz, int frameSizeSamples, int hopSizeSamples) {
    float[][] out = new float[frameCount(mono.length, Math.max(1, hopSizeSamples))][];
    forEachFrame(mono, frameSizeSamples, hopSizeSamples, (f, mags) -> out[f] = mags.clone());
    return new Spectrogram(out, sampleRateHz, frameSizeSamples, hopSizeSamples);
  }

  /**
   * The frames of {@link #magnitudes}, handed over one at a time in one reused array: for a reader
   * that needs each frame once, so that the whole spectrogram (53 MB for five minutes at 22.05 kHz)
   * is never held.
   */
  public static void forEachFrame(
      float[] mono, int frameSizeSamples, int hopSizeSamples, FrameConsumer consumer) {
    if (hopSizeSamples <= 0) {
      throw new IllegalArgumentException("hop must be positive, got " + hopSizeSamples);
    }
    RealFft fft = new RealFft(frameSizeSamples);
    float[] window = Windows.hann(frameSizeSamples);
    int frames = frameCount(mono.length, hopSizeSamples);
    float[] frame = new float[frameSizeSamples];
    float[] mags = new float[fft.binCount()];
    int half = frameSizeSamples / 2;
    for (int f = 0; f < frames; f++) {
      int start = f * hopSizeSamples - half;
      for (int i = 0; i < frameSizeSamples; i++) {
        int n = start + i;
        frame[i] = n >= 0 && n < mono.length ? mono[n] * window[i] : 0f;
      }
      fft.magnitudes(frame, mags);
      consumer.accept(f, mags);
    }
  }
}
