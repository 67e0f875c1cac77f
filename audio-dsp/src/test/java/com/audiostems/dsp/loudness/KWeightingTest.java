package com.audiostems.dsp.loudness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KWeightingTest {

  // ITU-R BS.1770-4 Table 1 (stage 1, 48 kHz): b0 1.53512485958697, b1 -2.69169618940638,
  // b2 1.19839281085285, a1 -1.69065929318241, a2 0.73248077421585.
  @Test
  void shelfAt48kHzIsTheTabulatedFilter() {
    KWeighting.Biquad f = KWeighting.shelf(48_000);

    assertThat(f.b0()).isCloseTo(1.53512485958697, within(1e-10));
    assertThat(f.b1()).isCloseTo(-2.69169618940638, within(1e-10));
    assertThat(f.b2()).isCloseTo(1.19839281085285, within(1e-10));
    assertThat(f.a1()).isCloseTo(-1.69065929318241, within(1e-10));
    assertThat(f.a2()).isCloseTo(0.73248077421585, within(1e-10));
  }

  // ITU-R BS.1770-4 Table 2 (stage 2, 48 kHz): b = 1, -2, 1; a1 -1.99004745483398,
  // a2 0.99007225036621.
  @Test
  void highPassAt48kHzIsTheTabulatedFilter() {
    KWeighting.Biquad f = KWeighting.highPass(48_000);

    assertThat(f.b0()).isCloseTo(1.0, within(1e-12));
    assertThat(f.b1()).isCloseTo(-2.0, within(1e-12));
    assertThat(f.b2()).isCloseTo(1.0, within(1e-12));
    assertThat(f.a1()).isCloseTo(-1.99004745483398, within(1e-10));
    assertThat(f.a2()).isCloseTo(0.99007225036621, within(1e-10));
  }

  // BS.1770 asks other rates for "the same frequency response that the specified filter provides
  // at 48 kHz": within 0.01 dB wherever both rates represent the frequency.
  @ParameterizedTest
  @ValueSource(ints = {44_100, 88_200, 96_000, 176_400, 192_000})
  void otherRatesHaveThe48kHzResponse(int rate) {
    for (double hz : new double[] {20, 38, 60, 100, 200, 500, 1000, 1682, 3000, 6000, 10_000}) {
      assertThat(KWeighting.responseDb(hz, rate))
          .as("%s Hz at %s Hz", hz, rate)
          .isCloseTo(KWeighting.responseDb(hz, 48_000), within(0.01));
    }
  }

  // The shape itself: about -1.13 dB at 100 Hz (RLB roll-off), +0.69 dB at 1 kHz, +4.0 dB shelf
  // above a few kHz (values of the 48 kHz table filter).
  @Test
  void responseHasTheKWeightingShape() {
    assertThat(KWeighting.responseDb(100, 48_000)).isCloseTo(-1.13, within(0.02));
    assertThat(KWeighting.responseDb(1000, 48_000)).isCloseTo(0.70, within(0.02));
    assertThat(KWeighting.responseDb(10_000, 48_000)).isCloseTo(4.04, within(0.02));
    assertThat(KWeighting.responseDb(20, 48_000)).isLessThan(-10);
  }

  // End to end: a stereo 997 Hz tone at -20 dBFS reads the same loudness at every rate.
  @ParameterizedTest
  @ValueSource(ints = {44_100, 48_000, 88_200, 96_000, 192_000})
  void toneReadsTheSameLoudnessAtEveryRate(int rate) {
    float[] tone = new float[rate * 5];
    for (int i = 0; i < tone.length; i++) {
      tone[i] = (float) (0.1 * Math.sin(2 * Math.PI * 997 * i / rate));
    }
    double reference = -20 + KWeighting.responseDb(997, 48_000) + LoudnessUnits.OFFSET_DB;

    assertThat(LoudnessMeter.measure(new float[][] {tone, tone}, rate).integratedLufs())
        .isCloseTo(reference, within(0.01));
  }

  @Test
  void splittingTheInputDoesNotChangeTheOutput() {
    float[] x = EbuTestSignals.tones(48_000, List.of(EbuTestSignals.tone(0.5, -10)));
    double[] whole = new double[x.length];
    new KWeighting(48_000).accumulateWeightedSquares(x, 0, x.length, 1, whole);
    double[] parts = new double[x.length];
    KWeighting f = new KWeighting(48_000);
    double[] scratch = new double[x.length];
    int at = 0;
    for (int n : new int[] {1, 7, 1000, 5000, x.length}) {
      int len = Math.min(n, x.length - at);
      java.util.Arrays.fill(scratch, 0);
      f.accumulateWeightedSquares(x, at, len, 1, scratch);
      System.arraycopy(scratch, 0, parts, at, len);
      at += len;
    }

    assertThat(parts).containsExactly(whole);
  }
}
