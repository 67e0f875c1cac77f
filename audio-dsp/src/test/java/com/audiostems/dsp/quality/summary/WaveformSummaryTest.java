package com.audiostems.dsp.quality.summary;

import static com.audiostems.dsp.quality.summary.SummarySignals.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WaveformSummaryTest {

  @Test
  void summaryHoldsMinMaxRmsAndDoesNotDependOnBlockSize() {
    float[][] track = clippedStereo();
    int columns = 500;
    WaveformSummary whole = WaveformSummary.of(track, RATE_48K, columns);
    WaveformSummary streamed = new WaveformSummary(2, RATE_48K, track[0].length, columns);
    int block = 997; // not a divisor of anything
    for (int i = 0; i < track[0].length; i += block) {
      streamed.accept(track, i, Math.min(block, track[0].length - i));
    }
    assertThat(streamed.framesSeen()).isEqualTo(track[0].length);
    for (int c = 0; c < columns; c++) {
      assertThat(streamed.count(c)).isEqualTo(whole.count(c));
      for (int ch = 0; ch < 2; ch++) {
        assertThat(streamed.min(ch, c)).isEqualTo(whole.min(ch, c));
        assertThat(streamed.max(ch, c)).isEqualTo(whole.max(ch, c));
        assertThat(streamed.clippedSamples(ch, c)).isEqualTo(whole.clippedSamples(ch, c));
        assertThat(streamed.rms(ch, c)).isCloseTo(whole.rms(ch, c), within(1e-5f));
      }
    }
    // Every column holds 10 s / 500 = 20 ms = 4.4 periods of 220 Hz: peaks near ±0.5, RMS 0.5/√2.
    int clean = 100; // 2 s: before the clipped stretch
    assertThat(whole.max(1, clean)).isCloseTo(0.5f, within(0.01f));
    assertThat(whole.min(1, clean)).isCloseTo(-0.5f, within(0.01f));
    assertThat(whole.rms(1, clean)).isCloseTo((float) (0.5 / Math.sqrt(2)), within(0.01f));
    assertThat(whole.clippedSamples(0, clean)).isZero();
    int clipped = 225; // 4.5 s
    assertThat(whole.clippedSamples(0, clipped)).isGreaterThan(100);
    assertThat(whole.clippedSamples(1, clipped)).isZero();
    // Frame n lands in column floor(n * columns / total): 960 frames per column here.
    assertThat(whole.count(0)).isEqualTo(960);
  }
}
