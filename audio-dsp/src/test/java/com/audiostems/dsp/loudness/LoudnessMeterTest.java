package com.audiostems.dsp.loudness;

import static com.audiostems.dsp.loudness.EbuTestSignals.silence;
import static com.audiostems.dsp.loudness.EbuTestSignals.stereoTones;
import static com.audiostems.dsp.loudness.EbuTestSignals.tone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LoudnessMeterTest {

  private static void assertNoNaN(LoudnessMeasurement m) {
    for (double v :
        new double[] {
          m.integratedLufs(),
          m.loudnessRangeLu(),
          m.momentaryMaxLufs(),
          m.shortTermMaxLufs(),
          m.truePeakDbtp(),
          m.samplePeakDbfs(),
          m.peakToLoudnessRatioLu()
        }) {
      assertThat(v).isNotNaN();
    }
    for (double[] series :
        new double[][] {
          m.momentaryLoudness10HzLufs(),
          m.shortTermLoudness10HzLufs(),
          m.shortTermLoudnessPerSecondLufs()
        }) {
      for (double v : series) {
        assertThat(v).isNotNaN();
      }
    }
  }

  @Test
  void silenceHasNoLoudnessAndNoPeak() {
    LoudnessMeasurement m = LoudnessMeter.measure(new float[2][48_000 * 10], 48_000);

    assertNoNaN(m);
    assertThat(m.hasIntegratedLoudness()).isFalse();
    assertThat(m.integratedLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(m.momentaryMaxLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(m.shortTermMaxLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(m.truePeakDbtp()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(m.samplePeakDbfs()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(m.loudnessRangeLu()).isZero();
    assertThat(m.peakToLoudnessRatioLu()).isZero();
    assertThat(m.shortTermLoudnessPerSecondLufs())
        .hasSize(10)
        .containsOnly(Double.NEGATIVE_INFINITY);
  }

  @Test
  void emptyInputIsWellDefined() {
    LoudnessMeasurement m = LoudnessMeter.measure(new float[2][0], 44_100);

    assertNoNaN(m);
    assertThat(m.frames()).isZero();
    assertThat(m.integratedLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(m.momentaryLoudness10HzLufs()).isEmpty();
    assertThat(m.shortTermLoudnessPerSecondLufs()).isEmpty();
  }

  // Shorter than one 400 ms gating block: no integrated loudness, but the peaks and the (zero
  // padded) momentary maximum exist: 300 ms of -23 LUFS in a 400 ms window is -24.25 LUFS.
  @Test
  void inputShorterThanOneBlockHasNoIntegratedLoudness() {
    LoudnessMeasurement m =
        LoudnessMeter.measure(stereoTones(48_000, List.of(tone(0.3, -23))), 48_000);

    assertNoNaN(m);
    assertThat(m.integratedLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(m.momentaryMaxLufs()).isCloseTo(-23 + 10 * Math.log10(0.3 / 0.4), within(0.05));
    assertThat(m.samplePeakDbfs()).isCloseTo(-23, within(0.01));
    assertThat(m.truePeakDbtp()).isCloseTo(-23, within(0.05));
  }

  // Stereo 1 kHz at -23 dBFS per channel is -23 LUFS (Tech 3341 case 1); the same tone in one
  // channel only carries half the power: -26.01 LUFS.
  @Test
  void monoToneReadsThreeDbBelowTheStereoOne() {
    float[] mono = EbuTestSignals.tones(48_000, List.of(tone(10, -23)));

    assertThat(LoudnessMeter.measure(new float[][] {mono}, 48_000).integratedLufs())
        .isCloseTo(-23 - 10 * Math.log10(2), within(0.05));
  }

  @Test
  void lfeIsLeftOutOfTheLoudnessButNotOutOfThePeaks() {
    float[][] x = EbuTestSignals.surround50(48_000, 5, new double[] {-28, -28, -24, -30, -30});
    float[][] silentLfe = EbuTestSignals.withSilentChannel(x, 3);
    float[][] loudLfe = silentLfe.clone();
    loudLfe[3] = EbuTestSignals.tones(48_000, List.of(tone(5, -3)));

    LoudnessMeasurement quiet = LoudnessMeter.measure(silentLfe, 48_000);
    LoudnessMeasurement loud = LoudnessMeter.measure(loudLfe, 48_000);

    assertThat(loud.integratedLufs()).isEqualTo(quiet.integratedLufs());
    assertThat(loud.samplePeakDbfs()).isCloseTo(-3, within(0.01));
  }

  @Test
  void explicitWeightsOverrideTheChannelCountDefault() {
    float[][] x = stereoTones(48_000, List.of(tone(5, -23)));
    LoudnessMeter onlyLeft = new LoudnessMeter(48_000, new double[] {1.0, 0.0});
    onlyLeft.accept(x, x[0].length);

    assertThat(onlyLeft.result().integratedLufs()).isCloseTo(-26.01, within(0.05));
  }

  // Feeding any block sizes, and reading results in between, gives the same measurement as
  // measuring the whole signal at once.
  @Test
  void blockSizesAndIntermediateReadingsDoNotChangeTheResult() {
    SplittableRandom random = new SplittableRandom(3);
    float[][] x = new float[2][44_100 * 8];
    for (int i = 0; i < x[0].length; i++) {
      double level = 0.05 + 0.5 * Math.abs(Math.sin(i / 20_000.0));
      x[0][i] = (float) (level * (random.nextDouble() - 0.5));
      x[1][i] = (float) (level * Math.sin(i * 0.07));
    }
    LoudnessMeasurement whole = LoudnessMeter.measure(x, 44_100);

    LoudnessMeter meter = new LoudnessMeter(44_100, 2);
    int at = 0;
    while (at < x[0].length) {
      int n = Math.min(1 + random.nextInt(9000), x[0].length - at);
      meter.accept(x, at, n);
      at += n;
      meter.result();
    }
    LoudnessMeasurement pieces = meter.result();

    assertThat(pieces.integratedLufs()).isCloseTo(whole.integratedLufs(), within(1e-9));
    assertThat(pieces.loudnessRangeLu()).isCloseTo(whole.loudnessRangeLu(), within(1e-9));
    assertThat(pieces.momentaryMaxLufs()).isCloseTo(whole.momentaryMaxLufs(), within(1e-9));
    assertThat(pieces.shortTermMaxLufs()).isCloseTo(whole.shortTermMaxLufs(), within(1e-9));
    assertThat(pieces.truePeakDbtp()).isEqualTo(whole.truePeakDbtp());
    assertThat(pieces.samplePeakDbfs()).isEqualTo(whole.samplePeakDbfs());
    assertThat(pieces.momentaryLoudness10HzLufs())
        .containsExactly(whole.momentaryLoudness10HzLufs(), within(1e-9));
  }

  // Sample accuracy beyond Tech 3341 case 13: a 400 ms burst starting at an arbitrary sample at
  // 44.1 kHz, and a 3 s one, read their full level (the 10 Hz series alone would not).
  @Test
  void maximaAreFoundAtAnySampleOffset() {
    int rate = 44_100;
    for (int offset : new int[] {1, 1234, 2205, 4409}) {
      float[][] x =
          stereoTones(
              rate,
              List.of(
                  silence(offset / (double) rate + 0.3),
                  tone(0.4, -23),
                  silence(3.5),
                  tone(3, -30),
                  silence(0.5)));
      LoudnessMeasurement m = LoudnessMeter.measure(x, rate);

      assertThat(m.momentaryMaxLufs()).isCloseTo(-23, within(0.02));
      assertThat(m.shortTermMaxLufs()).isCloseTo(-30, within(0.02));
    }
  }

  @Test
  void seriesHaveOneValuePerWindowEnd() {
    LoudnessMeasurement m =
        LoudnessMeter.measure(stereoTones(48_000, List.of(tone(10.05, -23))), 48_000);

    assertThat(m.momentaryLoudness10HzLufs()).hasSize(100);
    assertThat(m.shortTermLoudness10HzLufs()).hasSize(100);
    assertThat(m.shortTermLoudnessPerSecondLufs()).hasSize(10);
    // Windows ending at 1 s and 2 s still hold 2 s and 1 s of silence from before the start.
    assertThat(m.shortTermLoudnessPerSecondLufs()[0])
        .isCloseTo(-23 + 10 * Math.log10(1 / 3.0), within(0.05));
    for (int i = 2; i < 10; i++) {
      assertThat(m.shortTermLoudnessPerSecondLufs()[i]).isCloseTo(-23, within(0.05));
    }
  }

  @Test
  void peakToLoudnessRatioIsTruePeakMinusIntegrated() {
    float[][] x = stereoTones(48_000, List.of(tone(5, -20), tone(5, -26)));
    LoudnessMeasurement m = LoudnessMeter.measure(x, 48_000);

    assertThat(m.peakToLoudnessRatioLu())
        .isCloseTo(m.truePeakDbtp() - m.integratedLufs(), within(1e-12));
    // -20 dBTP; I = 10 log10((10^-2 + 10^-2.6) / 2) = -22.04 LUFS (neither part gated).
    assertThat(m.peakToLoudnessRatioLu()).isCloseTo(2.04, within(0.05));
  }

  @Test
  void rejectsBlocksThatDoNotMatchTheMeter() {
    LoudnessMeter meter = new LoudnessMeter(48_000, 2);

    assertThatThrownBy(() -> meter.accept(new float[1][100], 100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> meter.accept(new float[2][100], 50, 100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LoudnessMeter(0, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LoudnessMeter(48_000, new double[] {1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
