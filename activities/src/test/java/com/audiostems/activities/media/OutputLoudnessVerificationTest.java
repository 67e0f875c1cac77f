package com.audiostems.activities.media;

import static com.audiostems.workflows.media.OutputFormat.AAC_256;
import static com.audiostems.workflows.media.OutputFormat.MP3_320;
import static com.audiostems.workflows.media.OutputFormat.PREVIEW_MP3_128;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.audiostems.activities.analysis.PcmDecoder;
import com.audiostems.activities.testing.TestAudio;
import com.audiostems.dsp.loudness.LoudnessMeasurement;
import com.audiostems.dsp.loudness.LoudnessMeter;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.analysis.TrackAnalysis;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.OutputCheck;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.VerificationReport;
import com.audiostems.workflows.media.VerifyRequest;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs that are not the source's samples are held to its loudness (within 0.5 LU) and must not
 * clip where the source had headroom; the source's figures are what the analysis measured.
 */
class OutputLoudnessVerificationTest {
  @TempDir Path tempDir;

  @Test
  void lossyOutputsKeepTheSourcesLoudness() throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    EncodeFixture.Source source = fixture.wav("loud1", 44_100, 24, 2, 4.0);
    List<EncodedOutput> outputs =
        fixture
            .encode(source, EncodeFixture.plan(source, MP3_320, PREVIEW_MP3_128).outputs(), f -> {})
            .outputs();

    VerificationReport report =
        new OutputVerifier(fixture.runner, fixture.store)
            .verify(withLoudness(fixture, source, outputs, measure(fixture, source)), f -> {});

    List<OutputCheck> loudness =
        report.checks().stream().filter(c -> c.method().equals(OutputVerifier.LOUDNESS)).toList();
    assertThat(loudness)
        .hasSize(2)
        .allSatisfy(
            c -> {
              assertThat(c.passed()).as(c.detail()).isTrue();
              assertThat(c.detail()).contains("LUFS against the source's");
            });
  }

  @Test
  void anOutputThatIsLouderThanItsSourceFails() throws IOException {
    // As if the source were 1 LU quieter than it is: the output then reads 1 LU too loud.
    assertLoudnessFails("loud2", MP3_320, -1.0, "MP3_320", "failed loudness", "+1.0");
  }

  @Test
  void anOutputThatClipsWhereTheSourceHadHeadroomFails() throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    EncodeFixture.Source source = fixture.wav("clip1", 44_100, 24, 2, 4.0);
    List<EncodedOutput> outputs =
        fixture.encode(source, EncodeFixture.plan(source, MP3_320).outputs(), f -> {}).outputs();
    // The stored MP3 replaced by one 12 dB hotter: it clips, though its source peaked below 0 dBFS.
    Path hot = fixture.scratch("hot.mp3");
    Process ffmpeg =
        new ProcessBuilder(
                "ffmpeg",
                "-v",
                "error",
                "-y",
                "-i",
                fixture.stored(outputs.get(0)).toString(),
                "-af",
                "volume=12dB",
                "-c:a",
                "libmp3lame",
                "-b:a",
                "320k",
                hot.toString())
            .inheritIO()
            .start();
    try {
      assertThat(ffmpeg.waitFor()).isZero();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    EncodedOutput replaced = fixture.replace(outputs.get(0), hot);
    TrackAnalysis.Loudness measured = measure(fixture, source);
    // The loudness limit would catch it too; give the source its output's loudness so that only the
    // clipping can.
    TrackAnalysis.Loudness asLoud =
        new TrackAnalysis.Loudness(
            measured.integratedLufs() + 11.5,
            0,
            0,
            0,
            measured.truePeakDbtp(),
            measured.samplePeakDbfs(),
            0);

    assertThatThrownBy(
            () ->
                new OutputVerifier(fixture.runner, fixture.store)
                    .verify(withLoudness(fixture, source, List.of(replaced), asLoud), f -> {}))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getOriginalMessage()).contains("the encode clips"));
  }

  /**
   * Issue 15: an AAC of a −5 LUFS source peaking at +0.7 dBFS measured 0.8 LU quieter. Above 0.95
   * of full scale the AAC encoder turns windows down and LAME is fed fixed-point samples: what they
   * are given is not the source's level, so its outputs may be quieter by what that takes off.
   */
  @Test
  void outputsOfAClippingSourceMayBeQuieterByWhatTheEncodersTakeOffItsPeaks() throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    Path loud = fixture.scratch("loud.wav");
    TestAudio.run(
        List.of(
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "anoisesrc=r=44100:a=0.9:c=pink:d=6:seed=7,aformat=channel_layouts=stereo",
            "-af",
            "volume=14dB,aeval='max(-1.084\\,min(1.084\\,val(ch)))':c=same",
            "-c:a",
            "pcm_f32le",
            loud.toString()));
    EncodeFixture.Source source = fixture.probed("clipping", loud);
    List<EncodedOutput> outputs =
        fixture
            .encode(
                source,
                EncodeFixture.plan(source, AAC_256, MP3_320, PREVIEW_MP3_128).outputs(),
                f -> {})
            .outputs();
    TrackAnalysis.Loudness measured = measure(fixture, source);

    VerificationReport report =
        new OutputVerifier(fixture.runner, fixture.store)
            .verify(withLoudness(fixture, source, outputs, measured), f -> {});

    assertThat(measured.samplePeakDbfs()).isGreaterThan(0.6);
    assertThat(report.checks().stream().filter(c -> c.method().equals(OutputVerifier.LOUDNESS)))
        .hasSize(3)
        .allSatisfy(
            c -> {
              assertThat(c.passed()).as(c.detail()).isTrue();
              assertThat(c.detail())
                  .contains(
                      "what the encoder was given peaks at +0.70 dBFS, where the AAC encoder turns"
                          + " windows down");
            });
  }

  /**
   * Issue 15: the stereo MP3 and AAC of a 5.1 source were held to the 5.1 source's loudness, 14 LU
   * above their downmix's, and failed. They are held to the downmix their encoders were given, and
   * both are given the same one: the MP3 was 7.7 LU quieter than the AAC while LAME was fed
   * integers.
   */
  @Test
  void downmixedOutputsAreHeldToTheDownmixTheirEncodersWereGiven() throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    EncodeFixture.Source source = fixture.wav("surround1", 48_000, 24, 6, 4.0);
    List<EncodedOutput> outputs =
        fixture
            .encode(source, EncodeFixture.plan(source, MP3_320, AAC_256).outputs(), f -> {})
            .outputs();
    TrackAnalysis.Loudness sixChannels = measure(fixture, source);

    VerificationReport report =
        new OutputVerifier(fixture.runner, fixture.store)
            .verify(withSource(fixture, source, outputs, sixChannels), f -> {});

    List<OutputCheck> loudness =
        report.checks().stream().filter(c -> c.method().equals(OutputVerifier.LOUDNESS)).toList();
    assertThat(loudness)
        .hasSize(2)
        .allSatisfy(
            c -> {
              assertThat(c.passed()).as(c.detail()).isTrue();
              assertThat(c.detail()).contains("against the 6-channel source's 2-channel downmix's");
            });
    double mp3 = integratedLufsOf(fixture, outputs, MP3_320);
    double aac = integratedLufsOf(fixture, outputs, AAC_256);
    assertThat(mp3).as("one downmix for every lossy output").isCloseTo(aac, within(0.5));
    assertThat(sixChannels.integratedLufs() - mp3)
        .as("what the old check held the downmix to")
        .isGreaterThan(OutputVerifier.MAX_LOUDNESS_CHANGE_LU);
  }

  @Test
  void aDownmixedOutputQuieterThanItsDownmixStillFails() throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    EncodeFixture.Source source = fixture.wav("surround2", 48_000, 24, 6, 4.0);
    List<EncodedOutput> outputs =
        fixture.encode(source, EncodeFixture.plan(source, AAC_256).outputs(), f -> {}).outputs();
    Path quiet = fixture.scratch("quiet.m4a");
    TestAudio.run(
        List.of(
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-i",
            fixture.stored(outputs.get(0)).toString(),
            "-af",
            "volume=-1dB",
            "-c:a",
            "aac",
            "-b:a",
            "256k",
            quiet.toString()));
    EncodedOutput replaced = fixture.replace(outputs.get(0), quiet);

    assertThatThrownBy(
            () ->
                new OutputVerifier(fixture.runner, fixture.store)
                    .verify(
                        withSource(fixture, source, List.of(replaced), measure(fixture, source)),
                        f -> {}))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f ->
                assertThat(f.getOriginalMessage())
                    .contains("AAC_256", "failed loudness", "downmix"));
  }

  @Test
  void aQuieterOutputOfASourceWithHeadroomStillFails() throws IOException {
    // As if the source were 1 LU louder than it is: the output then reads 1 LU too quiet.
    assertLoudnessFails(
        "quiet1", AAC_256, 1.0, "AAC_256", "failed loudness", "-1.0", "0.5 allowed");
  }

  /**
   * The output of a 24-bit source with headroom fails against the source's loudness moved by {@code
   * sourceShiftLu}.
   */
  private void assertLoudnessFails(
      String trackId, OutputFormat format, double sourceShiftLu, String... message)
      throws IOException {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    EncodeFixture.Source source = fixture.wav(trackId, 44_100, 24, 2, 4.0);
    List<EncodedOutput> outputs =
        fixture.encode(source, EncodeFixture.plan(source, format).outputs(), f -> {}).outputs();
    TrackAnalysis.Loudness shifted = shifted(measure(fixture, source), sourceShiftLu);

    assertThatThrownBy(
            () ->
                new OutputVerifier(fixture.runner, fixture.store)
                    .verify(withLoudness(fixture, source, outputs, shifted), f -> {}))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(TrackFailures.OUTPUT_VERIFICATION_FAILED);
              assertThat(f.getOriginalMessage()).contains(message);
            });
  }

  /** The same figures with the integrated loudness moved by {@code lu}. */
  private static TrackAnalysis.Loudness shifted(TrackAnalysis.Loudness m, double lu) {
    return new TrackAnalysis.Loudness(
        m.integratedLufs() + lu,
        m.loudnessRangeLu(),
        m.momentaryMaxLufs(),
        m.shortTermMaxLufs(),
        m.truePeakDbtp(),
        m.samplePeakDbfs(),
        m.peakToLoudnessRatioLu());
  }

  private static VerifyRequest withLoudness(
      EncodeFixture fixture,
      EncodeFixture.Source source,
      List<EncodedOutput> outputs,
      TrackAnalysis.Loudness loudness) {
    VerifyRequest request = fixture.verifyRequest(source, outputs);
    return new VerifyRequest(request.trackId(), request.source(), request.outputs(), loudness);
  }

  private static VerifyRequest withSource(
      EncodeFixture fixture,
      EncodeFixture.Source source,
      List<EncodedOutput> outputs,
      TrackAnalysis.Loudness loudness) {
    VerifyRequest request = fixture.verifyRequest(source, outputs);
    return new VerifyRequest(
        request.trackId(), request.source(), request.outputs(), loudness, source.key());
  }

  private static double integratedLufsOf(
      EncodeFixture fixture, List<EncodedOutput> outputs, OutputFormat format) throws IOException {
    EncodedOutput output = outputs.stream().filter(o -> o.format() == format).findFirst().get();
    LoudnessMeter meter = new LoudnessMeter(output.sampleRateHz(), output.channels());
    new PcmDecoder(fixture.runner)
        .decodeAt(
            fixture.stored(output),
            output.sampleRateHz(),
            output.channels(),
            0,
            "to measure it",
            meter::accept,
            f -> {});
    return meter.result().integratedLufs();
  }

  /** The source's figures as the analysis takes them: the same meter on its decoded samples. */
  private static TrackAnalysis.Loudness measure(EncodeFixture fixture, EncodeFixture.Source source)
      throws IOException {
    LoudnessMeter meter =
        new LoudnessMeter(source.probe().sampleRateHz(), source.probe().channels());
    new PcmDecoder(fixture.runner)
        .decode(fixture.store.pathOf(source.key()), source.probe(), meter::accept, f -> {});
    LoudnessMeasurement m = meter.result();
    return new TrackAnalysis.Loudness(
        m.integratedLufs(),
        m.loudnessRangeLu(),
        m.momentaryMaxLufs(),
        m.shortTermMaxLufs(),
        m.truePeakDbtp(),
        m.samplePeakDbfs(),
        m.peakToLoudnessRatioLu());
  }
}
