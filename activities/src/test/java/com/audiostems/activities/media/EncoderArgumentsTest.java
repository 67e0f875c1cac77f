package com.audiostems.activities.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.activities.media.EncoderArguments.LaneOutput;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.OutputPlanner;
import com.audiostems.workflows.media.OutputSpec;
import com.audiostems.workflows.media.SourceProbe;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncoderArgumentsTest {
  private static final Path SOURCE = Path.of("/in/source.wav");
  private static final long LIMIT = 123_456;

  @Test
  void readsTheSourceOnceBehindTheProtocolWhitelistAndReportsProgressOnStdout() {
    List<String> args = lane(pcm(48_000, 24, 2), EnumSet.allOf(OutputFormat.class));

    assertThat(Collections.frequency(args, "-i")).isEqualTo(1);
    int input = args.indexOf("-i");
    assertThat(args.subList(input - 2, input)).isEqualTo(MediaProcessRunner.INPUT_SAFETY_ARGS);
    assertThat(args.get(input + 1)).isEqualTo("file:/in/source.wav");
    assertThat(args.get(args.indexOf("-progress") + 1)).isEqualTo("pipe:1");
  }

  @Test
  void everyOutputTakesTheFirstAudioStreamWithoutMetadataAndWithTheSizeCap() {
    Map<OutputFormat, List<String>> outputs =
        perOutput(pcm(48_000, 24, 2), EnumSet.allOf(OutputFormat.class));

    assertThat(outputs).hasSize(6);
    outputs.forEach(
        (format, args) -> {
          assertThat(pair(args, "-map")).as(format.name()).isEqualTo("0:a:0");
          assertThat(pair(args, "-map_metadata")).isEqualTo("-1");
          assertThat(pair(args, "-fs")).isEqualTo(Long.toString(LIMIT));
          assertThat(args).contains("-vn");
          assertThat(args.get(args.size() - 1)).isEqualTo("file:/out/" + format.fileName());
        });
  }

  @Test
  void eachFormatGetsItsEncoderSettings() {
    Map<OutputFormat, List<String>> outputs =
        perOutput(pcm(48_000, 24, 2), EnumSet.allOf(OutputFormat.class));

    assertThat(pair(outputs.get(OutputFormat.MP3_320), "-acodec")).isEqualTo("libmp3lame");
    assertThat(pair(outputs.get(OutputFormat.MP3_320), "-b:a")).isEqualTo("320000");
    assertThat(outputs.get(OutputFormat.MP3_320)).doesNotContain("-q:a", "-qscale:a", "-abr");
    assertThat(pair(outputs.get(OutputFormat.MP3_320), "-id3v2_version")).isEqualTo("4");
    assertThat(pair(outputs.get(OutputFormat.PREVIEW_MP3_128), "-b:a")).isEqualTo("128000");
    assertThat(pair(outputs.get(OutputFormat.AAC_256), "-acodec")).isEqualTo("aac");
    assertThat(pair(outputs.get(OutputFormat.AAC_256), "-profile:a")).isEqualTo("aac_low");
    assertThat(pair(outputs.get(OutputFormat.AAC_256), "-b:a")).isEqualTo("256000");
    assertThat(pair(outputs.get(OutputFormat.FLAC), "-compression_level")).isEqualTo("8");
    assertThat(pair(outputs.get(OutputFormat.FLAC), "-sample_fmt")).isEqualTo("s32");
    assertThat(pair(outputs.get(OutputFormat.FLAC), "-bits_per_raw_sample")).isEqualTo("24");
    assertThat(pair(outputs.get(OutputFormat.ALAC), "-acodec")).isEqualTo("alac");
    assertThat(pair(outputs.get(OutputFormat.ALAC), "-sample_fmt")).isEqualTo("s32p");
    assertThat(pair(outputs.get(OutputFormat.WAV_24), "-acodec")).isEqualTo("pcm_s24le");
  }

  @Test
  void bitExactOutputsGetNoFilterAndNoRateOrChannelOptions() {
    Map<OutputFormat, List<String>> outputs =
        perOutput(pcm(48_000, 24, 2), EnumSet.allOf(OutputFormat.class));

    for (OutputFormat format : OutputFormat.values()) {
      if (outputs.containsKey(format)) {
        assertThat(outputs.get(format)).as(format.name()).doesNotContain("-af", "-ar", "-ac");
      }
    }
  }

  @Test
  void sixteenBitSourceKeepsItsSamplesInSixteenBitLosslessAndTheWav24() {
    Map<OutputFormat, List<String>> outputs =
        perOutput(
            pcm(44_100, 16, 2),
            EnumSet.of(OutputFormat.FLAC, OutputFormat.ALAC, OutputFormat.WAV_24));

    assertThat(pair(outputs.get(OutputFormat.FLAC), "-sample_fmt")).isEqualTo("s16");
    assertThat(pair(outputs.get(OutputFormat.ALAC), "-sample_fmt")).isEqualTo("s16p");
    outputs.values().forEach(args -> assertThat(args).doesNotContain("-af"));
  }

  @Test
  void highRatesAreResampledWithSoxrOnlyWhereTheRateChangesAndDitheredOnlyWhereLossless() {
    Map<OutputFormat, List<String>> outputs =
        perOutput(pcm(192_000, 24, 2), EnumSet.allOf(OutputFormat.class));

    assertThat(outputs.get(OutputFormat.FLAC)).doesNotContain("-af", "-ar");
    assertThat(pair(outputs.get(OutputFormat.FLAC_96K), "-ar")).isEqualTo("96000");
    assertThat(pair(outputs.get(OutputFormat.FLAC_96K), "-af"))
        .isEqualTo(
            "aresample=osr=96000:resampler=soxr:precision=28:internal_sample_fmt=dblp:osf=s32:output_sample_bits=24"
                + ":dither_method=triangular");
    assertThat(pair(outputs.get(OutputFormat.MP3_320), "-ar")).isEqualTo("48000");
    assertThat(pair(outputs.get(OutputFormat.MP3_320), "-af"))
        .isEqualTo("aresample=osr=48000:resampler=soxr:precision=28");
  }

  @Test
  void floatSourcesAreDitheredToTwentyFourBitsWithoutResampling() {
    SourceProbe source =
        new SourceProbe(
            "wav", "pcm_f32le", 0, 48_000, 32, "flt", 2, "stereo", 3, 0, 0, true, false);
    Map<OutputFormat, List<String>> outputs =
        perOutput(source, EnumSet.of(OutputFormat.FLAC, OutputFormat.ALAC, OutputFormat.WAV_24));

    assertThat(pair(outputs.get(OutputFormat.FLAC), "-af"))
        .isEqualTo("aresample=osf=s32:output_sample_bits=24:dither_method=triangular");
    assertThat(pair(outputs.get(OutputFormat.ALAC), "-af"))
        .isEqualTo("aresample=osf=s32p:output_sample_bits=24:dither_method=triangular");
    assertThat(pair(outputs.get(OutputFormat.WAV_24), "-af"))
        .isEqualTo("aresample=osf=s32:output_sample_bits=24:dither_method=triangular");
    outputs.values().forEach(args -> assertThat(args).doesNotContain("-ar"));
  }

  @Test
  void twentyFourToSixteenBitsIsDitheredInTheSixteenBitFormat() {
    OutputSpec sixteen =
        new OutputSpec(OutputFormat.FLAC, "tracks/t/outputs/flac.flac", 48_000, 16, 2, 0);
    List<String> args =
        EncoderArguments.lane(
            SOURCE,
            pcm(48_000, 24, 2),
            List.of(new LaneOutput(sixteen, Path.of("/out/f.flac"))),
            LIMIT);

    assertThat(pair(args, "-af")).isEqualTo("aresample=osf=s16:dither_method=triangular");
  }

  @Test
  void onlyLossyOutputsOfAMultichannelSourceAreDownmixed() {
    Map<OutputFormat, List<String>> outputs =
        perOutput(pcm(48_000, 24, 6), EnumSet.allOf(OutputFormat.class));

    assertThat(pair(outputs.get(OutputFormat.MP3_320), "-ac")).isEqualTo("2");
    assertThat(pair(outputs.get(OutputFormat.AAC_256), "-ac")).isEqualTo("2");
    assertThat(outputs.get(OutputFormat.FLAC)).doesNotContain("-ac");
    assertThat(outputs.get(OutputFormat.WAV_24)).doesNotContain("-ac");
  }

  /**
   * Issue 15: fed integers, LAME was given a downmix ffmpeg had scaled down by 7.7 dB (5.1) to rule
   * out overs, the AAC encoder the unscaled float one: every lossy encoder is fed float.
   */
  @Test
  void everyLossyEncoderIsFedFloatSoThatAllGetTheSameDownmix() {
    Map<OutputFormat, List<String>> outputs =
        perOutput(pcm(48_000, 24, 6), EnumSet.allOf(OutputFormat.class));

    for (OutputFormat lossy :
        List.of(OutputFormat.MP3_320, OutputFormat.AAC_256, OutputFormat.PREVIEW_MP3_128)) {
      assertThat(pair(outputs.get(lossy), "-sample_fmt")).as(lossy.name()).isEqualTo("fltp");
    }
  }

  /**
   * ALAC is given its own layout by name: 5.1 with side surrounds is renamed, not left to ffmpeg's
   * remix; other outputs keep the source's name.
   */
  @Test
  void alacIsGivenALayoutItHoldsUnderItsOwnName() {
    Map<OutputFormat, List<String>> side =
        perOutput(
            withLayout(48_000, 24, 6, "5.1(side)"),
            EnumSet.of(OutputFormat.ALAC, OutputFormat.FLAC));

    assertThat(pair(side.get(OutputFormat.ALAC), "-af")).isEqualTo("channelmap=channel_layout=5.1");
    assertThat(side.get(OutputFormat.FLAC)).doesNotContain("-af");
  }

  /** Issue 15: "Unsupported channel layout '2 channels'" from the AAC encoder, on a TAK file. */
  @Test
  void unnamedLayoutsAreNamedByTheirChannelCountBeforeAnyOtherFilter() {
    Map<OutputFormat, List<String>> unknown =
        perOutput(withLayout(48_000, 24, 2, ""), EnumSet.allOf(OutputFormat.class));
    Map<OutputFormat, List<String>> custom =
        perOutput(
            withLayout(96_000, 24, 2, "2 channels (FC+LFE)"),
            EnumSet.of(OutputFormat.AAC_256, OutputFormat.FLAC));
    Map<OutputFormat, List<String>> six =
        perOutput(withLayout(48_000, 24, 6, ""), EnumSet.of(OutputFormat.AAC_256));

    unknown
        .values()
        .forEach(
            args -> assertThat(pair(args, "-af")).isEqualTo("channelmap=channel_layout=stereo"));
    assertThat(pair(custom.get(OutputFormat.FLAC), "-af"))
        .isEqualTo("channelmap=channel_layout=stereo");
    assertThat(pair(custom.get(OutputFormat.AAC_256), "-af"))
        .isEqualTo(
            "channelmap=channel_layout=stereo,aresample=osr=48000:resampler=soxr:precision=28");
    assertThat(pair(six.get(OutputFormat.AAC_256), "-af"))
        .isEqualTo("channelmap=channel_layout=5.1");
    assertThat(pair(six.get(OutputFormat.AAC_256), "-ac")).isEqualTo("2");
  }

  @Test
  void refusesToUpmix() {
    OutputSpec surround =
        new OutputSpec(OutputFormat.FLAC, "tracks/t/outputs/flac.flac", 48_000, 24, 6, 0);

    assertThatThrownBy(
            () ->
                EncoderArguments.lane(
                    SOURCE,
                    pcm(48_000, 24, 2),
                    List.of(new LaneOutput(surround, Path.of("/out/f.flac"))),
                    LIMIT))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(TrackFailures.INVALID_REQUEST));
  }

  @Test
  void theMarkedPreviewFromAPipeGetsExactlyTheLanesPreviewSettingsBehindTheWhitelist() {
    SourceProbe source = pcm(44_100, 16, 2);
    OutputSpec preview =
        OutputPlanner.plan("t", source, EnumSet.of(OutputFormat.PREVIEW_MP3_128)).outputs().get(0);
    LaneOutput output = new LaneOutput(preview, Path.of("/out/" + preview.format().fileName()));

    List<String> piped = EncoderArguments.fromPcmPipe(output, LIMIT);

    int input = piped.indexOf("-i");
    assertThat(piped.get(input + 1)).isEqualTo("pipe:0");
    assertThat(piped.subList(0, input)).containsSubsequence(MediaProcessRunner.INPUT_SAFETY_ARGS);
    assertThat(pair(piped.subList(0, input), "-f")).isEqualTo("f32le");
    assertThat(pair(piped.subList(0, input), "-ar")).isEqualTo("44100");
    assertThat(pair(piped.subList(0, input), "-ac")).isEqualTo("2");
    assertThat(piped.subList(input + 2, piped.size()))
        .as("the output's arguments, as the lane gives them for a source at the preview's rate")
        .isEqualTo(
            perOutput(source, EnumSet.of(OutputFormat.PREVIEW_MP3_128))
                .get(OutputFormat.PREVIEW_MP3_128));
  }

  /** A WAV whose channel mask names its layout. */
  private static SourceProbe pcm(int rate, int bits, int channels) {
    return withLayout(rate, bits, channels, ChannelLayouts.defaultLayout(channels));
  }

  private static SourceProbe withLayout(int rate, int bits, int channels, String layout) {
    return new SourceProbe(
        "wav",
        "pcm_s" + bits + "le",
        0,
        rate,
        bits,
        bits == 16 ? "s16" : "s32",
        channels,
        layout,
        3,
        0,
        0,
        true,
        false);
  }

  private static List<String> lane(SourceProbe source, EnumSet<OutputFormat> formats) {
    List<LaneOutput> outputs =
        OutputPlanner.plan("t", source, formats).outputs().stream()
            .map(s -> new LaneOutput(s, Path.of("/out/" + s.format().fileName())))
            .toList();
    return EncoderArguments.lane(SOURCE, source, outputs, LIMIT);
  }

  /** The arguments of each output: those after the previous output's file name up to its own. */
  private static Map<OutputFormat, List<String>> perOutput(
      SourceProbe source, EnumSet<OutputFormat> formats) {
    List<String> args = lane(source, formats);
    Map<OutputFormat, List<String>> outputs = new EnumMap<>(OutputFormat.class);
    int start = args.indexOf("-i") + 2;
    for (int i = start; i < args.size(); i++) {
      for (OutputFormat format : OutputFormat.values()) {
        if (args.get(i).equals("file:/out/" + format.fileName())) {
          outputs.put(format, new ArrayList<>(args.subList(start, i + 1)));
          start = i + 1;
        }
      }
    }
    return outputs;
  }

  private static String pair(List<String> args, String option) {
    int at = args.indexOf(option);
    assertThat(at).as(option + " in " + args).isNotNegative();
    return args.get(at + 1);
  }
}
