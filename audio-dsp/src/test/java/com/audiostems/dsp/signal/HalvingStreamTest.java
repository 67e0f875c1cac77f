package com.audiostems.dsp.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HalvingStreamTest {

  private static final HalfBandFilter[] FILTERS = {
    HalfBandFilter.TRANSPARENT, HalfBandFilter.SHORT, HalfBandFilter.protecting(22_050, 2_750, 60),
  };

  /** The definition, output by output: y[o] = c·x[2o] + Σ h_i (x[2o−2i−1] + x[2o+2i+1]). */
  private static float[] textbook(float[] x, HalfBandFilter filter) {
    float[] y = new float[(x.length + 1) / 2];
    for (int o = 0; o < y.length; o++) {
      float acc = filter.centre() * x[2 * o];
      for (int i = 0; i < filter.pairs(); i++) {
        acc += filter.oddTap(i) * (at(x, 2 * o - 2 * i - 1) + at(x, 2 * o + 2 * i + 1));
      }
      y[o] = acc;
    }
    return y;
  }

  private static float at(float[] x, int i) {
    return i >= 0 && i < x.length ? x[i] : 0f;
  }

  private static float[] noise(int length, long seed) {
    Random random = new Random(seed);
    float[] x = new float[length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian() * 0.3f;
    }
    return x;
  }

  /** Feeds {@code x} in pieces of random sizes (some empty) and collects what comes out. */
  private static float[] streamed(float[] x, HalfBandFilter filter, Random random) {
    List<float[]> blocks = new ArrayList<>();
    HalvingStream stream =
        new HalvingStream(
            filter, (block, count) -> blocks.add(java.util.Arrays.copyOf(block, count)));
    int at = 0;
    while (at < x.length) {
      int piece = Math.min(x.length - at, random.nextInt(random.nextBoolean() ? 40 : 20_000));
      stream.accept(x, at, piece);
      at += piece;
    }
    stream.finish();
    stream.finish(); // a second finish emits nothing more
    int total = blocks.stream().mapToInt(b -> b.length).sum();
    float[] y = new float[total];
    int written = 0;
    for (float[] b : blocks) {
      System.arraycopy(b, 0, y, written, b.length);
      written += b.length;
    }
    return y;
  }

  @Test
  void pieceByPieceIsTheDefinitionBitForBit() {
    Random random = new Random(11);
    for (HalfBandFilter filter : FILTERS) {
      for (int length : new int[] {0, 1, 2, 3, 7, 46, 47, 48, 4_095, 4_096, 4_097, 100_003}) {
        float[] x = noise(length, length);
        float[] expected = textbook(x, filter);
        assertThat(streamed(x, filter, random)).as("length %d", length).isEqualTo(expected);
        assertThat(Resampler.halve(x, filter)).as("length %d", length).isEqualTo(expected);
      }
    }
  }

  @Test
  void takesNothingAfterFinishing() {
    HalvingStream stream = new HalvingStream(HalfBandFilter.SHORT, (block, count) -> {});
    stream.accept(new float[10], 0, 10);
    stream.finish();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> stream.accept(new float[1], 0, 1))
        .isInstanceOf(IllegalStateException.class);
    assertThat(stream.inputCount()).isEqualTo(10);
  }

  @Test
  void theAnalysisRateStreamIsToAnalysisRateOfTheWholeSignal() {
    Random random = new Random(5);
    for (int rate : new int[] {22_050, 44_100, 48_000, 96_000, 192_000, 11_025, 44_101}) {
      float[] x = noise(3 * rate / 2 + 7, rate);
      MonoSignal whole = Resampler.toAnalysisRate(x, rate);
      // sized for fewer and for more samples than come (and a header's absurd claim): the
      // collection grows or is trimmed
      for (long expected : new long[] {100, x.length, 10L * x.length, Long.MAX_VALUE}) {
        AnalysisRateStream stream = new AnalysisRateStream(rate, expected);
        int at = 0;
        while (at < x.length) {
          int piece = Math.min(x.length - at, random.nextInt(9_000));
          stream.accept(x, at, piece);
          at += piece;
        }
        MonoSignal streamed = stream.finish();
        assertThat(streamed.sampleRateHz()).as("rate %d", rate).isEqualTo(whole.sampleRateHz());
        assertThat(streamed.samples()).as("rate %d", rate).isEqualTo(whole.samples());
        assertThat(stream.finish()).isSameAs(streamed);
      }
    }
  }
}
