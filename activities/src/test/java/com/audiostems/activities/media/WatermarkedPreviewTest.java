package com.audiostems.activities.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.activities.analysis.PcmDecoder;
import com.audiostems.activities.testing.MarkableAudio;
import com.audiostems.activities.watermark.PreviewTag;
import com.audiostems.activities.watermark.PreviewTagSettings;
import com.audiostems.activities.watermark.PreviewWatermarker;
import com.audiostems.activities.watermark.WatermarkKeyring;
import com.audiostems.activities.watermark.WatermarkRegistry;
import com.audiostems.activities.watermark.WatermarkSettings;
import com.audiostems.dsp.loudness.LoudnessMeasurement;
import com.audiostems.dsp.loudness.LoudnessMeter;
import com.audiostems.dsp.watermark.Detection;
import com.audiostems.dsp.watermark.WatermarkDetector;
import com.audiostems.workflows.analysis.TrackAnalysis;
import com.audiostems.workflows.media.EncodeLaneRequest;
import com.audiostems.workflows.media.EncodeLaneResult;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.OutputCheck;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.VerifyRequest;
import com.audiostems.workflows.metadata.TrackMetadata;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.watermark.PreviewPayloads;
import com.audiostems.workflows.watermark.WatermarkRegistration;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview an encode lane makes with a watermarker: it carries the invisible mark (the detector
 * finds the track's payload in the decoded MP3) and the audible tag (the tone's energy where the
 * settings put it and nowhere else), the lane's other outputs carry neither, and verification holds
 * the preview's loudness to that of its marked PCM.
 */
class WatermarkedPreviewTest {
  static final int RATE = 44_100;
  static final double SECONDS = 20;
  static final String K1 =
      Base64.getEncoder().encodeToString("first deployment key, 32 bytes!!".getBytes());
  static final String K2 =
      Base64.getEncoder().encodeToString("the key that replaced it, 32 b!!".getBytes());

  @TempDir Path temp;

  static WatermarkKeyring keyring(String currentId, WatermarkKeyring.KeyEntry... keys) {
    return WatermarkKeyring.of(List.of(keys), currentId, "test.keys");
  }

  static PreviewTagSettings tag(int intervalSeconds, double levelDb) {
    return new PreviewTagSettings(
        Duration.ofSeconds(intervalSeconds), levelDb, 1000, Duration.ofMillis(400), null);
  }

  private record Encoded(
      EncodeFixture fixture, EncodeFixture.Source source, EncodeLaneResult result) {
    EncodedOutput output(OutputFormat format) {
      return result.outputs().stream().filter(o -> o.format() == format).findFirst().orElseThrow();
    }

    /**
     * Both channels, decoded outside the production code (a mono downmix by ffmpeg would add 3 dB).
     */
    float[][] decoded(OutputFormat format) throws IOException {
      return MarkableAudio.decode(fixture.stored(output(format)), RATE, 2);
    }
  }

  private Encoded encode(String trackId, WatermarkSettings settings, OutputFormat... formats)
      throws IOException {
    EncodeFixture fixture = new EncodeFixture(temp.resolve(trackId));
    Path wav = MarkableAudio.wav(fixture.scratch(trackId + ".wav"), RATE, 2, SECONDS);
    EncodeFixture.Source source = fixture.storeWav(trackId, wav, 16, RATE, 2, SECONDS);
    var outputs = EncodeFixture.plan(source, formats).outputs();
    EncodeLaneResult result =
        new OutputEncoder(
                fixture.runner,
                fixture.store,
                EncodeFixture.NO_TAGS,
                new PreviewWatermarker(fixture.runner, settings))
            .encodeLane(
                new EncodeLaneRequest(
                    trackId, source.key(), source.probe(), outputs, TrackMetadata.empty()),
                f -> {});
    return new Encoded(fixture, source, result);
  }

  @Test
  void thePreviewCarriesTheTracksMarkAndTheTagWhileTheLanesOtherOutputsCarryNeither()
      throws IOException {
    WatermarkSettings settings =
        new WatermarkSettings(keyring("k1", new WatermarkKeyring.KeyEntry("k1", K1)), tag(8, -20));
    Encoded encoded =
        encode("marked-1", settings, OutputFormat.PREVIEW_MP3_128, OutputFormat.MP3_320);

    String payloadId = PreviewPayloads.forTrack("marked-1");
    assertThat(encoded.result().previewMark()).isNotNull();
    assertThat(encoded.result().previewMark().payloadId()).isEqualTo(payloadId).startsWith("0101");
    assertThat(encoded.result().previewMark().keyId()).isEqualTo("k1");
    WatermarkRegistration registered =
        new WatermarkRegistry(encoded.fixture().store).lookUp(payloadId).orElseThrow();
    assertThat(registered.trackId()).isEqualTo("marked-1");
    assertThat(registered.kind()).isEqualTo("preview");
    assertThat(registered.version()).isEqualTo(1);
    assertThat(registered.keyId()).isEqualTo("k1");
    assertThat(registered.outputKey())
        .isEqualTo(BlobKeys.outputKey("marked-1", 1, OutputFormat.PREVIEW_MP3_128));

    float[][] preview = encoded.decoded(OutputFormat.PREVIEW_MP3_128);
    Detection found = new WatermarkDetector().detect(preview, RATE, settings.keys().all());
    assertThat(found.found()).as("mark in the decoded MP3 preview").isTrue();
    assertThat(found.payload().hex()).isEqualTo(payloadId);
    assertThat(found.keyId()).isEqualTo("k1");

    // Tags at 4, 12 (and not 20: it would end past the end) seconds, 0.4 s long, at -20 dBFS.
    assertThat(PreviewTag.startsSeconds(SECONDS, 8, 0.4)).containsExactly(4.0, 12.0);
    assertTagsAt(preview[0], List.of(4.0, 12.0), -20);

    float[][] mp3320 = encoded.decoded(OutputFormat.MP3_320);
    assertThat(new WatermarkDetector().detect(mp3320, RATE, settings.keys().all()).found())
        .as("the 320k MP3 is not marked")
        .isFalse();
    assertTagsAt(mp3320[0], List.of(), -20);
  }

  @Test
  void theTagsIntervalAndLevelFollowTheSettings() throws IOException {
    WatermarkSettings settings =
        new WatermarkSettings(keyring("k1", new WatermarkKeyring.KeyEntry("k1", K1)), tag(5, -30));
    Encoded encoded = encode("marked-2", settings, OutputFormat.PREVIEW_MP3_128);

    float[][] preview = encoded.decoded(OutputFormat.PREVIEW_MP3_128);
    assertTagsAt(preview[0], List.of(2.5, 7.5, 12.5, 17.5), -30);
  }

  @Test
  void verificationHoldsThePreviewToItsMarkedPcmAndStillCatchesALoudnessChange()
      throws IOException {
    // A quiet master: a -12 dBFS tag every 2 s makes it audibly louder, which is the point.
    WatermarkSettings settings =
        new WatermarkSettings(
            keyring("k1", new WatermarkKeyring.KeyEntry("k1", K1)),
            new PreviewTagSettings(Duration.ofSeconds(2), -12, 1000, Duration.ofMillis(800), null));
    Encoded encoded = encode("marked-3", settings, OutputFormat.PREVIEW_MP3_128);
    EncodeFixture fixture = encoded.fixture();
    TrackAnalysis.Loudness source = measure(fixture, encoded.source());
    EncodedOutput preview = encoded.output(OutputFormat.PREVIEW_MP3_128);
    double marked =
        new WatermarkRegistry(fixture.store)
            .lookUp(PreviewPayloads.forTrack("marked-3"))
            .orElseThrow()
            .markedIntegratedLufs();
    assertThat(marked - source.integratedLufs())
        .as("the tag's share of the loudness")
        .isGreaterThan(0.5);

    VerifyRequest request = fixture.verifyRequest(encoded.source(), List.of(preview));
    var report =
        new OutputVerifier(fixture.runner, fixture.store)
            .verify(
                new VerifyRequest(request.trackId(), request.source(), request.outputs(), source),
                f -> {});
    OutputCheck loudness =
        report.checks().stream()
            .filter(c -> c.method().equals(OutputVerifier.LOUDNESS))
            .findFirst()
            .orElseThrow();
    assertThat(loudness.passed()).as(loudness.detail()).isTrue();
    assertThat(loudness.detail()).contains("marked preview PCM");

    // Without its registry object the preview is held to the source again, and the tag fails it.
    fixture.store.delete(BlobKeys.watermarkRegistryKey(PreviewPayloads.forTrack("marked-3")));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new OutputVerifier(fixture.runner, fixture.store)
                    .verify(
                        new VerifyRequest(
                            request.trackId(), request.source(), request.outputs(), source),
                        f -> {}))
        .hasMessageContaining("loudness")
        .hasMessageContaining("the source's");
  }

  @Test
  void marksMadeBeforeAKeyRotationAreStillFoundAndNamedByTheirKey() throws IOException {
    WatermarkKeyring.KeyEntry first = new WatermarkKeyring.KeyEntry("k1", K1);
    WatermarkKeyring.KeyEntry second = new WatermarkKeyring.KeyEntry("k2", K2);
    Encoded before =
        encode(
            "before-rotation",
            new WatermarkSettings(keyring("k1", first), tag(8, -20)),
            OutputFormat.PREVIEW_MP3_128);
    WatermarkKeyring rotated = keyring("k2", first, second);
    Encoded after =
        encode(
            "after-rotation",
            new WatermarkSettings(rotated, tag(8, -20)),
            OutputFormat.PREVIEW_MP3_128);
    assertThat(after.result().previewMark().keyId()).isEqualTo("k2");

    Detection old =
        new WatermarkDetector()
            .detect(before.decoded(OutputFormat.PREVIEW_MP3_128), RATE, rotated.all());
    assertThat(old.found()).isTrue();
    assertThat(old.keyId()).isEqualTo("k1");
    assertThat(old.payload().hex()).isEqualTo(PreviewPayloads.forTrack("before-rotation"));
    Detection current =
        new WatermarkDetector()
            .detect(after.decoded(OutputFormat.PREVIEW_MP3_128), RATE, rotated.all());
    assertThat(current.keyId()).isEqualTo("k2");
    assertThat(current.payload().hex()).isEqualTo(PreviewPayloads.forTrack("after-rotation"));
    // The old key is what finds the old mark: without it, nothing is found.
    assertThat(
            new WatermarkDetector()
                .detect(
                    before.decoded(OutputFormat.PREVIEW_MP3_128), RATE, keyring("k2", second).all())
                .found())
        .isFalse();
  }

  /**
   * The tone is at {@code levelDb} (within 1.5 dB: MP3 coding) in the middle of every tag, and at
   * least 20 dB lower everywhere more than half a second from one.
   */
  static void assertTagsAt(float[] x, List<Double> starts, double levelDb) {
    for (double start : starts) {
      assertThat(MarkableAudio.toneLevelDb(x, RATE, 1000, start + 0.1, 0.2))
          .as("tag tone at %.1f s", start)
          .isBetween(levelDb - 1.5, levelDb + 1.5);
    }
    for (double t = 0.25; t + 0.2 < x.length / (double) RATE; t += 0.25) {
      double at = t;
      boolean nearTag = starts.stream().anyMatch(s -> at > s - 0.5 && at < s + 0.4 + 0.5);
      if (!nearTag) {
        assertThat(MarkableAudio.toneLevelDb(x, RATE, 1000, t, 0.2))
            .as("no tone at %.2f s", t)
            .isLessThan(levelDb - 20);
      }
    }
  }

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
