package com.audiostems.workflows.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.workflows.analysis.AnalysisResult;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.HlsLadder;
import com.audiostems.workflows.media.HlsLadderPlan;
import com.audiostems.workflows.media.OutputCheck;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.OutputPlan;
import com.audiostems.workflows.media.OutputPlanner;
import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.media.VerificationReport;
import com.audiostems.workflows.metadata.ArtworkRef;
import com.audiostems.workflows.metadata.TrackMetadata;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.TrackManifest;
import com.audiostems.workflows.track.TrackManifests.EncodedAndVerified;
import com.audiostems.workflows.watermark.PreviewMark;
import com.audiostems.workflows.watermark.PreviewPayloads;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The manifests a track publishes, built as plain functions of what its stages made. */
class TrackManifestsTest {
  private static final String TRACK = "t-0007";
  private static final SourceProbe PROBE = TrackIngestWorkflowTest.PROBE;
  private static final String PAYLOAD = PreviewPayloads.forTrack(TRACK);
  private static final Publication FIRST =
      new Publication("track-t-0007", "run-1", "2026-12-07T10:00:00Z");
  private static final Publication SECOND =
      new Publication("track-t-0007", "run-1", "2026-12-07T11:00:00Z");

  private static EncodedOutput output(OutputFormat format, int version, String sha256) {
    return new EncodedOutput(
        format,
        BlobKeys.outputKey(TRACK, version, format),
        "codec",
        0,
        48_000,
        24,
        2,
        10.0,
        100,
        sha256);
  }

  private static OutputCheck check(OutputFormat format, String detail) {
    return new OutputCheck(format, "decode", true, detail);
  }

  private static TrackManifest firstVersion(TrackMetadata tags) {
    OutputPlan plan =
        OutputPlanner.plan(
            TRACK,
            1,
            PROBE,
            EnumSet.of(OutputFormat.FLAC, OutputFormat.MP3_320, OutputFormat.FLAC_96K));
    EncodedAndVerified done =
        new EncodedAndVerified(
            List.of(output(OutputFormat.MP3_320, 1, "a"), output(OutputFormat.FLAC, 1, "b")),
            new VerificationReport(
                List.of(check(OutputFormat.MP3_320, "v1"), check(OutputFormat.FLAC, "v1"))));
    TrackManifest.Source source =
        new TrackManifest.Source(
            "uploads/x.wav", "x.wav", PROBE, QualityTier.STANDARD, 10.0, 480_000, "d");
    Map<String, Long> stageMillis = new LinkedHashMap<>(Map.of("PROBING", 12L));
    return TrackManifests.firstVersion(
        TRACK,
        FIRST,
        source,
        tags,
        plan,
        done,
        new AnalysisResult(null, null),
        new PreviewMark(PAYLOAD, "k1", BlobKeys.watermarkRegistryKey(PAYLOAD)),
        LADDER,
        null,
        stageMillis);
  }

  @Test
  void theFirstVersionListsItsOutputsTheAbsentOnesAndWhoPublishedIt() {
    TrackManifest manifest = firstVersion(TrackMetadata.empty());

    assertThat(manifest.version()).isEqualTo(1);
    assertThat(manifest.runId()).isEqualTo("run-1");
    assertThat(manifest.createdAt()).isEqualTo("2026-12-07T10:00:00Z");
    assertThat(manifest.outputs())
        .extracting(EncodedOutput::format)
        .containsExactly(OutputFormat.MP3_320, OutputFormat.FLAC);
    assertThat(manifest.absentOutputs())
        .singleElement()
        .satisfies(a -> assertThat(a.format()).isEqualTo(OutputFormat.FLAC_96K));
    assertThat(manifest.preview()).isEqualTo(new TrackManifest.Preview(true, PAYLOAD));
    assertThat(manifest.stageMillis()).containsEntry("PROBING", 12L);
  }

  @Test
  void theNextVersionReplacesOnlyTheRedoneOutputsAndTheirChecks() {
    TrackManifest first = firstVersion(TrackMetadata.empty());
    Set<OutputFormat> redone = EnumSet.of(OutputFormat.FLAC);
    EncodedAndVerified done =
        new EncodedAndVerified(
            List.of(output(OutputFormat.FLAC, 2, "new")),
            new VerificationReport(List.of(check(OutputFormat.FLAC, "v2"))));

    TrackManifest next =
        TrackManifests.nextVersion(
            first, 2, SECOND, redone, done, null, null, Map.of("ENCODING", 5L));

    assertThat(next.version()).isEqualTo(2);
    assertThat(next.outputs())
        .extracting(EncodedOutput::key)
        .containsExactly(
            BlobKeys.outputKey(TRACK, 1, OutputFormat.MP3_320),
            BlobKeys.outputKey(TRACK, 2, OutputFormat.FLAC));
    assertThat(next.verification().checks())
        .extracting(OutputCheck::detail)
        .containsExactlyInAnyOrder("v1", "v2");
    assertThat(next.preview())
        .as("the preview was not redone: its mark stays")
        .isEqualTo(first.preview());
    assertThat(next.hls()).as("and so does its ladder").isEqualTo(LADDER);
    assertThat(TrackManifests.replacedKeys(first, redone))
        .containsExactly(BlobKeys.outputKey(TRACK, 1, OutputFormat.FLAC));
  }

  @Test
  void deletingATrackDeletesEveryObjectItOwns() {
    ArtworkRef artwork = new ArtworkRef(BlobKeys.artworkKey(TRACK, "png"), "image/png", 10);
    TrackMetadata tags =
        new TrackMetadata(
            "Song", null, null, null, null, null, null, null, null, artwork, null, null);

    List<String> keys = TrackManifests.ownedKeys(firstVersion(tags));

    assertThat(keys)
        .contains(
            BlobKeys.outputKey(TRACK, 1, OutputFormat.FLAC),
            BlobKeys.outputKey(TRACK, 1, OutputFormat.MP3_320),
            artwork.key(),
            BlobKeys.watermarkRegistryKey(PAYLOAD),
            BlobKeys.manifestKey(TRACK));
  }

  @Test
  void aPlanWithAPreviewMayAlsoWriteTheRegistryObjectOfItsMark() {
    OutputPlan withPreview =
        OutputPlanner.plan(TRACK, 1, PROBE, EnumSet.of(OutputFormat.PREVIEW_MP3_128));
    OutputPlan without = OutputPlanner.plan(TRACK, 1, PROBE, EnumSet.of(OutputFormat.FLAC));

    assertThat(TrackManifests.writableKeys(TRACK, withPreview, null))
        .contains(BlobKeys.watermarkRegistryKey(PreviewPayloads.forTrack(TRACK)));
    assertThat(TrackManifests.writableKeys(TRACK, without, null))
        .containsExactly(BlobKeys.outputKey(TRACK, 1, OutputFormat.FLAC));
  }

  @Test
  void aPreviewsLadderIsWritableOwnedAndReplacedWithThePreview() {
    // 10 s: two 6 s segments and one of margin per variant, three variants.
    HlsLadderPlan plan = HlsLadderPlan.forPreview(TRACK, 1, 10.0);
    assertThat(plan.maxSegments()).isEqualTo(3);
    assertThat(plan.keys())
        .hasSize(1 + 3 * (2 + 3))
        .allSatisfy(k -> assertThat(k).startsWith("tracks/" + TRACK + "/v1/hls/"))
        .contains(
            "tracks/" + TRACK + "/v1/hls/master.m3u8",
            "tracks/" + TRACK + "/v1/hls/aac-128k.m3u8",
            "tracks/" + TRACK + "/v1/hls/aac-64k-init.mp4",
            "tracks/" + TRACK + "/v1/hls/aac-192k-00002.m4s");
    OutputPlan withPreview =
        OutputPlanner.plan(TRACK, 1, PROBE, EnumSet.of(OutputFormat.PREVIEW_MP3_128));
    OutputPlan without = OutputPlanner.plan(TRACK, 1, PROBE, EnumSet.of(OutputFormat.FLAC));
    assertThat(TrackManifests.writableKeys(TRACK, withPreview, plan)).containsAll(plan.keys());
    assertThat(TrackManifests.writableKeys(TRACK, without, plan))
        .as("a lane without the preview makes no ladder")
        .doesNotContainAnyElementsOf(plan.keys());

    TrackManifest first = firstVersion(TrackMetadata.empty());
    // What the stored ladder owns: the master, then each variant's playlist, init and segments.
    assertThat(LADDER.keys())
        .containsExactly(
            "tracks/" + TRACK + "/v1/hls/master.m3u8",
            "tracks/" + TRACK + "/v1/hls/aac-64k.m3u8",
            "tracks/" + TRACK + "/v1/hls/aac-64k-init.mp4",
            "tracks/" + TRACK + "/v1/hls/aac-64k-00000.m4s",
            "tracks/" + TRACK + "/v1/hls/aac-64k-00001.m4s");
    assertThat(TrackManifests.ownedKeys(first)).containsAll(LADDER.keys());
    assertThat(TrackManifests.replacedKeys(first, EnumSet.of(OutputFormat.PREVIEW_MP3_128)))
        .containsAll(LADDER.keys());
    assertThat(TrackManifests.replacedKeys(first, EnumSet.of(OutputFormat.FLAC)))
        .doesNotContainAnyElementsOf(LADDER.keys());
  }

  /** A one-variant ladder of two segments, as a lane reports it. */
  static final HlsLadder LADDER =
      new HlsLadder(
          "tracks/" + TRACK + "/v1/hls/master.m3u8",
          "fmp4",
          6,
          true,
          List.of(
              new HlsLadder.Variant(
                  64,
                  "mp4a.40.2",
                  70_000,
                  66_000,
                  "tracks/" + TRACK + "/v1/hls/aac-64k.m3u8",
                  "tracks/" + TRACK + "/v1/hls/aac-64k-init.mp4",
                  2,
                  10.02,
                  83_000)));

  @Test
  void aReprocessThatNamesNothingOrAnOutputTheSourceCannotMakeIsRefused() {
    TrackManifest first = firstVersion(TrackMetadata.empty());

    assertThatThrownBy(
            () -> TrackManifests.requirePlannable(first, new ReprocessRequest(List.of(), "why")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Name the outputs");
    assertThatThrownBy(
            () ->
                TrackManifests.requirePlannable(
                    first, new ReprocessRequest(List.of(OutputFormat.FLAC_96K), "why")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FLAC_96K cannot be made");
    TrackManifests.requirePlannable(first, new ReprocessRequest(List.of(OutputFormat.FLAC), "why"));
  }

  @Test
  void aTitleNamesTheArtistWhenTheTagsDo() {
    TrackMetadata titled =
        new TrackMetadata(
            "Song", "Band", null, null, null, null, null, null, null, null, null, null);

    assertThat(TrackManifests.titleOf(titled)).isEqualTo("Song — Band");
    assertThat(TrackManifests.titleOf(TrackMetadata.empty())).isNull();
  }
}
