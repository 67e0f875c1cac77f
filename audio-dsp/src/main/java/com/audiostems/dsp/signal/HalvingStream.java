package com.audiostems.dsp.signal;

import java.util.Arrays;

/**
 * {@link Resampler#halve(float[], HalfBandFilter)} fed in pieces: the samples of a stream arrive in
 * blocks of any size and the halved samples leave in blocks, exactly (bit for bit) those that
 * halving the whole concatenated signal gives, zeros assumed before the first sample and after the
 * last. A decoder's blocks can so be brought to the analysis rate as they come, without first
 * collecting the whole signal at the source rate (53 MB for five minutes at 44.1 kHz, grown by
 * doubling: most of the analysis engine's garbage).
 *
 * <p>Each output sums its taps in one fixed order (the centre, then the taps at ±1, ±3, …), on
 * blocks of {@value #BLOCK} outputs whose odd input samples are first gathered into one array, so
 * that every inner loop is unit-stride and a block's taps all run while it is in the L1 cache.
 *
 * <p>Not thread-safe: one stream, one thread.
 */
public final class HalvingStream {

  /** Where the halved samples go, block by block; {@code samples} is reused after the call. */
  @FunctionalInterface
  public interface Sink {
    void accept(float[] samples, int count);
  }

  /** Outputs per block: 8 KiB of floats, in the L1 cache with their inputs. */
  static final int BLOCK = 2048;

  private final Sink sink;
  private final int pairs;
  private final float centre;
  private final float[] taps;

  /**
   * The inputs still needed: {@code window[k]} is input sample {@code base + k}, for {@code k <
   * filled}. {@code base} is even and starts at {@code −2 · pairs}, the zeros before the signal.
   */
  private final float[] window;

  private long base;
  private int filled;
  private long inputs;
  private long nextOutput;
  private final float[] odd;
  private final float[] out = new float[BLOCK];
  private boolean finished;

  public HalvingStream(HalfBandFilter filter, Sink sink) {
    this.sink = sink;
    this.pairs = filter.pairs();
    this.centre = filter.centre();
    this.taps = new float[pairs];
    for (int i = 0; i < pairs; i++) {
      taps[i] = filter.oddTap(i);
    }
    this.window = new float[2 * BLOCK + 4 * pairs + 2];
    this.odd = new float[BLOCK + 2 * pairs];
    this.base = -2L * pairs;
    this.filled = 2 * pairs; // the leading zeros
  }

  /** The next {@code count} samples of the stream, from {@code samples[offset]}. */
  public void accept(float[] samples, int offset, int count) {
    if (finished) {
      throw new IllegalStateException("the stream was finished");
    }
    int done = 0;
    while (done < count) {
      int take = Math.min(count - done, window.length - filled);
      System.arraycopy(samples, offset + done, window, filled, take);
      filled += take;
      done += take;
      inputs += take;
      if (filled == window.length) {
        emitReady(false);
      }
    }
  }

  /**
   * Ends the stream: emits the outputs that read past its last sample (zeros there), {@code (inputs
   * + 1) / 2} outputs in all.
   */
  public void finish() {
    if (!finished) {
      finished = true;
      emitReady(true);
    }
  }

  /** Samples taken so far. */
  public long inputCount() {
    return inputs;
  }

  /**
   * Emits the outputs whose inputs are all in the window (at the end: every output left, reading
   * zeros past the last sample), then drops the inputs no later output reads.
   */
  private void emitReady(boolean atEnd) {
    // Output o reads inputs 2o − 2·pairs + 1 .. 2o + 2·pairs − 1; base + filled = inputs taken.
    long end = atEnd ? (inputs + 1) / 2 : Math.floorDiv(base + filled - 2L * pairs, 2) + 1;
    while (nextOutput < end) {
      int count = (int) Math.min(BLOCK, end - nextOutput);
      if (atEnd) {
        // Past the last sample the block reads zeros: written beyond `filled`, never counted.
        long reach = 2 * (nextOutput + count) + 2L * pairs - 2 - base; // last read + 1
        if (reach > window.length) {
          compact();
          reach = 2 * (nextOutput + count) + 2L * pairs - 2 - base;
        }
        if (reach > filled) {
          Arrays.fill(window, filled, (int) reach, 0f);
        }
      }
      emitBlock(count);
    }
    compact();
  }

  /** The {@code count} outputs from {@link #nextOutput}, all of whose inputs are in the window. */
  private void emitBlock(int count) {
    // odd[j] = x[2 (first − pairs + j) + 1]: the odd inputs the block's taps read.
    int from = (int) (2 * (nextOutput - pairs) + 1 - base);
    for (int j = 0; j < count + 2 * pairs - 1; j++) {
      odd[j] = window[from + 2 * j];
    }
    int even = (int) (2 * nextOutput - base);
    for (int o = 0; o < count; o++) {
      out[o] = centre * window[even + 2 * o];
    }
    for (int i = 0; i < pairs; i++) {
      // The tap at ±(2i + 1): x[2o − 2i − 1] = odd[pairs + o − i − 1], x[2o + 2i + 1] = odd[pairs +
      // o + i], o counted from the block's first output.
      float h = taps[i];
      int before = pairs - i - 1;
      int after = pairs + i;
      for (int o = 0; o < count; o++) {
        out[o] += h * (odd[before + o] + odd[after + o]);
      }
    }
    nextOutput += count;
    sink.accept(out, count);
  }

  /** Drops the inputs before {@code 2 · nextOutput − 2 · pairs}, which no output left reads. */
  private void compact() {
    int drop = (int) Math.min(filled, Math.max(0, 2 * nextOutput - 2L * pairs - base));
    System.arraycopy(window, drop, window, 0, filled - drop);
    filled -= drop;
    base += drop;
  }
}
