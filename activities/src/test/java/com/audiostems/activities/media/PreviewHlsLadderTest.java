package com.audiostems.activities.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.audiostems.activities.testing.MarkableAudio;
import com.audiostems.activities.watermark.PreviewWatermarker;
import com.audiostems.activities.watermark.WatermarkKeyring;
import com.audiostems.activities.watermark.WatermarkSettings;
import com.audiostems.dsp.watermark.Detection;
import com.audiostems.dsp.watermark.WatermarkDetector;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.media.EncodeLaneRequest;
import com.audiostems.workflows.media.EncodeLaneResult;
import com.audiostems.workflows.media.HlsLadder;
import com.audiostems.workflows.media.HlsLadderPlan;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.metadata.TrackMetadata;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.watermark.PreviewPayloads;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview lane's HLS ladder: three AAC-LC renditions of the marked preview's samples, each of
 * which ffprobe reads through its media playlist with the preview's duration, behind a master
 * playlist that names them with their bandwidth and codec, all under the version's {@code hls/}
 * folder and by relative names; and the mark is in a rendition, as in the MP3.
 */
class PreviewHlsLadderTest {
  static final int RATE = 44_100;

  /** 20 s: three full 6 s segments and a short last one. */
  static final double SECONDS = 20;

  /**
   * How far a variant's duration may be from the samples': one AAC frame at 44.1 kHz (ffmpeg's
   * {@code aac} primes 1024 samples, and its HLS reader does not trim them), plus the microsecond
   * ffprobe prints to.
   */
  static final double AAC_FRAME_SECONDS = 1024.0 / RATE + 1e-6;

  @TempDir Path temp;

  private final WatermarkSettings settings =
      new WatermarkSettings(
          WatermarkedPreviewTest.keyring(
              "k1", new WatermarkKeyring.KeyEntry("k1", WatermarkedPreviewTest.K1)),
          WatermarkedPreviewTest.tag(8, -20));

  private record Encoded(EncodeFixture fixture, HlsLadderPlan plan, EncodeLaneResult result) {
    Path stored(String key) {
      return fixture.store.pathOf(key);
    }
  }

  private Encoded encode(String trackId, OutputFormat... formats) throws IOException {
    EncodeFixture fixture = new EncodeFixture(temp.resolve(trackId));
    Path wav = MarkableAudio.wav(fixture.scratch(trackId + ".wav"), RATE, 2, SECONDS);
    EncodeFixture.Source source = fixture.storeWav(trackId, wav, 16, RATE, 2, SECONDS);
    HlsLadderPlan plan = HlsLadderPlan.forPreview(trackId, 1, SECONDS);
    EncodeLaneResult result =
        new OutputEncoder(
                fixture.runner,
                fixture.store,
                EncodeFixture.NO_TAGS,
                new PreviewWatermarker(fixture.runner, settings))
            .encodeLane(
                new EncodeLaneRequest(
                    trackId,
                    source.key(),
                    source.probe(),
                    EncodeFixture.plan(source, formats).outputs(),
                    TrackMetadata.empty(),
                    plan),
                f -> {});
    return new Encoded(fixture, plan, result);
  }

  @Test
  void everyVariantIsReadByFfprobeWithThePreviewsDurationBehindAMasterPlaylist() throws Exception {
    Encoded encoded = encode("ladder-1", OutputFormat.PREVIEW_MP3_128, OutputFormat.MP3_320);
    HlsLadder ladder = encoded.result().previewLadder();

    String prefix = BlobKeys.hlsPrefix("ladder-1", 1);
    assertThat(ladder.masterPlaylistKey()).isEqualTo(prefix + "master.m3u8");
    assertThat(ladder.container()).isEqualTo("fmp4");
    assertThat(ladder.watermarked()).isTrue();
    assertThat(ladder.variants())
        .extracting(HlsLadder.Variant::bitRateKbps)
        .containsExactly(64, 128, 192);
    for (HlsLadder.Variant variant : ladder.variants()) {
      assertThat(variant.codecs()).isEqualTo("mp4a.40.2");
      assertThat(variant.segmentCount()).as("ceil(20 / 6)").isEqualTo(4);
      // ffprobe of our own, outside the production code, through the stored playlist.
      Path playlist = encoded.stored(variant.playlistKey());
      assertThat(ffprobe(playlist, "stream=codec_name,profile,sample_rate,channels"))
          .contains("codec_name=aac", "profile=LC", "sample_rate=44100", "channels=2");
      double seconds = Double.parseDouble(ffprobe(playlist, "format=duration").split("=")[1]);
      assertThat(seconds)
          .as("%dk variant's duration", variant.bitRateKbps())
          .isCloseTo(SECONDS, within(AAC_FRAME_SECONDS));
      assertThat(variant.durationSeconds()).isCloseTo(seconds, within(1e-3));
      assertThat(variant.peakBandwidthBps()).isGreaterThanOrEqualTo(variant.averageBandwidthBps());
      // The encoder's target, give or take its rate control and the container (fMP4: a few %).
      assertThat(variant.averageBandwidthBps())
          .isBetween(variant.bitRateKbps() * 800L, variant.bitRateKbps() * 1250L);
    }

    String master =
        Files.readString(encoded.stored(ladder.masterPlaylistKey()), StandardCharsets.UTF_8);
    assertThat(master).startsWith("#EXTM3U\n#EXT-X-VERSION:7\n");
    Matcher entry =
        Pattern.compile(
                "#EXT-X-STREAM-INF:BANDWIDTH=(\\d+),AVERAGE-BANDWIDTH=(\\d+),CODECS=\"mp4a\\.40\\.2\"\n"
                    + "(\\S+)\n")
            .matcher(master);
    for (HlsLadder.Variant variant : ladder.variants()) {
      assertThat(entry.find()).as("master entry for %dk", variant.bitRateKbps()).isTrue();
      assertThat(Long.parseLong(entry.group(1))).isEqualTo(variant.peakBandwidthBps());
      assertThat(Long.parseLong(entry.group(2))).isEqualTo(variant.averageBandwidthBps());
      assertThat(prefix + entry.group(3)).as("a relative name").isEqualTo(variant.playlistKey());
    }
    assertThat(entry.find()).as("three variants, no more").isFalse();
    // ffmpeg's own HLS reader finds the three variants in the master, with their BANDWIDTH.
    assertThat(
            ffprobe(encoded.stored(ladder.masterPlaylistKey()), "program_tags=variant_bitrate")
                .split("\n"))
        .containsExactlyElementsOf(
            ladder.variants().stream()
                .map(v -> "TAG:variant_bitrate=" + v.peakBandwidthBps())
                .toList());

    // Media playlists name their init segment and segments relative to themselves.
    for (HlsLadder.Variant variant : ladder.variants()) {
      List<String> uris =
          Files.readAllLines(encoded.stored(variant.playlistKey())).stream()
              .filter(l -> !l.startsWith("#") && !l.isBlank())
              .toList();
      assertThat(uris)
          .hasSize(variant.segmentCount())
          .allSatisfy(u -> assertThat(u).doesNotContain("/"));
    }

    // Every file stored is one the plan allowed (what compensation deletes), and every one the
    // manifest lists is stored.
    Path hls = encoded.stored(ladder.masterPlaylistKey()).getParent();
    try (Stream<Path> files = Files.list(hls)) {
      List<String> stored = files.map(f -> prefix + f.getFileName()).toList();
      assertThat(encoded.plan().keys()).containsAll(stored);
      assertThat(stored).containsExactlyInAnyOrderElementsOf(ladder.keys());
    }
  }

  @Test
  void theMarkIsInTheDecoded128kVariant() throws IOException {
    Encoded encoded = encode("ladder-2", OutputFormat.PREVIEW_MP3_128);
    HlsLadder.Variant standard =
        encoded.result().previewLadder().variants().stream()
            .filter(v -> v.bitRateKbps() == 128)
            .findFirst()
            .orElseThrow();

    float[][] decoded = MarkableAudio.decode(encoded.stored(standard.playlistKey()), RATE, 2);
    Detection found = new WatermarkDetector().detect(decoded, RATE, settings.keys().all());
    assertThat(found.found()).as("mark in the decoded 128k HLS variant").isTrue();
    assertThat(found.payload().hex()).isEqualTo(PreviewPayloads.forTrack("ladder-2"));
    assertThat(found.keyId()).isEqualTo("k1");
    // And the audible tag, from the same samples: at 4 and 12 s.
    WatermarkedPreviewTest.assertTagsAt(decoded[0], List.of(4.0, 12.0), -20);
  }

  @Test
  void aLadderAskedOfALaneWithoutThePreviewIsABadRequestAndStoresNothing() throws IOException {
    EncodeFixture fixture = new EncodeFixture(temp.resolve("no-preview"));
    Path wav = MarkableAudio.wav(fixture.scratch("np.wav"), RATE, 2, 2);
    EncodeFixture.Source source = fixture.storeWav("no-preview", wav, 16, RATE, 2, 2);
    OutputEncoder encoder =
        new OutputEncoder(
            fixture.runner,
            fixture.store,
            EncodeFixture.NO_TAGS,
            new PreviewWatermarker(fixture.runner, settings));

    assertThatThrownBy(
            () ->
                encoder.encodeLane(
                    new EncodeLaneRequest(
                        "no-preview",
                        source.key(),
                        source.probe(),
                        EncodeFixture.plan(source, OutputFormat.FLAC).outputs(),
                        TrackMetadata.empty(),
                        HlsLadderPlan.forPreview("no-preview", 1, 2)),
                    f -> {}))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(TrackFailures.INVALID_REQUEST);
              assertThat(f.isNonRetryable()).isTrue();
            })
        .hasMessageContaining("no preview to make it from");
    assertThat(fixture.store.list("tracks/")).isEmpty();
  }

  /** ffprobe's {@code key=value} lines for {@code entries}, through the file protocol only. */
  private static String ffprobe(Path file, String entries) throws Exception {
    Process process =
        new ProcessBuilder(
                "ffprobe",
                "-v",
                "error",
                "-protocol_whitelist",
                "file",
                "-show_entries",
                entries,
                "-of",
                "default=noprint_wrappers=1",
                file.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out.trim();
  }
}
