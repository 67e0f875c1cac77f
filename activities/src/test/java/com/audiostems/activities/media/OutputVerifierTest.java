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
import static org.assertj.core.api.Assertions.entry;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.OutputCheck;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.VerificationReport;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputVerifierTest {
  @TempDir Path tempDir;

  @Test
  void losslessAtTheSourcesRateAndDepthIsComparedSampleForSampleAndLossyByDuration()
      throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    EncodeFixture.Source source = fixture.wav("v24x48", 48_000, 24, 2, 3.0);
    List<EncodedOutput> outputs =
        fixture.encode(source, EncodeFixture.plan(source).outputs(), f -> {}).outputs();
    List<Double> progress = new ArrayList<>();

    VerificationReport report =
        new OutputVerifier(fixture.runner, fixture.store)
            .verify(fixture.verifyRequest(source, outputs), progress::add);

    assertThat(methods(report))
        .containsExactly(
            entry(PREVIEW_MP3_128, OutputVerifier.DURATION),
            entry(MP3_320, OutputVerifier.DURATION),
            entry(AAC_256, OutputVerifier.DURATION),
            entry(FLAC, OutputVerifier.BIT_EXACT),
            entry(ALAC, OutputVerifier.BIT_EXACT),
            entry(WAV_24, OutputVerifier.BIT_EXACT));
    assertThat(report.checks()).allSatisfy(c -> assertThat(c.passed()).isTrue());
    assertThat(check(report, FLAC).detail()).contains("identical", "144000 frames", "48000 Hz");
    assertThat(check(report, AAC_256).detail()).contains("frames at 48000 Hz", "1024 allowed");
    assertThat(progress).isSorted().last().isEqualTo(1.0);
    assertThat(fixture.workDirEntries()).isEmpty();
  }

  @Test
  void sixteenBitSourceIsBitExactInItsSixteenBitLosslessAndTheWav24() throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    EncodeFixture.Source source = fixture.wav("v16x44", 44_100, 16, 2, 2.0);
    List<EncodedOutput> outputs =
        fixture
            .encode(
                source, EncodeFixture.plan(source, FLAC, ALAC, WAV_24, MP3_320).outputs(), f -> {})
            .outputs();

    VerificationReport report = fixture.verify(source, outputs);

    assertThat(methods(report))
        .containsExactly(
            entry(MP3_320, OutputVerifier.DURATION),
            entry(FLAC, OutputVerifier.BIT_EXACT),
            entry(ALAC, OutputVerifier.BIT_EXACT),
            entry(WAV_24, OutputVerifier.BIT_EXACT));
  }

  @Test
  void resampledAndDitheredOutputsAreVerifiedByDuration() throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    EncodeFixture.Source hiRes = fixture.wav("v24x192", 192_000, 24, 2, 2.0);
    EncodeFixture.Source floating = fixture.floatWav("vfloat", 48_000, 2, 2.0);
    List<EncodedOutput> hiResOutputs =
        fixture
            .encode(hiRes, EncodeFixture.plan(hiRes, FLAC, FLAC_96K, AAC_256).outputs(), f -> {})
            .outputs();
    List<EncodedOutput> floatOutputs =
        fixture
            .encode(floating, EncodeFixture.plan(floating, FLAC, ALAC, WAV_24).outputs(), f -> {})
            .outputs();

    VerificationReport hiResReport = fixture.verify(hiRes, hiResOutputs);
    VerificationReport floatReport = fixture.verify(floating, floatOutputs);

    assertThat(methods(hiResReport))
        .containsExactly(
            entry(AAC_256, OutputVerifier.DURATION),
            entry(FLAC, OutputVerifier.BIT_EXACT),
            entry(FLAC_96K, OutputVerifier.DURATION));
    assertThat(check(hiResReport, FLAC_96K).detail())
        .contains("192000 frames at 96000 Hz", "+0.0 frames");
    assertThat(methods(floatReport))
        .containsExactly(
            entry(FLAC, OutputVerifier.DURATION),
            entry(ALAC, OutputVerifier.DURATION),
            entry(WAV_24, OutputVerifier.DURATION));
    assertThat(floatReport.checks())
        .allSatisfy(
            c -> assertThat(c.detail()).contains("96000 frames at 48000 Hz", "+0.0 frames"));
  }

  /**
   * Issue 15: "decoded 58751 frames against the source's 58752" on lossless outputs of lossy
   * sources.
   */
  @Test
  void losslessOutputsOfAnOddLengthLossySourceHoldExactlyItsGaplessDecodedFrames()
      throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    // LAME's Info frame carries its delay and padding: the gapless decode is the 58751 frames
    // again.
    EncodeFixture.Source source =
        fixture.encodedMusic("vodd", 44_100, 58_751, "mp3", "-c:a", "libmp3lame", "-b:a", "320k");
    List<EncodedOutput> outputs =
        fixture
            .encode(source, EncodeFixture.plan(source, FLAC, ALAC, WAV_24).outputs(), f -> {})
            .outputs();

    VerificationReport report = fixture.verify(source, outputs);

    assertThat(methods(report))
        .containsExactly(
            entry(FLAC, OutputVerifier.DURATION),
            entry(ALAC, OutputVerifier.DURATION),
            entry(WAV_24, OutputVerifier.DURATION));
    assertThat(report.checks())
        .allSatisfy(
            c ->
                assertThat(c.detail())
                    .contains("(58751 frames at 44100 Hz) against", "+0.0 frames, 0 allowed"));
  }

  /** 58799 frames at 44.1 kHz came to 58799.000000000007 through seconds, against 0 allowed. */
  @Test
  void theExpectedFrameCountIsExactWhereTheRateIsKept() throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    EncodeFixture.Source source =
        fixture.encodedMusic("vexact", 44_100, 58_799, "ogg", "-c:a", "libvorbis", "-q:a", "8");
    List<EncodedOutput> outputs =
        fixture.encode(source, EncodeFixture.plan(source, FLAC).outputs(), f -> {}).outputs();

    VerificationReport report = fixture.verify(source, outputs);

    assertThat(check(report, FLAC).detail())
        .contains("(58799 frames at 44100 Hz) against", "+0.0 frames, 0 allowed");
    assertThat(check(report, FLAC).passed()).isTrue();
  }

  /**
   * Issue 15: AAC outputs of short sources ran more than one codec frame past the source. The
   * largest excess measured with exact counts is this one: the AAC of a 3200-frame Vorbis decode
   * ends 1024 frames past it (ffmpeg 5.1 decodes the padding the edit list should cut), at the
   * bound, so a source miscounted by a single frame failed it. A guard on that boundary.
   */
  @Test
  void anAacOfAShortVorbisSourceEndsWithinOneFrameOfTheSourcesExactCount() throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    Path ogg = fixture.scratch("short.ogg");
    TestAudio.run(
        List.of(
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "anoisesrc=r=48000:a=0.3:seed=7,aformat=channel_layouts=stereo",
            "-af",
            "atrim=end_sample=3073",
            "-c:a",
            "libvorbis",
            "-q:a",
            "8",
            ogg.toString()));
    EncodeFixture.Source source = fixture.probed("vshort", ogg);
    List<EncodedOutput> outputs =
        fixture
            .encode(source, EncodeFixture.plan(source, AAC_256, MP3_320).outputs(), f -> {})
            .outputs();

    VerificationReport report = fixture.verify(source, outputs);

    // The AAC's exact decoded count: 3200 + 896 = four 1024-frame AAC frames (its timestamps
    // counted from sample 0, the Vorbis pre-roll not kept), against the source's exact count.
    assertThat(check(report, AAC_256).detail())
        .contains("(4096 frames at 48000 Hz) against", "(3200 frames at 48000 Hz)");
    assertThat(report.checks()).allSatisfy(c -> assertThat(c.passed()).as(c.detail()).isTrue());
  }

  @Test
  void failsWhenALosslessOutputHoldsOtherSamples() throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    EncodeFixture.Source source = fixture.wav("vtamper", 48_000, 24, 2, 2.0);
    List<EncodedOutput> outputs =
        fixture
            .encode(source, EncodeFixture.plan(source, FLAC, WAV_24).outputs(), f -> {})
            .outputs();
    // The same music with one sample one step louder, as a 24-bit FLAC of the same length.
    double[] samples = TestAudio.music(48_000, 2, 2.0);
    samples[50_001] += 1.0 / (1 << 23);
    Path wav = TestAudio.writeWav(fixture.scratch("other.wav"), samples, 48_000, 24, 2);
    Path otherFlac =
        TestAudio.convert(wav, fixture.scratch("other.flac"), "-c:a", "flac", "-sample_fmt", "s32");
    List<EncodedOutput> tampered = replacing(outputs, FLAC, fixture, otherFlac);

    assertVerificationFails(
        fixture,
        source,
        tampered,
        message ->
            assertThat(message)
                .contains(
                    "FLAC (tracks/vtamper/v1/outputs/flac.flac) failed pcm-bit-exact",
                    "decoded PCM differs",
                    "96000 frames")
                .doesNotContain("WAV_24"));
  }

  @Test
  void failsWhenLossyOutputsAreCutShort() throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    EncodeFixture.Source source = fixture.wav("vtrunc", 48_000, 24, 2, 3.0);
    List<EncodedOutput> outputs =
        fixture
            .encode(source, EncodeFixture.plan(source, MP3_320, AAC_256).outputs(), f -> {})
            .outputs();
    // The MP3 cut at a frame boundary decodes cleanly, only shorter; the AAC cut mid-file does not
    // decode.
    Path mp3 =
        fixture.stored(
            outputs.stream().filter(o -> o.format() == MP3_320).findFirst().orElseThrow());
    Path shortMp3 = TestAudio.convert(mp3, fixture.scratch("short.mp3"), "-t", "2", "-c", "copy");
    Path aac =
        fixture.stored(
            outputs.stream().filter(o -> o.format() == AAC_256).findFirst().orElseThrow());
    byte[] bytes = Files.readAllBytes(aac);
    Path halfAac = Files.write(fixture.scratch("half.m4a"), Arrays.copyOf(bytes, bytes.length / 2));
    List<EncodedOutput> truncated =
        replacing(replacing(outputs, MP3_320, fixture, shortMp3), AAC_256, fixture, halfAac);

    assertVerificationFails(
        fixture,
        source,
        truncated,
        message ->
            assertThat(message)
                .contains(
                    "MP3_320 (tracks/vtrunc/v1/outputs/mp3-320k.mp3) failed duration: decoded 2.0",
                    "1152 allowed")
                .contains(
                    "AAC_256 (tracks/vtrunc/v1/outputs/aac-256k.m4a) failed duration: does not decode cleanly"));
  }

  @Test
  void failsWhenAFlacFrameIsDamaged() throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    EncodeFixture.Source source = fixture.wav("vcorrupt", 48_000, 24, 2, 2.0);
    List<EncodedOutput> outputs =
        fixture.encode(source, EncodeFixture.plan(source, FLAC).outputs(), f -> {}).outputs();
    byte[] bytes = Files.readAllBytes(fixture.stored(outputs.get(0)));
    for (int i = bytes.length / 2; i < bytes.length / 2 + 8; i++) {
      bytes[i] ^= (byte) 0x5A;
    }
    Path damaged = Files.write(fixture.scratch("damaged.flac"), bytes);

    assertVerificationFails(
        fixture,
        source,
        replacing(outputs, FLAC, fixture, damaged),
        message -> assertThat(message).contains("FLAC", "does not decode cleanly"));
  }

  @Test
  void failsWhenTheStoredObjectIsNotTheOneTheEncoderDescribed() throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    EncodeFixture.Source source = fixture.wav("vswap", 48_000, 24, 2, 2.0);
    List<EncodedOutput> outputs =
        fixture
            .encode(source, EncodeFixture.plan(source, WAV_24, MP3_320).outputs(), f -> {})
            .outputs();
    EncodedOutput wav =
        outputs.stream().filter(o -> o.format() == WAV_24).findFirst().orElseThrow();
    fixture.store.storeBytes(wav.key(), new byte[] {1, 2, 3});
    fixture.store.delete(
        outputs.stream().filter(o -> o.format() == MP3_320).findFirst().orElseThrow().key());

    assertVerificationFails(
        fixture,
        source,
        outputs,
        message ->
            assertThat(message)
                .contains("WAV_24", "the stored object is not the one encoded", "found 3 bytes")
                .contains("MP3_320", "is missing"));
  }

  private static void assertVerificationFails(
      EncodeFixture fixture,
      EncodeFixture.Source source,
      List<EncodedOutput> outputs,
      Consumer<String> message)
      throws IOException {
    assertThatThrownBy(() -> fixture.verify(source, outputs))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(TrackFailures.OUTPUT_VERIFICATION_FAILED);
              assertThat(f.isNonRetryable()).isTrue();
              message.accept(f.getOriginalMessage());
            });
    assertThat(fixture.workDirEntries()).isEmpty();
  }

  /**
   * The outputs with one of them replaced in the store by the file, described as the encoder would.
   */
  private static List<EncodedOutput> replacing(
      List<EncodedOutput> outputs, OutputFormat format, EncodeFixture fixture, Path file)
      throws IOException {
    List<EncodedOutput> result = new ArrayList<>();
    for (EncodedOutput output : outputs) {
      result.add(output.format() == format ? fixture.replace(output, file) : output);
    }
    return result;
  }

  private static Map<OutputFormat, String> methods(VerificationReport report) {
    Map<OutputFormat, String> methods = new EnumMap<>(OutputFormat.class);
    report.checks().forEach(c -> methods.put(c.format(), c.method()));
    return methods;
  }

  private static OutputCheck check(VerificationReport report, OutputFormat format) {
    return report.checks().stream().filter(c -> c.format() == format).findFirst().orElseThrow();
  }
}
