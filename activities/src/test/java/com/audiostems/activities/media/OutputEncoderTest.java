package com.audiostems.activities.media;

import static com.audiostems.workflows.media.OutputFormat.AAC_256;
import static com.audiostems.workflows.media.OutputFormat.ALAC;
import static com.audiostems.workflows.media.OutputFormat.FLAC;
import static com.audiostems.workflows.media.OutputFormat.FLAC_96K;
import static com.audiostems.workflows.media.OutputFormat.MP3_320;
import static com.audiostems.workflows.media.OutputFormat.PREVIEW_MP3_128;
import static com.audiostems.workflows.media.OutputFormat.WAV_24;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.media.EncodeLaneResult;
import com.audiostems.workflows.media.EncodeSchedule;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.OutputPlan;
import com.audiostems.workflows.media.OutputSpec;
import com.audiostems.workflows.media.VerificationReport;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputEncoderTest {
  @TempDir Path tempDir;

  /**
   * Issue 15: the AAC encoder refused a source whose layout had no name ("Unsupported channel
   * layout '2 channels'"). WAVs with a channel mask of 0, or one naming other speakers (FC+LFE on
   * two channels), as 1 to 8 channels: every output of each is encoded and verified, the lossless
   * ones bit-exact.
   */
  @Test
  void everyFormatIsEncodedFromSourcesWhoseChannelLayoutHasNoName() throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    int[][] channelsAndMasks = {{1, 0}, {2, 0}, {2, 0x0C}, {3, 0}, {4, 0}, {6, 0}, {8, 0}};
    for (int[] channelsAndMask : channelsAndMasks) {
      int channels = channelsAndMask[0];
      String name = "layout" + channels + "x" + channelsAndMask[1];
      Path wav =
          TestAudio.writeExtensibleWav(
              fixture.scratch(name + ".wav"),
              TestAudio.music(96_000, channels, 0.5),
              96_000,
              24,
              channels,
              channelsAndMask[1]);
      EncodeFixture.Source source = fixture.probed(name, wav);

      List<EncodedOutput> outputs =
          fixture.encode(source, EncodeFixture.plan(source).outputs(), f -> {}).outputs();
      VerificationReport report = fixture.verify(source, outputs);

      assertThat(outputs)
          .extracting(EncodedOutput::format)
          .as(name)
          .containsExactlyInAnyOrder(OutputFormat.values());
      assertThat(report.checks())
          .as(name)
          .allSatisfy(c -> assertThat(c.passed()).as(c.detail()).isTrue());
      assertThat(report.checks())
          .filteredOn(c -> c.format() == FLAC || c.format() == ALAC || c.format() == WAV_24)
          .as(name)
          .allSatisfy(c -> assertThat(c.method()).isEqualTo(OutputVerifier.BIT_EXACT));
    }
  }

  /**
   * Issue 15: an Opus source starts at a negative time (its pre-skip); its AAC output decoded to
   * 73040 frames against the source's 72000, past the one AAC frame that verification allows.
   */
  @Test
  void anOpusSourcesOutputsLastAsLongAsItDecodes() throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    Path wav = TestAudio.wav(fixture.scratch("opus.wav"), 48_000, 16, 2, 1.5);
    Path webm =
        TestAudio.convert(wav, fixture.scratch("opus.webm"), "-c:a", "libopus", "-b:a", "192k");
    EncodeFixture.Source source = fixture.probed("opus-webm", webm);

    List<EncodedOutput> outputs =
        fixture.encode(source, EncodeFixture.plan(source).outputs(), f -> {}).outputs();
    VerificationReport report = fixture.verify(source, outputs);

    assertThat(report.checks()).allSatisfy(c -> assertThat(c.passed()).as(c.detail()).isTrue());
  }

  @Test
  void encodesEveryFormatOfA24Bit48kSourceAndMeasuresWhatItWrote() throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    EncodeFixture.Source source = fixture.wav("t24x48", 48_000, 24, 2, 3.0);
    OutputPlan plan = EncodeFixture.plan(source);
    assertThat(plan.absent()).extracting(a -> a.format()).containsExactly(FLAC_96K);
    List<Double> progress = Collections.synchronizedList(new ArrayList<>());

    EncodeLaneResult result = fixture.encode(source, plan.outputs(), progress::add);

    Map<OutputFormat, EncodedOutput> out = byFormat(result.outputs());
    assertThat(result.outputs())
        .extracting(EncodedOutput::format)
        .containsExactly(PREVIEW_MP3_128, MP3_320, AAC_256, FLAC, ALAC, WAV_24);
    assertThat(result.ffmpegSeconds()).isPositive();
    assertThat(out.get(PREVIEW_MP3_128).codec()).isEqualTo("mp3");
    assertThat(out.get(PREVIEW_MP3_128).bitRateBps()).isEqualTo(128_000);
    assertThat(out.get(MP3_320).codec()).isEqualTo("mp3");
    assertThat(out.get(MP3_320).bitRateBps()).isEqualTo(320_000);
    assertThat(out.get(AAC_256).codec()).isEqualTo("aac");
    assertThat(out.get(AAC_256).bitRateBps()).isBetween(200_000L, 270_000L);
    assertThat(out.get(FLAC).codec()).isEqualTo("flac");
    assertThat(out.get(ALAC).codec()).isEqualTo("alac");
    assertThat(out.get(WAV_24).codec()).isEqualTo("pcm_s24le");
    for (EncodedOutput o : result.outputs()) {
      assertThat(o.key()).isEqualTo("tracks/t24x48/v1/outputs/" + o.format().fileName());
      assertThat(o.sampleRateHz()).as(o.format().name()).isEqualTo(48_000);
      assertThat(o.channels()).as(o.format().name()).isEqualTo(2);
      assertThat(o.bitDepth()).as(o.format().name()).isEqualTo(o.format().lossless() ? 24 : 0);
      assertThat(o.durationSeconds()).as(o.format().name()).isCloseTo(3.0, within(0.03));
      assertThat(o.bytes()).isEqualTo(Files.size(fixture.stored(o)));
      assertThat(o.sha256()).isEqualTo(LocalBlobStore.sha256Of(fixture.stored(o)));
    }
    assertThat(out.get(FLAC).bitRateBps()).isPositive();

    // Lossless at the source's rate and depth: the very same samples.
    String sourcePcm = DecodedPcm.sha256(source.copy());
    for (OutputFormat lossless : List.of(FLAC, ALAC, WAV_24)) {
      assertThat(DecodedPcm.sha256(fixture.stored(out.get(lossless))))
          .as(lossless.name())
          .isEqualTo(sourcePcm);
    }
    // Lossy: within one codec frame of the source's 144000 frames.
    assertThat(DecodedPcm.frames(fixture.stored(out.get(MP3_320)), 2))
        .isBetween(144_000L - 1152, 144_000L + 1152);
    assertThat(DecodedPcm.frames(fixture.stored(out.get(PREVIEW_MP3_128)), 2))
        .isBetween(144_000L - 1152, 144_000L + 1152);
    assertThat(DecodedPcm.frames(fixture.stored(out.get(AAC_256)), 2))
        .isBetween(144_000L - 1024, 144_000L + 1024);

    // CBR LAME writes an "Info" frame where VBR writes "Xing"; the AAC is LC.
    String mp3Head =
        new String(
            Files.readAllBytes(fixture.stored(out.get(MP3_320))),
            0,
            4096,
            StandardCharsets.ISO_8859_1);
    assertThat(mp3Head).contains("Info").doesNotContain("Xing");
    assertThat(
            TestAudio.run(
                    List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-show_entries",
                        "stream=profile",
                        "-of",
                        "csv=p=0",
                        fixture.stored(out.get(AAC_256)).toString()))
                .strip())
        .isEqualTo("LC");

    assertThat(progress).isNotEmpty().allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
    assertThat(progress).isSorted();
    assertThat(progress.get(progress.size() - 1)).isEqualTo(1.0);
    assertThat(fixture.workDirEntries()).isEmpty();
  }

  @Test
  void sixteenBit44kSourceKeepsSixteenBitLosslessAndAWav24OfTheSameSamples() throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    EncodeFixture.Source source = fixture.wav("t16x44", 44_100, 16, 2, 2.0);
    OutputPlan plan = EncodeFixture.plan(source);
    assertThat(plan.absent()).extracting(a -> a.format()).containsExactly(FLAC_96K);

    Map<OutputFormat, EncodedOutput> out =
        byFormat(fixture.encode(source, plan.outputs(), f -> {}).outputs());

    assertThat(out.get(FLAC).bitDepth()).isEqualTo(16);
    assertThat(out.get(ALAC).bitDepth()).isEqualTo(16);
    assertThat(out.get(WAV_24).bitDepth()).isEqualTo(24);
    String sourcePcm = DecodedPcm.sha256(source.copy());
    for (OutputFormat lossless : List.of(FLAC, ALAC, WAV_24)) {
      assertThat(out.get(lossless).sampleRateHz()).isEqualTo(44_100);
      assertThat(DecodedPcm.sha256(fixture.stored(out.get(lossless))))
          .as(lossless.name())
          .isEqualTo(sourcePcm);
    }
    for (OutputFormat lossy : List.of(PREVIEW_MP3_128, MP3_320, AAC_256)) {
      assertThat(out.get(lossy).sampleRateHz()).isEqualTo(44_100);
    }
  }

  @Test
  void ninetySixKHzSourceGetsTheHiResFlacAndLossyAt48k() throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    EncodeFixture.Source source = fixture.wav("t24x96", 96_000, 24, 2, 2.0);
    OutputPlan plan = EncodeFixture.plan(source);
    assertThat(plan.absent()).isEmpty();

    Map<OutputFormat, EncodedOutput> out =
        byFormat(fixture.encode(source, plan.outputs(), f -> {}).outputs());

    assertThat(out.get(FLAC_96K).sampleRateHz()).isEqualTo(96_000);
    assertThat(out.get(FLAC_96K).bitDepth()).isEqualTo(24);
    assertThat(DecodedPcm.sha256(fixture.stored(out.get(FLAC_96K))))
        .isEqualTo(DecodedPcm.sha256(source.copy()));
    for (OutputFormat lossy : List.of(PREVIEW_MP3_128, MP3_320, AAC_256)) {
      assertThat(out.get(lossy).sampleRateHz()).as(lossy.name()).isEqualTo(48_000);
      assertThat(DecodedPcm.frames(fixture.stored(out.get(lossy)), 2))
          .as(lossy.name())
          .isBetween(96_000L - 1152, 96_000L + 1152);
    }
  }

  @Test
  void oneNinetyTwoKHzSourceIsResampledTo96kForTheHiResFlacOnly() throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    EncodeFixture.Source source = fixture.wav("t24x192", 192_000, 24, 2, 2.0);

    Map<OutputFormat, EncodedOutput> out =
        byFormat(
            fixture
                .encode(source, EncodeFixture.plan(source, FLAC, FLAC_96K).outputs(), f -> {})
                .outputs());

    assertThat(out.get(FLAC).sampleRateHz()).isEqualTo(192_000);
    assertThat(DecodedPcm.sha256(fixture.stored(out.get(FLAC))))
        .isEqualTo(DecodedPcm.sha256(source.copy()));
    EncodedOutput hiRes = out.get(FLAC_96K);
    assertThat(hiRes.sampleRateHz()).isEqualTo(96_000);
    assertThat(hiRes.bitDepth()).isEqualTo(24);
    assertThat(hiRes.durationSeconds()).isCloseTo(2.0, within(0.001));
    assertThat(DecodedPcm.frames(fixture.stored(hiRes), 2)).isBetween(192_000L - 4, 192_000L + 4);
  }

  @Test
  void onlyLossyOutputsOfASixChannelSourceAreDownmixed() throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    EncodeFixture.Source source = fixture.wav("t6ch", 48_000, 24, 6, 2.0);

    Map<OutputFormat, EncodedOutput> out =
        byFormat(
            fixture
                .encode(source, EncodeFixture.plan(source, MP3_320, FLAC).outputs(), f -> {})
                .outputs());

    assertThat(out.get(MP3_320).channels()).isEqualTo(2);
    assertThat(out.get(FLAC).channels()).isEqualTo(6);
    assertThat(DecodedPcm.sha256(fixture.stored(out.get(FLAC))))
        .isEqualTo(DecodedPcm.sha256(source.copy()));
  }

  @Test
  void floatSourceIsDitheredToTwentyFourBits() throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    EncodeFixture.Source source = fixture.floatWav("tfloat", 48_000, 2, 2.0);

    Map<OutputFormat, EncodedOutput> out =
        byFormat(
            fixture
                .encode(source, EncodeFixture.plan(source, FLAC, ALAC, WAV_24).outputs(), f -> {})
                .outputs());

    for (EncodedOutput o : out.values()) {
      assertThat(o.bitDepth()).as(o.format().name()).isEqualTo(24);
    }
    // ffmpeg's own float -> s32 conversion is the undithered reference: each output sample is
    // within a couple of 24-bit steps of it, and differs from plain truncation in many places.
    int[] reference = DecodedPcm.samples(source.copy());
    for (OutputFormat format : List.of(FLAC, ALAC, WAV_24)) {
      int[] dithered = DecodedPcm.samples(fixture.stored(out.get(format)));
      assertThat(dithered).as(format.name()).hasSameSizeAs(reference);
      int changed = 0;
      for (int i = 0; i < reference.length; i++) {
        assertThat(Math.abs((long) dithered[i] - reference[i])).isLessThanOrEqualTo(3 * 256L);
        assertThat(dithered[i] & 0xFF).isZero();
        if (dithered[i] != (reference[i] & ~0xFF)) {
          changed++;
        }
      }
      assertThat(changed)
          .as(format + " samples the dither moved")
          .isGreaterThan(reference.length / 10);
    }
  }

  @Test
  void twoLanesSplitByTheScheduleWriteTheSameFilesAsOneLane() throws Exception {
    EncodeFixture oneLane = new EncodeFixture(tempDir.resolve("one"));
    EncodeFixture twoLanes = new EncodeFixture(tempDir.resolve("two"));
    EncodeFixture.Source sourceA = oneLane.wav("tlanes", 48_000, 24, 2, 2.0);
    EncodeFixture.Source sourceB = twoLanes.wav("tlanes", 48_000, 24, 2, 2.0);
    List<OutputSpec> outputs = EncodeFixture.plan(sourceA).outputs();
    List<List<OutputSpec>> lanes = EncodeSchedule.lanes(outputs, 2);
    assertThat(lanes).hasSize(2);

    Map<OutputFormat, EncodedOutput> single =
        byFormat(oneLane.encode(sourceA, outputs, f -> {}).outputs());
    List<CompletableFuture<EncodeLaneResult>> parallel =
        lanes.stream()
            .map(
                lane ->
                    CompletableFuture.supplyAsync(() -> twoLanes.encode(sourceB, lane, f -> {})))
            .toList();
    Map<OutputFormat, EncodedOutput> split =
        byFormat(parallel.stream().flatMap(f -> f.join().outputs().stream()).toList());

    assertThat(split.keySet()).isEqualTo(single.keySet());
    for (OutputFormat format : single.keySet()) {
      assertThat(split.get(format)).as(format.name()).isEqualTo(single.get(format));
    }
  }

  @Test
  void aProgressCallbackThatThrowsStopsFfmpegAndLeavesNothingBehind() throws Exception {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    EncodeFixture.Source source = fixture.wav("tcancel", 192_000, 24, 2, 4.0);
    List<Double> seen = new ArrayList<>();
    RuntimeException cancelled = new IllegalStateException("activity cancelled");

    assertThatThrownBy(
            () ->
                fixture.encode(
                    source,
                    EncodeFixture.plan(source).outputs(),
                    f -> {
                      seen.add(f);
                      throw cancelled;
                    }))
        .isSameAs(cancelled);

    assertThat(seen).hasSize(1);
    assertThat(seen.get(0)).as("thrown while ffmpeg was still encoding").isLessThan(0.5);
    assertThat(fixture.workDirEntries()).isEmpty();
    assertThat(fixture.store.list("tracks/")).isEmpty();
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive)
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList())
        .isEmpty();
  }

  @Test
  void anOutputThatReachesTheSizeLimitFailsTheLaneAsAToolLimit() throws IOException {
    MediaSettings defaults = MediaSettings.defaults(tempDir.resolve("work"));
    MediaSettings small =
        new MediaSettings(
            defaults.ffmpegPath(),
            defaults.ffprobePath(),
            defaults.workDir(),
            defaults.maxInputBytes(),
            defaults.maxDurationSeconds(),
            defaults.probeTimeout(),
            defaults.ffmpegTimeout(),
            300_000);
    EncodeFixture fixture = new EncodeFixture(tempDir, small);
    EncodeFixture.Source source = fixture.wav("tlimit", 48_000, 24, 2, 3.0); // the WAV_24 is 864 kB

    assertThatThrownBy(
            () ->
                fixture.encode(
                    source, EncodeFixture.plan(source, MP3_320, WAV_24).outputs(), f -> {}))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(TrackFailures.MEDIA_TOOL_LIMIT);
              assertThat(f.isNonRetryable()).isTrue();
              assertThat(f.getOriginalMessage()).contains("WAV_24").contains("300000");
            });
    assertThat(fixture.workDirEntries()).isEmpty();
    assertThat(fixture.store.list("tracks/")).isEmpty();
  }

  private static Map<OutputFormat, EncodedOutput> byFormat(List<EncodedOutput> outputs) {
    return outputs.stream()
        .collect(
            Collectors.toMap(
                EncodedOutput::format,
                Function.identity(),
                (a, b) -> a,
                () -> new EnumMap<>(OutputFormat.class)));
  }
}
