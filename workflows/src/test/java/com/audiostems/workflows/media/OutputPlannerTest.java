package com.audiostems.workflows.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OutputPlannerTest {

  private static SourceProbe pcm(int rateHz, int bits, int channels) {
    return new SourceProbe(
        "wav", "pcm_s" + bits + "le", 0, rateHz, bits, "s32", channels, "", 60, 0, 0, true, false);
  }

  private static Map<OutputFormat, OutputSpec> plan(SourceProbe source) {
    return OutputPlanner.plan("t1", source, EnumSet.allOf(OutputFormat.class)).outputs().stream()
        .collect(Collectors.toMap(OutputSpec::format, Function.identity()));
  }

  @Test
  void cdSourceKeepsItsRateAndDepthAndHasNoHiresFlac() {
    OutputPlan plan = OutputPlanner.plan("t1", pcm(44_100, 16, 2), null);
    Map<OutputFormat, OutputSpec> outputs = plan(pcm(44_100, 16, 2));
    assertThat(outputs.get(OutputFormat.FLAC))
        .isEqualTo(
            new OutputSpec(OutputFormat.FLAC, "tracks/t1/v1/outputs/flac.flac", 44_100, 16, 2, 0));
    assertThat(outputs.get(OutputFormat.WAV_24).bitDepth()).isEqualTo(24);
    assertThat(outputs.get(OutputFormat.MP3_320).bitRateKbps()).isEqualTo(320);
    assertThat(outputs).doesNotContainKey(OutputFormat.FLAC_96K);
    assertThat(plan.absent())
        .extracting(AbsentOutput::format)
        .containsExactly(OutputFormat.FLAC_96K);
  }

  @Test
  void hiresSourcesGetA96kFlacAndLossyAtTheirFamilyRate() {
    Map<OutputFormat, OutputSpec> from192 = plan(pcm(192_000, 24, 2));
    assertThat(from192.get(OutputFormat.FLAC_96K).sampleRateHz()).isEqualTo(96_000);
    assertThat(from192.get(OutputFormat.FLAC).sampleRateHz()).isEqualTo(192_000);
    assertThat(from192.get(OutputFormat.AAC_256).sampleRateHz()).isEqualTo(48_000);

    Map<OutputFormat, OutputSpec> from88 = plan(pcm(88_200, 24, 2));
    assertThat(from88.get(OutputFormat.FLAC_96K).sampleRateHz())
        .as("never upsampled")
        .isEqualTo(88_200);
    assertThat(from88.get(OutputFormat.MP3_320).sampleRateHz()).isEqualTo(44_100);
  }

  @Test
  void dsdAndVeryHighRatesStepDownByIntegerRatiosToAtMost192k() {
    SourceProbe dsd64 =
        new SourceProbe(
            "dsf", "dsd_lsbf_planar", 0, 2_822_400, 1, "fltp", 2, "", 60, 0, 0, true, true);
    Map<OutputFormat, OutputSpec> outputs = plan(dsd64);
    assertThat(outputs.get(OutputFormat.FLAC).sampleRateHz()).isEqualTo(176_400);
    assertThat(outputs.get(OutputFormat.FLAC).bitDepth()).isEqualTo(24);
    assertThat(outputs.get(OutputFormat.FLAC_96K).sampleRateHz()).isEqualTo(96_000);
    assertThat(outputs.get(OutputFormat.PREVIEW_MP3_128).sampleRateHz()).isEqualTo(44_100);
    assertThat(plan(pcm(384_000, 32, 2)).get(OutputFormat.FLAC).sampleRateHz()).isEqualTo(192_000);
  }

  @Test
  void lossyOutputsAreAtMostStereoAndLosslessKeepsEveryChannel() {
    Map<OutputFormat, OutputSpec> surround = plan(pcm(48_000, 24, 6));
    assertThat(surround.get(OutputFormat.MP3_320).channels()).isEqualTo(2);
    assertThat(surround.get(OutputFormat.FLAC).channels()).isEqualTo(6);
  }

  private static SourceProbe pcm(int channels, String layout) {
    return new SourceProbe(
        "wav", "pcm_s24le", 0, 48_000, 24, "s32", channels, layout, 60, 0, 0, true, false);
  }

  /**
   * Issue 15: ffmpeg remixed a 2.1 source to a stereo ALAC, quad to 5.0 and 7.1 to 6.1(back), so
   * ALAC is left out, with the reason, for layouts it cannot declare; FLAC and WAV keep them.
   */
  @Test
  void alacIsLeftOutWithTheReasonForALayoutItCannotHold() {
    for (String layout : new String[] {"2.1", "quad", "7.1", "3.0(back)"}) {
      int channels = layout.equals("7.1") ? 8 : layout.equals("quad") ? 4 : 3;
      OutputPlan plan = OutputPlanner.plan("t1", pcm(channels, layout), null);
      assertThat(plan.outputs())
          .extracting(OutputSpec::format)
          .as(layout)
          .contains(OutputFormat.FLAC, OutputFormat.WAV_24)
          .doesNotContain(OutputFormat.ALAC);
      assertThat(plan.absent())
          .filteredOn(a -> a.format() == OutputFormat.ALAC)
          .singleElement()
          .satisfies(
              a ->
                  assertThat(a.reason())
                      .contains("this source is " + layout, "The FLAC and WAV keep every channel"));
    }
    assertThat(OutputPlanner.plan("t1", pcm(10, "10 channels"), null).absent())
        .filteredOn(a -> a.format() == OutputFormat.ALAC)
        .singleElement()
        .satisfies(a -> assertThat(a.reason()).contains("at most 8 channels"));
  }

  @Test
  void alacIsMadeOfItsOwnLayoutsUnnamedOnesAndSideSurrounds() {
    for (SourceProbe source :
        new SourceProbe[] {
          pcm(1, "mono"),
          pcm(2, "stereo"),
          pcm(3, "3.0"),
          pcm(3, "3 channels"),
          pcm(2, ""),
          pcm(4, "4.0"),
          pcm(5, "5.0(side)"),
          pcm(6, "5.1"),
          pcm(6, "5.1(side)"),
          pcm(7, "6.1(back)"),
          pcm(8, "7.1(wide)")
        }) {
      assertThat(plan(source)).as(source.channelLayout()).containsKey(OutputFormat.ALAC);
    }
  }

  @Test
  void historiesFromBeforeTheAlacLayoutRuleKeepTheirAlac() {
    OutputPlan plan =
        OutputPlanner.plan("t1", 1, pcm(3, "2.1"), EnumSet.allOf(OutputFormat.class), false);
    assertThat(plan.outputs()).extracting(OutputSpec::format).contains(OutputFormat.ALAC);
  }

  @Test
  void onlyRequestedFormatsArePlanned() {
    OutputPlan plan =
        OutputPlanner.plan(
            "t1", pcm(44_100, 24, 2), EnumSet.of(OutputFormat.FLAC, OutputFormat.MP3_320));
    assertThat(plan.outputs())
        .extracting(OutputSpec::format)
        .containsExactly(OutputFormat.MP3_320, OutputFormat.FLAC);
    assertThat(plan.absent()).isEmpty();
  }
}
