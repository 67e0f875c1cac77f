package com.audiostems.dsp.loudness;

import static com.audiostems.dsp.loudness.EbuTestSignals.repeated;
import static com.audiostems.dsp.loudness.EbuTestSignals.silence;
import static com.audiostems.dsp.loudness.EbuTestSignals.stereoTones;
import static com.audiostems.dsp.loudness.EbuTestSignals.tone;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EBU Tech 3341 (V4, 2023; the test table is unchanged since V3, 2016), Table 1 "Minimum
 * requirements test signals": every case whose signal the table defines, synthesised here and
 * measured against the expected response and accepted tolerance written next to each assertion. The
 * table's signals are 48 kHz files; the loudness cases also run at 44.1 kHz, and the true-peak
 * cases (defined relative to fs) at 44.1 and 96 kHz as well.
 *
 * <p>Not generable, so not tested here: case 7 ("authentic programme 1", narrow loudness range, I =
 * -23.0 +-0.1 LUFS) and case 8 ("authentic programme 2", wide loudness range, I = -23.0 +-0.1 LUFS)
 * are recordings the EBU distributes as files, not signals the table describes.
 */
class LoudnessEbuTech3341Test {

  /** Loudness tolerance of cases 1-6 and 9-14: +-0.1 LU. */
  private static final double LOUDNESS_TOLERANCE_LU = 0.1;

  /** True-peak tolerance of cases 15-23: +0.2 / -0.4 dB. */
  private static final double TRUE_PEAK_ABOVE_DB = 0.2;

  private static final double TRUE_PEAK_BELOW_DB = 0.4;

  private static void assertLoudness(double measuredLufs, double expectedLufs) {
    assertThat(measuredLufs)
        .isBetween(expectedLufs - LOUDNESS_TOLERANCE_LU, expectedLufs + LOUDNESS_TOLERANCE_LU);
  }

  private static void assertTruePeak(double measuredDbtp, double expectedDbtp) {
    assertThat(measuredDbtp)
        .isBetween(expectedDbtp - TRUE_PEAK_BELOW_DB, expectedDbtp + TRUE_PEAK_ABOVE_DB);
  }

  /** Values of a 10 Hz series whose window ends at or after {@code seconds}. */
  private static double[] from(double[] series10Hz, double seconds) {
    int first = (int) Math.round(seconds * 10) - 1; // element i ends at (i + 1) x 100 ms
    return java.util.Arrays.copyOfRange(series10Hz, first, series10Hz.length);
  }

  // Case 1: stereo 1 kHz at -23.0 dBFS per channel, 20 s.
  // Expected: M, S, I = -23.0 +-0.1 LUFS.
  @ParameterizedTest
  @ValueSource(ints = {48_000, 44_100})
  void case1_stereoSineAtMinus23(int rate) {
    LoudnessMeasurement m = LoudnessMeter.measure(stereoTones(rate, List.of(tone(20, -23))), rate);

    assertLoudness(m.integratedLufs(), -23.0);
    assertLoudness(m.momentaryMaxLufs(), -23.0);
    assertLoudness(m.shortTermMaxLufs(), -23.0);
    for (double momentary : from(m.momentaryLoudness10HzLufs(), 0.4)) {
      assertLoudness(momentary, -23.0);
    }
    for (double shortTerm : from(m.shortTermLoudness10HzLufs(), 3.0)) {
      assertLoudness(shortTerm, -23.0);
    }
  }

  // Case 2: as #1 at -33.0 dBFS. Expected: M, S, I = -33.0 +-0.1 LUFS.
  @ParameterizedTest
  @ValueSource(ints = {48_000, 44_100})
  void case2_stereoSineAtMinus33(int rate) {
    LoudnessMeasurement m = LoudnessMeter.measure(stereoTones(rate, List.of(tone(20, -33))), rate);

    assertLoudness(m.integratedLufs(), -33.0);
    assertLoudness(m.momentaryMaxLufs(), -33.0);
    assertLoudness(m.shortTermMaxLufs(), -33.0);
    for (double momentary : from(m.momentaryLoudness10HzLufs(), 0.4)) {
      assertLoudness(momentary, -33.0);
    }
    for (double shortTerm : from(m.shortTermLoudness10HzLufs(), 3.0)) {
      assertLoudness(shortTerm, -33.0);
    }
  }

  // Case 3: 10 s at -36.0 dBFS; 60 s at -23.0 dBFS; 10 s at -36.0 dBFS.
  // Expected: I = -23.0 +-0.1 LUFS (the relative gate removes the -36 parts).
  @ParameterizedTest
  @ValueSource(ints = {48_000, 44_100})
  void case3_relativeGateRemovesQuietEnds(int rate) {
    float[][] x = stereoTones(rate, List.of(tone(10, -36), tone(60, -23), tone(10, -36)));

    assertLoudness(LoudnessMeter.measure(x, rate).integratedLufs(), -23.0);
  }

  // Case 4: 10 s at -72.0; 10 s at -36.0; 60 s at -23.0; 10 s at -36.0; 10 s at -72.0 dBFS.
  // Expected: I = -23.0 +-0.1 LUFS (absolute gate for -72, relative gate for -36).
  @ParameterizedTest
  @ValueSource(ints = {48_000, 44_100})
  void case4_absoluteAndRelativeGates(int rate) {
    float[][] x =
        stereoTones(
            rate,
            List.of(tone(10, -72), tone(10, -36), tone(60, -23), tone(10, -36), tone(10, -72)));

    assertLoudness(LoudnessMeter.measure(x, rate).integratedLufs(), -23.0);
  }

  // Case 5: 20 s at -26.0 dBFS; 20.1 s at -20.0 dBFS; 20 s at -26.0 dBFS.
  // Expected: I = -23.0 +-0.1 LUFS (nothing gated: the gate is relative to the mean, -21.x).
  @ParameterizedTest
  @ValueSource(ints = {48_000, 44_100})
  void case5_noBlockGatedBelowTheRelativeThreshold(int rate) {
    float[][] x = stereoTones(rate, List.of(tone(20, -26), tone(20.1, -20), tone(20, -26)));

    assertLoudness(LoudnessMeter.measure(x, rate).integratedLufs(), -23.0);
  }

  // Case 6: 5.0 channels, 1 kHz, 20 s: -28.0 dBFS in L and R, -24.0 dBFS in C, -30.0 dBFS in Ls
  // and Rs. Expected: I = -23.0 +-0.1 LUFS (surrounds weighted 1.41).
  @ParameterizedTest
  @ValueSource(ints = {48_000, 44_100})
  void case6_fivePointZero(int rate) {
    float[][] x = EbuTestSignals.surround50(rate, 20, new double[] {-28, -28, -24, -30, -30});

    assertLoudness(LoudnessMeter.measure(x, rate).integratedLufs(), -23.0);
  }

  // Case 6, as the EBU also ships it: 6 channels (5.1, L R C LFE Ls Rs) with a silent LFE.
  // Expected: I = -23.0 +-0.1 LUFS.
  @ParameterizedTest
  @ValueSource(ints = {48_000, 44_100})
  void case6_fivePointOneWithSilentLfe(int rate) {
    float[][] x =
        EbuTestSignals.withSilentChannel(
            EbuTestSignals.surround50(rate, 20, new double[] {-28, -28, -24, -30, -30}), 3);

    assertLoudness(LoudnessMeter.measure(x, rate).integratedLufs(), -23.0);
  }

  // Case 9: (1.34 s at -20.0 dBFS; 1.66 s at -30.0 dBFS) repeated 5 times.
  // Expected: S = -23.0 +-0.1 LUFS, constant after 3 s.
  @ParameterizedTest
  @ValueSource(ints = {48_000, 44_100})
  void case9_shortTermConstantAfter3s(int rate) {
    float[][] x = stereoTones(rate, repeated(5, tone(1.34, -20), tone(1.66, -30)));
    LoudnessMeasurement m = LoudnessMeter.measure(x, rate);

    double[] shortTerm = from(m.shortTermLoudness10HzLufs(), 3.0);
    assertThat(shortTerm).hasSizeGreaterThanOrEqualTo(120);
    for (double s : shortTerm) {
      assertLoudness(s, -23.0);
    }
  }

  // Case 10 (file-based meters): 20 files, i = 0..19: (i x 0.15 s of silence; 3 s at -23.0 dBFS;
  // 1 s of silence). Expected: max S = -23.0 +-0.1 LUFS for each.
  @ParameterizedTest
  @ValueSource(ints = {48_000, 44_100})
  void case10_maxShortTermOfBurstsAtAnyOffset(int rate) {
    for (int i = 0; i < 20; i++) {
      float[][] x = stereoTones(rate, List.of(silence(i * 0.15), tone(3, -23), silence(1)));

      assertLoudness(LoudnessMeter.measure(x, rate).shortTermMaxLufs(), -23.0);
    }
  }

  // Case 11 (live meters): one signal of 20 parts, i = 0..19: (i x 0.15 s of silence; 3 s at
  // -38.0 + i dBFS; 3 - i x 0.15 s of silence). Expected: max S = -38.0, -37.0, ..., -19.0 +-0.1
  // LUFS, successive values (read here after each 6 s part, the levels rising so the running max
  // is that part's).
  @ParameterizedTest
  @ValueSource(ints = {48_000, 44_100})
  void case11_successiveMaxShortTerm(int rate) {
    LoudnessMeter meter = new LoudnessMeter(rate, 2);
    for (int i = 0; i < 20; i++) {
      float[][] part =
          stereoTones(rate, List.of(silence(i * 0.15), tone(3, -38.0 + i), silence(3 - i * 0.15)));
      meter.accept(part, part[0].length);

      assertLoudness(meter.result().shortTermMaxLufs(), -38.0 + i);
    }
    // A live meter updating at 10 Hz must pass too: the largest 10 Hz short-term value that ends
    // within each 6 s part.
    double[] shortTerm = meter.result().shortTermLoudness10HzLufs();
    for (int i = 0; i < 20; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 60 * i; k < 60 * (i + 1); k++) {
        max = Math.max(max, shortTerm[k]);
      }
      assertLoudness(max, -38.0 + i);
    }
  }

  // Case 12: (0.18 s at -20.0 dBFS; 0.22 s at -30.0 dBFS) repeated 25 times.
  // Expected: M = -23.0 +-0.1 LUFS, constant after 1 s.
  @ParameterizedTest
  @ValueSource(ints = {48_000, 44_100})
  void case12_momentaryConstantAfter1s(int rate) {
    float[][] x = stereoTones(rate, repeated(25, tone(0.18, -20), tone(0.22, -30)));
    LoudnessMeasurement m = LoudnessMeter.measure(x, rate);

    double[] momentary = from(m.momentaryLoudness10HzLufs(), 1.0);
    assertThat(momentary).hasSizeGreaterThanOrEqualTo(90);
    for (double value : momentary) {
      assertLoudness(value, -23.0);
    }
  }

  // Case 13 (file-based meters): 20 files, i = 0..19: (i x 20 ms of silence; 400 ms at -23.0
  // dBFS; 1 s of silence). Expected: max M = -23.0 +-0.1 LUFS for each. A meter that evaluates
  // the 400 ms window only every 100 ms reads up to 0.6 dB low here.
  @ParameterizedTest
  @ValueSource(ints = {48_000, 44_100})
  void case13_maxMomentaryOfBurstsAtAnyOffset(int rate) {
    for (int i = 0; i < 20; i++) {
      float[][] x = stereoTones(rate, List.of(silence(i * 0.020), tone(0.4, -23), silence(1)));

      assertLoudness(LoudnessMeter.measure(x, rate).momentaryMaxLufs(), -23.0);
    }
  }

  // Case 14 (live meters): one signal of 20 parts, i = 0..19: (i x 20 ms of silence; 400 ms at
  // -38.0 + i dBFS; 400 - i x 20 ms of silence). Expected: max M = -38.0, -37.0, ..., -19.0 +-0.1
  // LUFS, successive values (read after each 800 ms part).
  @ParameterizedTest
  @ValueSource(ints = {48_000, 44_100})
  void case14_successiveMaxMomentary(int rate) {
    LoudnessMeter meter = new LoudnessMeter(rate, 2);
    for (int i = 0; i < 20; i++) {
      float[][] part =
          stereoTones(
              rate, List.of(silence(i * 0.020), tone(0.4, -38.0 + i), silence(0.4 - i * 0.020)));
      meter.accept(part, part[0].length);

      assertLoudness(meter.result().momentaryMaxLufs(), -38.0 + i);
    }
  }

  // Cases 15-19: stereo sines, 10 ms fades. Expected max true peak, tolerance +0.2/-0.4 dB:
  //   15: fs/4, 0.50 FFS, phase 0.0 deg  -> -6.0 dBTP
  //   16: fs/4, 0.50 FFS, phase 45.0 deg -> -6.0 dBTP
  //   17: fs/6, 0.50 FFS, phase 60.0 deg -> -6.0 dBTP
  //   18: fs/8, 0.50 FFS, phase 67.5 deg -> -6.0 dBTP
  //   19: fs/4, 1.41 FFS, phase 45.0 deg -> +3.0 dBTP
  @ParameterizedTest
  @ValueSource(ints = {48_000, 44_100, 96_000})
  void cases15to19_truePeakOfSines(int rate) {
    assertTruePeak(truePeak(EbuTestSignals.truePeakSine(rate, 4, 0.50, 0.0, 1), rate), -6.0);
    assertTruePeak(truePeak(EbuTestSignals.truePeakSine(rate, 4, 0.50, 45.0, 1), rate), -6.0);
    assertTruePeak(truePeak(EbuTestSignals.truePeakSine(rate, 6, 0.50, 60.0, 1), rate), -6.0);
    assertTruePeak(truePeak(EbuTestSignals.truePeakSine(rate, 8, 0.50, 67.5, 1), rate), -6.0);
    assertTruePeak(truePeak(EbuTestSignals.truePeakSine(rate, 4, 1.41, 45.0, 1), rate), +3.0);
  }

  // Cases 16 and 19 put the peaks exactly between samples: the sample peak is 3 dB lower, so a
  // sample-peak meter fails them (a check that the two quantities are not the same thing).
  @ParameterizedTest
  @ValueSource(ints = {48_000, 44_100})
  void cases16and19_samplePeakReadsThreeDbLower(int rate) {
    LoudnessMeasurement m =
        LoudnessMeter.measure(EbuTestSignals.truePeakSine(rate, 4, 1.41, 45.0, 1), rate);

    assertThat(m.samplePeakDbfs())
        .isCloseTo(
            20 * Math.log10(1.41 / Math.sqrt(2)), org.assertj.core.api.Assertions.within(0.01));
    assertTruePeak(m.truePeakDbtp(), +3.0);
  }

  // Cases 20-23: fs/6 at 0.50 FFS holding one period of fs/4 at 1.00 FFS, synthesised at 4 fs,
  // low-pass filtered and decimated with an offset of 0 (20), 1 (21), 2 (22), 3 (23) samples at
  // 4 fs. Expected: max true peak = 0.0 dBTP, tolerance +0.2/-0.4 dB, whichever the offset.
  @ParameterizedTest
  @ValueSource(ints = {48_000, 44_100})
  void cases20to23_interSamplePeakAtEveryDecimationOffset(int rate) {
    List<Double> samplePeaks = new ArrayList<>();
    for (int offset = 0; offset < 4; offset++) {
      float[][] x = EbuTestSignals.interSamplePeak(rate, offset, 1);
      LoudnessMeasurement m = LoudnessMeter.measure(x, rate);

      assertTruePeak(m.truePeakDbtp(), 0.0);
      samplePeaks.add(m.samplePeakDbfs());
    }
    // The offsets do move the peak between samples (else the cases would test nothing).
    assertThat(samplePeaks.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
        .isLessThan(-1.0);
  }

  private static double truePeak(float[][] x, int rate) {
    return LoudnessMeter.measure(x, rate).truePeakDbtp();
  }
}
