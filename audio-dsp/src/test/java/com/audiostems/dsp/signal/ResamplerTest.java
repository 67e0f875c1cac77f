package com.audiostems.dsp.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ResamplerTest {

  private static float[] sine(double hz, int rateHz, double seconds) {
    float[] x = new float[(int) (rateHz * seconds)];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.sin(2 * Math.PI * hz * i / rateHz);
    }
    return x;
  }

  private static double rms(float[] x, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += x[i] * x[i];
    }
    return Math.sqrt(s / (to - from));
  }

  /** RMS of the middle half: away from the edges, where the filters see zeros. */
  private static double middleRms(float[] x) {
    return rms(x, x.length / 4, 3 * x.length / 4);
  }

  @Test
  void passbandKeepsItsLevel() {
    MonoSignal y = Resampler.toAnalysisRate(sine(1000, 44_100, 1), 44_100);
    assertThat(y.sampleRateHz()).isEqualTo(22_050);
    assertThat(rms(y.samples(), 1000, 20_000)).isCloseTo(Math.sqrt(0.5), within(0.005));
  }

  @Test
  void contentAboveTheNewNyquistIsRemoved() {
    // 15 kHz would fold to 7.05 kHz at 22.05 kHz; it must be at least 60 dB down instead.
    MonoSignal y = Resampler.toAnalysisRate(sine(15_000, 44_100, 1), 44_100);
    assertThat(rms(y.samples(), 1000, 20_000)).isLessThan(Math.sqrt(0.5) * 1e-3);
  }

  @Test
  void highRatesAreHalvedUntilTwentyFourKilohertz() {
    assertThat(Resampler.toAnalysisRate(new float[96_000], 96_000).sampleRateHz())
        .isEqualTo(24_000);
    assertThat(Resampler.toAnalysisRate(new float[192_000], 192_000).samples()).hasSize(24_000);
    assertThat(Resampler.toAnalysisRate(new float[22_050], 22_050).sampleRateHz())
        .isEqualTo(22_050);
  }

  @Test
  void anyRatioKeepsThePassbandAndStopsWhatWouldFold() {
    for (int in : new int[] {44_100, 48_000, 22_050, 11_025}) {
      for (int out : new int[] {8_000, 22_050, 48_000}) {
        if (in == out) {
          continue;
        }
        float[] pass = Resampler.toRate(sine(1000, in, 1), in, out);
        assertThat(pass.length)
            .as("%d -> %d", in, out)
            .isCloseTo(out, within(5)); // (n − 1) · out / in + 1, after any halvings
        assertThat(middleRms(pass))
            .as("1 kHz, %d -> %d", in, out)
            .isCloseTo(Math.sqrt(0.5), within(0.005));
        double lower = Math.min(in, out) / 2.0;
        if (lower * 1.2 < in / 2.0) {
          // 1.2 times the output's Nyquist would fold to 0.8 of it: at least 60 dB down.
          float[] stop = Resampler.toRate(sine(lower * 1.2, in, 1), in, out);
          assertThat(middleRms(stop))
              .as("%.0f Hz, %d -> %d", lower * 1.2, in, out)
              .isLessThan(Math.sqrt(0.5) * 1e-3);
        }
      }
    }
  }

  @Test
  void aSpeedChangeScalesFrequencyAndLength() {
    // resample(x, 1, s): sample i of the output is the input at i / s, so 1 kHz becomes 1 kHz / s.
    float[] x = sine(1000, 22_050, 1);
    float[] y = Resampler.resample(x, 1, 1.01);
    assertThat(y).hasSize(22_270);
    for (int i = 5_000; i < 5_100; i++) {
      assertThat((double) y[i])
          .isCloseTo(Math.sin(2 * Math.PI * 1000 * i / (22_050 * 1.01)), within(1e-3));
    }
  }

  @Test
  void theOutputStartsAtTheInputsFirstSampleWithoutDelay() {
    float[] x = sine(500, 44_100, 0.5);
    float[] y = Resampler.toRate(x, 44_100, 8_000);
    for (int i = 1_000; i < 1_100; i++) {
      assertThat((double) y[i]).isCloseTo(Math.sin(2 * Math.PI * 500 * i / 8_000.0), within(2e-3));
    }
  }

  @Test
  void theWatermarkBandIsHalvedWhereTheWholeBandWouldNeedASincStage() {
    // 44.1 -> 22.05 kHz keeping 7 kHz is one halving (its passband reaches 8.8 kHz): a quarter of
    // the work of a sinc stage at that ratio.
    float[] x = sine(6_800, 44_100, 1);
    float[] halved = Resampler.toRate(x, 44_100, 22_050, 7_000);
    assertThat(halved).isEqualTo(Resampler.halve(x));
    assertThat(middleRms(halved)).isCloseTo(Math.sqrt(0.5), within(0.005));
  }

  @Test
  void theShortHalfBandPassesLowFrequenciesAndHalvesTheLength() {
    float[] x = new float[1000];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.sin(2 * Math.PI * 0.01 * i);
    }
    float[] y = Resampler.halve(x, HalfBandFilter.SHORT);
    assertThat(y).hasSize(500);
    for (int o = 10; o < 490; o++) {
      assertThat((double) y[o]).isCloseTo(Math.sin(2 * Math.PI * 0.02 * o), within(0.01));
    }
  }

  @Test
  void theSameRateGivesACopyAndTheFlatBandReachesThreeQuartersOfTheNyquist() {
    float[] x = sine(1000, 8_000, 0.1);
    float[] same = Resampler.resample(x, 8_000, 8_000);
    assertThat(same).isEqualTo(x).isNotSameAs(x);
    // 2.9 kHz at 11.025 -> 8 kHz: 0.73 of the output Nyquist, inside the flat band (0.1 dB).
    float[] top = Resampler.toRate(sine(2_900, 11_025, 1), 11_025, 8_000);
    assertThat(middleRms(top)).isCloseTo(Math.sqrt(0.5), within(0.008));
  }
}
