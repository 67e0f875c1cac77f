package com.audiostems.activities.watermark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.activities.media.MediaSettings;
import com.audiostems.activities.media.OutputEncoder;
import com.audiostems.activities.metadata.OutputTagger;
import com.audiostems.activities.testing.MarkableAudio;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.media.EncodeLaneRequest;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.OutputPlanner;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.metadata.TrackMetadata;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.watermark.DetectWatermarkRequest;
import com.audiostems.workflows.watermark.PreviewPayloads;
import com.audiostems.workflows.watermark.WatermarkDetection;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detect activity on stored files: a preview the encode lane marked (found, its payload, key
 * and track, a timeline marked throughout), an unmarked file, a marked preview with a stretch of
 * unmarked audio spliced in (the timeline shows where), and requests that cannot be served.
 */
class WatermarkActivitiesImplTest {
  static final int RATE = 44_100;
  static final double SECONDS = 24;
  static final String TRACK = "detect-me";

  @TempDir Path temp;
  private LocalBlobStore store;
  private MediaProcessRunner runner;
  private WatermarkKeyring keys;
  private WatermarkActivitiesImpl activities;
  private String sourceKey;
  private String previewKey;

  @BeforeEach
  void encodeAMarkedPreview() throws IOException {
    store = new LocalBlobStore(temp.resolve("store"));
    runner = new MediaProcessRunner(MediaSettings.defaults(temp.resolve("work")));
    keys =
        WatermarkKeyring.of(
            List.of(
                new WatermarkKeyring.KeyEntry(
                    "k1",
                    Base64.getEncoder()
                        .encodeToString(
                            new byte[] {
                              1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20
                            }))),
            "",
            "test.keys");
    Path wav = MarkableAudio.wav(temp.resolve("source.wav"), RATE, 2, SECONDS);
    SourceProbe probe =
        new SourceProbe(
            "wav",
            "pcm_s16le",
            0,
            RATE,
            16,
            "s16",
            2,
            "stereo",
            SECONDS,
            RATE * 32L,
            Files.size(wav),
            true,
            false);
    sourceKey = BlobKeys.sourceKey(TRACK, "source.wav");
    store.store(sourceKey, wav);
    var outputs =
        OutputPlanner.plan(TRACK, probe, EnumSet.of(OutputFormat.PREVIEW_MP3_128)).outputs();
    var settings =
        new WatermarkSettings(
            keys,
            new PreviewTagSettings(
                Duration.ofSeconds(20), -20, 1000, Duration.ofMillis(400), null));
    var result =
        new OutputEncoder(runner, store, NO_TAGS, new PreviewWatermarker(runner, settings))
            .encodeLane(
                new EncodeLaneRequest(TRACK, sourceKey, probe, outputs, TrackMetadata.empty()),
                f -> {});
    previewKey = result.outputs().get(0).key();
    activities = new WatermarkActivitiesImpl(runner, store, keys);
  }

  @Test
  void aMarkedPreviewIsFoundAndLeadsBackToItsTrack() {
    WatermarkDetection found = activities.detect(new DetectWatermarkRequest(previewKey), f -> {});

    assertThat(found.found()).isTrue();
    assertThat(found.payloadId()).isEqualTo(PreviewPayloads.forTrack(TRACK));
    assertThat(found.keyId()).isEqualTo("k1");
    assertThat(found.kind()).isEqualTo("preview");
    assertThat(found.trackId()).isEqualTo(TRACK);
    assertThat(found.durationSeconds())
        .isCloseTo(SECONDS, org.assertj.core.data.Offset.offset(0.1));
    assertThat(found.timeline())
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.marked()).as("%s", s).isTrue());
    assertThat(found.timeline().get(found.timeline().size() - 1).endSeconds())
        .isGreaterThan(SECONDS - 3);
  }

  @Test
  void anUnmarkedFileFindsNothing() {
    WatermarkDetection none = activities.detect(new DetectWatermarkRequest(sourceKey), f -> {});

    assertThat(none.found()).isFalse();
    assertThat(none.payloadId()).isNull();
    assertThat(none.trackId()).isNull();
    assertThat(none.timeline()).isEmpty();
  }

  @Test
  void unmarkedAudioSplicedIntoAMarkedPreviewShowsInTheTimeline() throws IOException {
    float[][] preview = MarkableAudio.decode(store.pathOf(previewKey), RATE, 2);
    float[][] original = MarkableAudio.decode(store.pathOf(sourceKey), RATE, 2);
    // 8 s to 15 s replaced by the same stretch of the unmarked source: it sounds the same.
    for (int c = 0; c < 2; c++) {
      System.arraycopy(original[c], 8 * RATE, preview[c], 8 * RATE, 7 * RATE);
    }
    String tamperedKey = "uploads/" + TRACK + "/tampered.wav";
    store.store(tamperedKey, MarkableAudio.writeWav(temp.resolve("tampered.wav"), preview, RATE));

    WatermarkDetection found = activities.detect(new DetectWatermarkRequest(tamperedKey), f -> {});

    assertThat(found.found()).isTrue();
    assertThat(found.trackId()).isEqualTo(TRACK);
    List<WatermarkDetection.Segment> inside =
        found.timeline().stream()
            .filter(s -> s.startSeconds() >= 8.5 && s.endSeconds() <= 14.5)
            .toList();
    List<WatermarkDetection.Segment> outside =
        found.timeline().stream()
            .filter(s -> s.endSeconds() <= 7.5 || s.startSeconds() >= 15.5)
            .toList();
    assertThat(inside)
        .as("segments within the splice")
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.marked()).as("%s", s).isFalse());
    assertThat(outside)
        .as("segments away from it")
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.marked()).as("%s", s).isTrue());
  }

  @Test
  void aMissingOrUnsafeKeyIsANonRetryableFailureThatSaysWhatToDo() {
    assertThatThrownBy(
            () ->
                activities.detect(
                    new DetectWatermarkRequest("uploads/nobody/preview.mp3"), f -> {}))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(TrackFailures.SOURCE_MISSING);
              assertThat(f.isNonRetryable()).isTrue();
            })
        .hasMessageContaining("uploads/nobody/preview.mp3");
    assertThatThrownBy(
            () -> activities.detect(new DetectWatermarkRequest("../etc/passwd"), f -> {}))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(TrackFailures.UNSAFE_KEY));
  }

  @Test
  void aStoredFileThatIsNotAudioIsRejectedAsCorrupt() throws IOException {
    store.storeBytes("uploads/" + TRACK + "/notes.mp3", "not audio at all\n".repeat(50).getBytes());
    assertThatThrownBy(
            () ->
                activities.detect(
                    new DetectWatermarkRequest("uploads/" + TRACK + "/notes.mp3"), f -> {}))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(TrackFailures.CORRUPT_AUDIO);
              assertThat(f.isNonRetryable()).isTrue();
            });
  }

  static final OutputTagger NO_TAGS =
      new OutputTagger() {
        @Override
        public void tag(Path output, OutputFormat format, TrackMetadata metadata, Path artwork) {}

        @Override
        public boolean tagAnalysis(
            Path output, OutputFormat format, Integer bpm, String initialKey) {
          return false;
        }
      };
}
