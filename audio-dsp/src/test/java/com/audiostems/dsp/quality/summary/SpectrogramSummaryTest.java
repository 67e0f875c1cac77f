package com.audiostems.dsp.quality.summary;

import static com.audiostems.dsp.quality.summary.SummarySignals.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpectrogramSummaryTest {

  @Test
  void aFullScaleSineReadsZeroDecibelsInItsBin() {
    // 1500 Hz is bin 64 of 2048 at 48 kHz exactly: no scalloping loss.
    float[] x = sine(1500, 1.0, RATE_48K, 3);
    SpectrogramSummary s = SpectrogramSummary.of(new float[][] {x}, RATE_48K, 50);
    assertThat(s.powerDb(25, 64)).isCloseTo(0, within(0.1));
    assertThat(s.powerDb(25, 200)).isLessThan(-100);
  }

  @Test
  void streamingInBlocksGivesTheSameColumnsAndBoundsTheWork() {
    float[] x = bandLimitedNoise(RATE_44K, CUTOFF_HZ, 0.2, 20, 7);
    float[][] stereo = {x, x};
    SpectrogramSummary whole = SpectrogramSummary.of(stereo, RATE_44K, 200);
    SpectrogramSummary streamed = new SpectrogramSummary(2, RATE_44K, x.length, 200);
    for (int i = 0; i < x.length; i += 1234) {
      streamed.accept(stereo, i, Math.min(1234, x.length - i));
    }
    assertThat(streamed.framesComputed()).isEqualTo(whole.framesComputed());
    for (int c = 0; c < 200; c += 7) {
      for (int k = 0; k < streamed.binCount(); k += 13) {
        assertThat(streamed.power(c, k))
            .isCloseTo(whole.power(c, k), within(1e-9 + 1e-6 * whole.power(c, k)));
      }
    }
    // 20 s at 44.1 kHz: hop = max(256, ceil(882000 / 4000)) = 256, so about 3437 frames.
    assertThat(whole.hopSamples()).isEqualTo(256);
    // A 5-minute track: at most 4000 frames whatever the rate.
    long fiveMinutes = 300L * RATE_96K;
    SpectrogramSummary longTrack =
        new SpectrogramSummary(2, RATE_96K, fiveMinutes, QualitySummaries.SPECTROGRAM_COLUMNS);
    float[][] block = new float[2][1 << 16];
    for (long done = 0; done < fiveMinutes; done += block[0].length) {
      longTrack.accept(block, (int) Math.min(block[0].length, fiveMinutes - done));
    }
    assertThat(longTrack.hopSamples()).isEqualTo(7200);
    assertThat(longTrack.framesComputed()).isBetween(3990, 4000);
  }
}
