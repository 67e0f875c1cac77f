package com.audiostems.dsp.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The specification's tier thresholds, at and just below each boundary (issue 15, item 6). */
class TierTest {

  static Stream<Arguments> table() {
    return Stream.of(
        // lossy: judged on the nominal bit rate, 2 % tolerance below it
        Arguments.of("16/44.1 lossy 128k", lossy(44_100, 128_000), Tier.MINIMUM),
        Arguments.of("lossy 127,994 bps is 128k", lossy(44_100, 127_994), Tier.MINIMUM),
        Arguments.of("lossy 125,440 bps is 128k", lossy(44_100, 125_440), Tier.MINIMUM),
        Arguments.of("lossy 125,439 bps", lossy(44_100, 125_439), null),
        Arguments.of("lossy 112k", lossy(44_100, 112_000), null),
        Arguments.of("lossy 256k", lossy(44_100, 256_000), Tier.MINIMUM),
        Arguments.of("lossy 320k", lossy(44_100, 320_000), Tier.STANDARD),
        Arguments.of("lossy 320k measured 314k", lossy(48_000, 314_000), Tier.STANDARD),
        Arguments.of("lossy 320k at 96 kHz is never high", lossy(96_000, 320_000), Tier.STANDARD),
        Arguments.of("lossy 320k at 32 kHz", lossy(32_000, 320_000), null),
        // lossless
        Arguments.of("16/44.1 lossless", lossless(16, 44_100), Tier.STANDARD),
        Arguments.of("16/96 lossless", lossless(16, 96_000), Tier.STANDARD),
        Arguments.of("24/44.1 lossless", lossless(24, 44_100), Tier.STANDARD),
        Arguments.of("24/48 lossless", lossless(24, 48_000), Tier.STANDARD),
        Arguments.of("24/88.2 lossless", lossless(24, 88_200), Tier.HIGH),
        Arguments.of("24/96 lossless", lossless(24, 96_000), Tier.HIGH),
        Arguments.of("32f/96 lossless", lossless(32, 96_000), Tier.HIGH),
        Arguments.of("24/176.4 lossless", lossless(24, 176_400), Tier.PROFESSIONAL),
        Arguments.of("24/192 lossless", lossless(24, 192_000), Tier.PROFESSIONAL),
        Arguments.of("32f/192 lossless", lossless(32, 192_000), Tier.PROFESSIONAL),
        Arguments.of(
            "DSD", new Tier.Properties(true, true, 2_822_400, 1, 5_644_800), Tier.PROFESSIONAL),
        Arguments.of("16/22.05 lossless", lossless(16, 22_050), null),
        Arguments.of("16/32 lossless", lossless(16, 32_000), null),
        Arguments.of("8/44.1 lossless", lossless(8, 44_100), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void theSpecificationsThresholds(String name, Tier.Properties p, Tier expected) {
    assertThat(Tier.of(p)).isEqualTo(Optional.ofNullable(expected));
    for (Tier t : Tier.values()) {
      boolean reached = expected != null && t.compareTo(expected) <= 0;
      assertThat(t.shortfalls(p).isEmpty()).as(t + " of " + name).isEqualTo(reached);
    }
  }

  @Test
  void theReportJudgesTheEffectivePropertiesAndALosslessTranscodeAsALossyCopy() {
    Tier.Properties header = lossless(24, 96_000);
    assertThat(highest(TierRules.judge(header, 24, 96_000, List.of()))).contains(Tier.HIGH);
    assertThat(highest(TierRules.judge(header, 16, 96_000, List.of())))
        .as("16 bits used of 24")
        .contains(Tier.STANDARD);
    assertThat(highest(TierRules.judge(header, 24, 48_000, List.of())))
        .as("upsampled from 48 kHz")
        .contains(Tier.STANDARD);
    Finding transcode = new Finding(LossyTranscodeCheck.CODE, Severity.ERROR, 0, 0, "", 0, 1, "");
    List<TierResult> copy = TierRules.judge(header, 24, 96_000, List.of(transcode));
    assertThat(highest(copy)).contains(Tier.MINIMUM);
    assertThat(copy.get(1).reasons().get(0)).contains(LossyTranscodeCheck.CODE);
    Finding other = new Finding("clipping", Severity.ERROR, 0, 0, "", 0, 1, "");
    assertThat(highest(TierRules.judge(header, 24, 96_000, List.of(other))))
        .as("other findings go to the score, not the tier")
        .contains(Tier.HIGH);
    Tier.Properties mp3 = lossy(44_100, 320_000);
    assertThat(highest(TierRules.judge(mp3, 24, 44_100, List.of(transcode))))
        .as("a lossy source is judged on its bit rate")
        .contains(Tier.STANDARD);
  }

  private static Optional<Tier> highest(List<TierResult> results) {
    return results.stream().filter(TierResult::pass).map(TierResult::tier).reduce((a, b) -> b);
  }

  private static Tier.Properties lossless(int bits, int rate) {
    return new Tier.Properties(true, false, rate, bits, (long) bits * rate * 2);
  }

  private static Tier.Properties lossy(int rate, long bitRate) {
    return new Tier.Properties(false, false, rate, 0, bitRate);
  }
}
