package com.audiostems.dsp.spectral;

import static com.audiostems.dsp.spectral.TestSignals.RATE_HZ;
import static com.audiostems.dsp.spectral.TestSignals.mean;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.audiostems.dsp.signal.Stft;
import org.junit.jupiter.api.Test;

class ZeroCrossingRateTest {

  @Test
  void aSineCrossesTwicePerPeriod() {
    for (double hz : new double[] {100, 1000, 2500}) {
      float[] x = TestSignals.sine(hz + 0.37, 0.5, 2); // off-grid, so no sample sits on zero
      double[] zcr =
          SpectralFeatures.zeroCrossingRatePerSample(x, Stft.magnitudes(x, RATE_HZ, 2048, 512));
      assertThat(zcr).hasSize(1 + x.length / 512);
      // Reference: 2f/fs crossings per sample; a 2048-sample frame rounds by ±1 crossing.
      double expected = 2 * (hz + 0.37) / RATE_HZ;
      assertThat(mean(zcr, 4, zcr.length - 4))
          .isCloseTo(expected, within(expected * 0.01 + 1.0 / 2048));
    }
  }

  @Test
  void edgesAreClippedToTheSignalAndSilenceIsZero() {
    double[] zcr = ZeroCrossingRate.perSample(new float[5000], 2048, 512, 10);
    for (double v : zcr) {
      assertThat(v).isZero();
    }
  }

  @Test
  void everyFrameCountsExactlyTheSignChangesInsideIt() {
    java.util.Random random = new java.util.Random(3);
    int[][] layouts = {{2048, 512}, {2048, 2048}, {1024, 700}, {16, 3}, {8, 64}};
    for (int[] layout : layouts) {
      int frame = layout[0];
      int hop = layout[1];
      for (int length : new int[] {0, 1, 5, 100, 10_007}) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
          x[i] = random.nextInt(4) == 0 ? 0f : (float) random.nextGaussian();
        }
        int frames = 1 + length / hop;
        double[] zcr = ZeroCrossingRate.perSample(x, frame, hop, frames);
        for (int f = 0; f < frames; f++) {
          int from = Math.max(0, f * hop - frame / 2);
          int to = Math.min(length, f * hop - frame / 2 + frame);
          int crossings = 0;
          for (int j = from + 1; j < to; j++) {
            crossings +=
                (Float.floatToRawIntBits(x[j]) >>> 31) != (Float.floatToRawIntBits(x[j - 1]) >>> 31)
                    ? 1
                    : 0;
          }
          double expected = to - from - 1 > 0 ? (double) crossings / (to - from - 1) : 0;
          assertThat(zcr[f])
              .as("frame %d of %d, layout %d/%d", f, length, frame, hop)
              .isEqualTo(expected);
        }
      }
    }
  }
}
