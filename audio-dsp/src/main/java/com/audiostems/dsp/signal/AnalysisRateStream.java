package com.audiostems.dsp.signal;

import java.util.Arrays;

/**
 * {@link Resampler#toAnalysisRate} fed in pieces: a mono stream is brought to the analysis rate
 * block by block, through one {@link HalvingStream} per halving, and collected there. The result is
 * exactly (bit for bit) what {@code toAnalysisRate} gives for the whole signal, without ever
 * holding the signal at its source rate.
 *
 * <p>Not thread-safe: one stream, one thread.
 */
public final class AnalysisRateStream {
  /** The most samples sized in advance: 64 MB, 12.7 minutes at 22.05 kHz. */
  static final int MAX_PRESIZED_SAMPLES = 1 << 24;

  private final int analysisRateHz;
  private final HalvingStream[] halvings; // source-rate stage first
  private float[] samples;
  private int length;
  private MonoSignal result;

  /**
   * @param sampleRateHz the stream's rate
   * @param expectedSamples about how many samples will come (sizes the collection; more or fewer is
   *     fine)
   */
  public AnalysisRateStream(int sampleRateHz, long expectedSamples) {
    if (sampleRateHz <= 0) {
      throw new IllegalArgumentException("rate " + sampleRateHz + " Hz");
    }
    int rate = sampleRateHz;
    int count = 0;
    while (Resampler.halvesForAnalysis(rate)) {
      rate /= 2;
      count++;
    }
    this.analysisRateHz = rate;
    this.halvings = new HalvingStream[count];
    HalvingStream.Sink next = (block, n) -> append(block, 0, n);
    for (int i = count - 1; i >= 0; i--) {
      HalvingStream stage = new HalvingStream(HalfBandFilter.TRANSPARENT, next);
      halvings[i] = stage;
      next = (block, n) -> stage.accept(block, 0, n);
    }
    // Exactly what the halvings make of the expected length, so that a right guess (a PCM or
    // FLAC source's probe) needs no trimming copy at the end.
    long expected = Math.max(0, expectedSamples);
    for (int i = 0; i < count; i++) {
      expected = expected / 2 + (expected & 1); // (n + 1) / 2 without overflow
    }
    // Capped: the expectation comes from an untrusted header, and a longer stream just grows.
    this.samples = new float[(int) Math.min(MAX_PRESIZED_SAMPLES, expected)];
  }

  /** The next {@code count} samples, from {@code mono[offset]}. */
  public void accept(float[] mono, int offset, int count) {
    if (result != null) {
      throw new IllegalStateException("the stream was finished");
    }
    if (halvings.length == 0) {
      append(mono, offset, count);
    } else {
      halvings[0].accept(mono, offset, count);
    }
  }

  /** Ends the stream: the whole signal at the analysis rate. */
  public MonoSignal finish() {
    if (result == null) {
      for (HalvingStream stage : halvings) {
        stage.finish(); // its last outputs go into the next stage before that one finishes
      }
      result =
          new MonoSignal(
              length == samples.length ? samples : Arrays.copyOf(samples, length), analysisRateHz);
      samples = null;
    }
    return result;
  }

  private void append(float[] block, int offset, int count) {
    if (length + count > samples.length) {
      samples =
          Arrays.copyOf(samples, Math.max(length + count, samples.length + samples.length / 2));
    }
    System.arraycopy(block, offset, samples, length, count);
    length += count;
  }
}
