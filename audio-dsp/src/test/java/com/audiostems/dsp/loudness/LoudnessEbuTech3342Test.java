package com.audiostems.dsp.loudness;

import static com.audiostems.dsp.loudness.EbuTestSignals.stereoTones;
import static com.audiostems.dsp.loudness.EbuTestSignals.tone;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EBU Tech 3342 (V4, 2023), Table 1 "Minimum requirements test signals" for the loudness range:
 * stereo 1 kHz tones in phase on both channels, 20 s per level, levels as per-channel peak dBFS.
 * Tolerance +-1 LU throughout. The table says the expected response is unchanged when the signal is
 * repeated, which is checked too.
 *
 * <p>Not generable, so not tested here: case 5 ("authentic programme 1", narrow loudness range, LRA
 * = 5 +-1 LU) and case 6 ("authentic programme 2", wide loudness range, LRA = 15 +-1 LU) are
 * recordings distributed as files (they are the same programmes as Tech 3341 cases 7 and 8).
 */
class LoudnessEbuTech3342Test {

  private static final double LRA_TOLERANCE_LU = 1.0;

  private static void assertRange(float[][] x, int rate, double expectedLu) {
    assertThat(LoudnessMeter.measure(x, rate).loudnessRangeLu())
        .isBetween(expectedLu - LRA_TOLERANCE_LU, expectedLu + LRA_TOLERANCE_LU);
    float[][] twice = EbuTestSignals.concat(List.of(x, x));
    assertThat(LoudnessMeter.measure(twice, rate).loudnessRangeLu())
        .isBetween(expectedLu - LRA_TOLERANCE_LU, expectedLu + LRA_TOLERANCE_LU);
  }

  // Case 1: 20 s at -20.0 dBFS, then 20 s at -30.0 dBFS. Expected: LRA = 10 +-1 LU.
  @ParameterizedTest
  @ValueSource(ints = {48_000, 44_100})
  void case1_tonesTenDbApart(int rate) {
    assertRange(stereoTones(rate, List.of(tone(20, -20), tone(20, -30))), rate, 10);
  }

  // Case 2: as #1 with the tones at -20.0 and -15.0 dBFS. Expected: LRA = 5 +-1 LU.
  @ParameterizedTest
  @ValueSource(ints = {48_000, 44_100})
  void case2_tonesFiveDbApart(int rate) {
    assertRange(stereoTones(rate, List.of(tone(20, -20), tone(20, -15))), rate, 5);
  }

  // Case 3: as #1 with the tones at -40.0 and -20.0 dBFS. Expected: LRA = 20 +-1 LU (the -40
  // part sits just above the relative gate, 20 LU below the abs-gated mean of about -23).
  @ParameterizedTest
  @ValueSource(ints = {48_000, 44_100})
  void case3_tonesTwentyDbApart(int rate) {
    assertRange(stereoTones(rate, List.of(tone(20, -40), tone(20, -20))), rate, 20);
  }

  // Case 4: five 20 s tones at -50.0, -35.0, -20.0, -35.0, -50.0 dBFS. Expected: LRA = 15 +-1
  // LU (the relative gate removes the -50 parts).
  @ParameterizedTest
  @ValueSource(ints = {48_000, 44_100})
  void case4_fiveSegmentsWithGatedEnds(int rate) {
    float[][] x =
        stereoTones(
            rate,
            List.of(tone(20, -50), tone(20, -35), tone(20, -20), tone(20, -35), tone(20, -50)));

    assertRange(x, rate, 15);
  }
}
