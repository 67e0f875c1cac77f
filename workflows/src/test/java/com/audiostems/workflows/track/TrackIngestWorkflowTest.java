package com.audiostems.workflows.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.analysis.AnalysisActivities;
import com.audiostems.workflows.analysis.AnalysisResult;
import com.audiostems.workflows.analysis.AnalyzeRequest;
import com.audiostems.workflows.analysis.TrackAnalysis;
import com.audiostems.workflows.analytics.ProcessingRecordActivities;
import com.audiostems.workflows.analytics.TrackEndReport;
import com.audiostems.workflows.catalogue.CatalogueActivities;
import com.audiostems.workflows.catalogue.CatalogueEntry;
import com.audiostems.workflows.catalogue.CatalogueMatch;
import com.audiostems.workflows.catalogue.CatalogueMatches;
import com.audiostems.workflows.catalogue.CataloguePolicy;
import com.audiostems.workflows.catalogue.DuplicatePolicy;
import com.audiostems.workflows.catalogue.FingerprintActivities;
import com.audiostems.workflows.catalogue.FingerprintRef;
import com.audiostems.workflows.catalogue.FingerprintRequest;
import com.audiostems.workflows.catalogue.LookupRequest;
import com.audiostems.workflows.catalogue.ReviewDecision;
import com.audiostems.workflows.catalogue.ReviewTimeoutPolicy;
import com.audiostems.workflows.host.FetchSourceRequest;
import com.audiostems.workflows.host.HostAffinity;
import com.audiostems.workflows.host.HostLivenessActivities;
import com.audiostems.workflows.host.WorkingCopyActivities;
import com.audiostems.workflows.licence.ExtendRequest;
import com.audiostems.workflows.licence.LicenceActivities;
import com.audiostems.workflows.licence.LicenceEvent;
import com.audiostems.workflows.licence.LicenceGrant;
import com.audiostems.workflows.licence.LicenceState;
import com.audiostems.workflows.licence.LicenceStatus;
import com.audiostems.workflows.licence.LicenceWorkflow;
import com.audiostems.workflows.licence.RevokeRequest;
import com.audiostems.workflows.licence.WithdrawnCopies;
import com.audiostems.workflows.media.EncodeLaneRequest;
import com.audiostems.workflows.media.EncodeLaneResult;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.HlsLadder;
import com.audiostems.workflows.media.HlsLadderPlan;
import com.audiostems.workflows.media.MediaActivities;
import com.audiostems.workflows.media.OutputCheck;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.OutputSpec;
import com.audiostems.workflows.media.ProbeRequest;
import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.media.ValidateRequest;
import com.audiostems.workflows.media.ValidatedSource;
import com.audiostems.workflows.media.VerificationReport;
import com.audiostems.workflows.media.VerifyRequest;
import com.audiostems.workflows.metadata.AnalysisTagsRequest;
import com.audiostems.workflows.metadata.ArtworkRef;
import com.audiostems.workflows.metadata.MetadataActivities;
import com.audiostems.workflows.metadata.ReadMetadataRequest;
import com.audiostems.workflows.metadata.TrackMetadata;
import com.audiostems.workflows.quality.TrackQuality;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.PublishManifestRequest;
import com.audiostems.workflows.storage.StorageActivities;
import com.audiostems.workflows.storage.StoredObject;
import com.audiostems.workflows.storage.TrackManifest;
import com.audiostems.workflows.watermark.PreviewMark;
import com.audiostems.workflows.watermark.PreviewPayloads;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The workflow's journey on Temporal's test environment. The activities are in-memory fakes that
 * keep a map of "stored" keys, so each test can see exactly what would be left in storage.
 */
class TrackIngestWorkflowTest {
  private static final String TRACK = "t-0001";
  private static final String SOURCE_KEY = "uploads/t-0001/source.wav";

  /** A 48 kHz/24-bit stereo WAV of 10 s: every output but the high-resolution FLAC. */
  static final SourceProbe PROBE =
      new SourceProbe(
          "wav",
          "pcm_s24le",
          0,
          48_000,
          24,
          "s32",
          2,
          "stereo",
          10.0,
          2_304_000,
          2_880_044,
          true,
          false);

  private static final String LIVE_HOST = "live-1";
  private static final String BUSY_HOST = "busy-1";
  private TestWorkflowEnvironment env;
  private FakeHosts hosts;
  private FakeStore store;
  private FakeTrackLicences licences;
  private FakeMedia media;
  private FakeAnalysis analysis;
  private FakeMetadata metadata;
  private FakeFingerprints fingerprints;
  private FakeCatalogue catalogue;
  private final List<TrackEndReport> trackEnds = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    for (var key : TrackSearchAttributes.ALL) {
      env.registerSearchAttribute(
          key.getName(), io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    }
    store = new FakeStore();
    media = new FakeMedia(store);
    Worker workflows = env.newWorker(TaskQueues.TRACK_WORKFLOWS);
    workflows.registerWorkflowImplementationTypes(TrackIngestWorkflowImpl.class);
    // Heartbeats reach the server within a second, so cancellations arrive as fast as in
    // production.
    Worker activities =
        env.newWorker(
            TaskQueues.AUDIO_CPU,
            WorkerOptions.newBuilder()
                .setMaxHeartbeatThrottleInterval(Duration.ofSeconds(1))
                .setDefaultHeartbeatThrottleInterval(Duration.ofSeconds(1))
                .build());
    metadata = new FakeMetadata(store);
    hosts = new FakeHosts();
    fingerprints = new FakeFingerprints(store);
    licences = new FakeTrackLicences();
    activities.registerActivitiesImplementations(
        media, metadata, store, hosts, fingerprints, licences);
    activities.registerActivitiesImplementations((ProcessingRecordActivities) trackEnds::add);
    // The one live host's own queue (file affinity).
    env.newWorker(
            TaskQueues.cpuHost(LIVE_HOST),
            WorkerOptions.newBuilder()
                .setMaxHeartbeatThrottleInterval(Duration.ofSeconds(1))
                .setDefaultHeartbeatThrottleInterval(Duration.ofSeconds(1))
                .build())
        .registerActivitiesImplementations(media, metadata, store, fingerprints);
    catalogue = new FakeCatalogue();
    env.newWorker(TaskQueues.CATALOGUE).registerActivitiesImplementations(catalogue);
    // Hosts' pulses: the live host's, and that of a host busy with other work (see its test).
    env.newWorker(TaskQueues.livenessOf(TaskQueues.cpuHost(LIVE_HOST)))
        .registerActivitiesImplementations((HostLivenessActivities) () -> LIVE_HOST);
    env.newWorker(TaskQueues.livenessOf(TaskQueues.cpuHost(BUSY_HOST)))
        .registerActivitiesImplementations((HostLivenessActivities) () -> BUSY_HOST);
    analysis = new FakeAnalysis(store);
    env.newWorker(
            TaskQueues.AUDIO_GPU,
            WorkerOptions.newBuilder()
                .setMaxHeartbeatThrottleInterval(Duration.ofSeconds(1))
                .setDefaultHeartbeatThrottleInterval(Duration.ofSeconds(1))
                .build())
        .registerActivitiesImplementations(analysis);
    env.newWorker(LICENCE_QUEUE).registerWorkflowImplementationTypes(RecordingLicence.class);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private TrackIngestWorkflow newWorkflow() {
    return env.getWorkflowClient()
        .newWorkflowStub(
            TrackIngestWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(TrackIngestWorkflow.workflowId(TRACK))
                .setTaskQueue(TaskQueues.TRACK_WORKFLOWS)
                .build());
  }

  private static TrackIngestRequest request() {
    return new TrackIngestRequest(
        TRACK, SOURCE_KEY, "My Song.wav", List.of(), 2, false, null, null);
  }

  private static TrackIngestRequest keepAliveRequest() {
    return new TrackIngestRequest(TRACK, SOURCE_KEY, "My Song.wav", List.of(), 2, true, null, null);
  }

  private static void awaitCondition(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /**
   * With {@code -Daudiostems.recordHistories=DIR}, keeps the history of this test's workflow run
   * (the latest run, or {@code runId}) in DIR as {@code NAME.json}: the resources that {@link
   * TrackIngestReplayTest} replays against today's code. Without the property it does nothing.
   */
  private void keepHistory(String name) {
    keepHistory(name, null);
  }

  private void keepHistory(String name, String runId) {
    String directory = System.getProperty("audiostems.recordHistories");
    if (directory == null || directory.isBlank()) {
      return;
    }
    try {
      java.nio.file.Path file = java.nio.file.Path.of(directory, name + ".json");
      java.nio.file.Files.createDirectories(file.getParent());
      java.nio.file.Files.writeString(
          file,
          env.getWorkflowClient()
              .fetchHistory(TrackIngestWorkflow.workflowId(TRACK), runId)
              .toJson(true));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aLiveTrackReprocessesAnOutputAsANewVersionAndDeletesTheReplacedFile() throws Exception {
    TrackIngestWorkflow workflow = newWorkflow();
    WorkflowClient.start(workflow::ingest, keepAliveRequest());
    awaitCondition(() -> workflow.progress().stage() == TrackStage.PUBLISHED);
    String v1Flac = BlobKeys.outputKey(TRACK, 1, OutputFormat.FLAC);
    String v1Mp3 = BlobKeys.outputKey(TRACK, 1, OutputFormat.MP3_320);
    assertThat(store.keys).containsKeys(v1Flac, v1Mp3);

    int version =
        workflow.reprocess(new ReprocessRequest(List.of(OutputFormat.FLAC), "encoder upgrade"));

    assertThat(version).isEqualTo(2);
    awaitCondition(
        () ->
            workflow.manifest().version() == 2
                && workflow.progress().stage() == TrackStage.PUBLISHED);
    String v2Flac = BlobKeys.outputKey(TRACK, 2, OutputFormat.FLAC);
    assertThat(workflow.manifest().outputs())
        .extracting(EncodedOutput::key)
        .contains(v2Flac, v1Mp3)
        .doesNotContain(v1Flac);
    assertThat(workflow.manifest().outputs()).hasSize(6);
    assertThat(store.keys).containsKeys(v2Flac, v1Mp3).doesNotContainKey(v1Flac);
    assertThat(store.manifests).as("manifest switched before the old file went").endsWith(2);
    keepHistory("reprocess");
  }

  @Test
  void aReprocessedPreviewIsMarkedAgainAndDeletingTheTrackRemovesItsRegistryObject()
      throws Exception {
    TrackIngestWorkflow workflow = newWorkflow();
    WorkflowClient.start(workflow::ingest, keepAliveRequest());
    awaitCondition(() -> workflow.progress().stage() == TrackStage.PUBLISHED);
    String registryKey = BlobKeys.watermarkRegistryKey(PreviewPayloads.forTrack(TRACK));

    workflow.reprocess(new ReprocessRequest(List.of(OutputFormat.PREVIEW_MP3_128), "new tag"));
    awaitCondition(
        () ->
            workflow.manifest().version() == 2
                && workflow.progress().stage() == TrackStage.PUBLISHED);
    assertThat(workflow.manifest().preview().watermarked()).isTrue();
    assertThat(workflow.manifest().preview().payloadId())
        .isEqualTo(PreviewPayloads.forTrack(TRACK));
    assertThat(store.keys).containsKey(registryKey);

    // Re-processing another output leaves the preview, and what the manifest says of it, as it was.
    workflow.reprocess(new ReprocessRequest(List.of(OutputFormat.FLAC), "encoder upgrade"));
    awaitCondition(
        () ->
            workflow.manifest().version() == 3
                && workflow.progress().stage() == TrackStage.PUBLISHED);
    assertThat(workflow.manifest().preview().watermarked()).isTrue();

    WorkflowStub.fromTyped(workflow).cancel();
    assertThatThrownBy(() -> WorkflowStub.fromTyped(workflow).getResult(TrackIngestResult.class))
        .isInstanceOf(WorkflowFailedException.class);
    assertThat(store.keys).isEmpty();
    assertThat(store.deleted).contains(registryKey);
  }

  @Test
  void reprocessRequestsThatCannotBeMetAreRejectedBeforeTheyReachTheHistory() throws Exception {
    TrackIngestWorkflow workflow = newWorkflow();
    WorkflowClient.start(workflow::ingest, keepAliveRequest());
    awaitCondition(() -> workflow.progress().stage() == TrackStage.PUBLISHED);

    assertThatThrownBy(
            () ->
                workflow.reprocess(new ReprocessRequest(List.of(OutputFormat.FLAC_96K), "hi-res")))
        .isInstanceOf(io.temporal.client.WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("FLAC_96K cannot be made");
    assertThatThrownBy(() -> workflow.reprocess(new ReprocessRequest(List.of(), "nothing")))
        .isInstanceOf(io.temporal.client.WorkflowUpdateException.class);
    assertThat(workflow.manifest().version()).isEqualTo(1);
  }

  @Test
  void aFailedReprocessKeepsThePublishedVersionAndRemovesItsOwnFiles() throws Exception {
    TrackIngestWorkflow workflow = newWorkflow();
    WorkflowClient.start(workflow::ingest, keepAliveRequest());
    awaitCondition(() -> workflow.progress().stage() == TrackStage.PUBLISHED);
    media.verifyFailure =
        ApplicationFailure.newNonRetryableFailure(
            "FLAC differs from the source.", TrackFailures.OUTPUT_VERIFICATION_FAILED);

    workflow.reprocess(new ReprocessRequest(List.of(OutputFormat.FLAC), "retry"));

    awaitCondition(() -> workflow.progress().failure() != null);
    assertThat(workflow.progress().stage()).isEqualTo(TrackStage.PUBLISHED);
    assertThat(workflow.manifest().version()).isEqualTo(1);
    assertThat(store.keys)
        .containsKey(BlobKeys.outputKey(TRACK, 1, OutputFormat.FLAC))
        .doesNotContainKey(BlobKeys.outputKey(TRACK, 2, OutputFormat.FLAC));
    keepHistory("reprocess-failed");
  }

  @Test
  void aLongLivedTrackContinuesAsNewAndKeepsItsState() throws Exception {
    TrackIngestWorkflow workflow = newWorkflow();
    WorkflowClient.start(workflow::ingest, keepAliveRequest());
    awaitCondition(() -> workflow.progress().stage() == TrackStage.PUBLISHED);
    String firstRun = workflow.manifest().runId();

    int reprocesses = TrackIngestWorkflowImpl.MAX_REPROCESSES_PER_RUN + 2;
    for (int i = 1; i <= reprocesses; i++) {
      workflow.reprocess(new ReprocessRequest(List.of(OutputFormat.WAV_24), "round " + i));
      int published = 1 + i;
      // Until the re-process has ended, not only published: the manifest shows the new version
      // while the run still deletes the files it replaced, and a request sent then is taken by
      // the same run (the 21st by the first run, which then never had to continue as new).
      awaitCondition(
          () ->
              workflow.manifest() != null
                  && workflow.manifest().version() == published
                  && workflow.progress().stage() == TrackStage.PUBLISHED);
    }

    assertThat(workflow.manifest().runId())
        .as("a later run published the last version")
        .isNotEqualTo(firstRun);
    assertThat(store.keys)
        .containsKey(BlobKeys.outputKey(TRACK, 1 + reprocesses, OutputFormat.WAV_24));
    assertThat(store.keys.keySet().stream().filter(k -> k.endsWith(OutputFormat.WAV_24.fileName())))
        .hasSize(1);
    keepHistory("continue-as-new-first-run", firstRun);
    keepHistory("continue-as-new-next-run", workflow.manifest().runId());
  }

  @Test
  void thePreviewsHlsLadderIsPublishedListedReplacedWithThePreviewAndDeletedWithTheTrack()
      throws Exception {
    TrackIngestWorkflow workflow = newWorkflow();
    WorkflowClient.start(workflow::ingest, keepAliveRequest());
    awaitCondition(() -> workflow.progress().stage() == TrackStage.PUBLISHED);
    String v1 = BlobKeys.hlsPrefix(TRACK, 1);
    assertThat(media.ladderRequests).containsExactly(v1);
    HlsLadder first = workflow.manifest().hls();
    assertThat(first).isNotNull();
    assertThat(first.masterPlaylistKey()).isEqualTo(v1 + "master.m3u8");
    assertThat(first.watermarked()).isTrue();
    assertThat(first.variants())
        .extracting(HlsLadder.Variant::bitRateKbps)
        .containsExactly(64, 128, 192);
    assertThat(first.variants())
        .allSatisfy(
            v -> {
              assertThat(v.codecs()).isEqualTo("mp4a.40.2");
              assertThat(v.segmentCount()).isEqualTo(2);
            });
    assertThat(store.keys).containsKeys(first.keys().toArray(String[]::new));

    // Another output re-made: the ladder stays, and no lane is asked for another.
    workflow.reprocess(new ReprocessRequest(List.of(OutputFormat.FLAC), "encoder upgrade"));
    awaitCondition(
        () ->
            workflow.manifest().version() == 2
                && workflow.progress().stage() == TrackStage.PUBLISHED);
    assertThat(workflow.manifest().hls()).isEqualTo(first);
    assertThat(media.ladderRequests).containsExactly(v1);

    // The preview re-made: a new ladder under the new version; the old one goes after the switch.
    workflow.reprocess(new ReprocessRequest(List.of(OutputFormat.PREVIEW_MP3_128), "new tag"));
    awaitCondition(
        () ->
            workflow.manifest().version() == 3
                && workflow.progress().stage() == TrackStage.PUBLISHED);
    HlsLadder third = workflow.manifest().hls();
    assertThat(third.masterPlaylistKey()).isEqualTo(BlobKeys.hlsPrefix(TRACK, 3) + "master.m3u8");
    assertThat(store.keys)
        .containsKeys(third.keys().toArray(String[]::new))
        .doesNotContainKeys(first.keys().toArray(String[]::new));
    assertThat(store.deleted).containsAll(first.keys());

    WorkflowStub.fromTyped(workflow).cancel();
    assertThatThrownBy(() -> WorkflowStub.fromTyped(workflow).getResult(TrackIngestResult.class))
        .isInstanceOf(WorkflowFailedException.class);
    assertThat(store.keys).as("everything, the ladder included, deleted").isEmpty();
    assertThat(store.deleted).containsAll(third.keys());
    keepHistory("preview-hls-ladder-reprocessed-and-deleted");
  }

  @Test
  void aFailedIngestDeletesTheLadderItsPreviewLaneStored() {
    media.verifyFailure =
        ApplicationFailure.newNonRetryableFailure(
            "FLAC differs from the source.", TrackFailures.OUTPUT_VERIFICATION_FAILED);

    assertThatThrownBy(() -> newWorkflow().ingest(request()))
        .isInstanceOf(WorkflowFailedException.class);

    List<String> ladder = HlsLadderPlan.forPreview(TRACK, 1, 10.0).keys();
    assertThat(media.encodedKeys).as("the lane stored a ladder").contains(ladder.get(0));
    assertThat(store.keys).isEmpty();
    assertThat(store.deleted)
        .as("compensation deletes every key the plan allowed")
        .containsAll(ladder);
  }

  @Test
  void deletingALiveTrackUnpublishesIt() throws Exception {
    TrackIngestWorkflow workflow = newWorkflow();
    WorkflowClient.start(workflow::ingest, keepAliveRequest());
    awaitCondition(() -> workflow.progress().stage() == TrackStage.PUBLISHED);
    assertThat(store.keys).isNotEmpty();

    WorkflowStub.fromTyped(workflow).cancel();

    assertThatThrownBy(() -> WorkflowStub.fromTyped(workflow).getResult(TrackIngestResult.class))
        .isInstanceOf(WorkflowFailedException.class);
    assertThat(store.keys)
        .as("outputs, artwork, watermark registry object and manifest deleted")
        .isEmpty();
    assertThat(store.deleted)
        .contains(BlobKeys.watermarkRegistryKey(PreviewPayloads.forTrack(TRACK)));
    keepHistory("deleted-live-track");
  }

  @Test
  void deletingALiveTrackDeletesItsWaveformPeaks() throws Exception {
    TrackIngestWorkflow workflow = newWorkflow();
    WorkflowClient.start(workflow::ingest, keepAliveRequest());
    awaitCondition(() -> workflow.progress().stage() == TrackStage.PUBLISHED);
    String peaks = BlobKeys.qualityKey(TRACK, 1, BlobKeys.QualityAsset.PEAKS);
    assertThat(store.keys).containsKey(peaks);

    WorkflowStub.fromTyped(workflow).cancel();

    assertThatThrownBy(() -> WorkflowStub.fromTyped(workflow).getResult(TrackIngestResult.class))
        .isInstanceOf(WorkflowFailedException.class);
    assertThat(store.deleted).contains(peaks);
    assertThat(store.keys).isEmpty();
    keepHistory("deleted-live-track-deletes-its-peaks");
  }

  @Test
  void deletingALiveTrackRevokesItsActiveLicences() throws Exception {
    TrackIngestWorkflow workflow = newWorkflow();
    WorkflowClient.start(workflow::ingest, keepAliveRequest());
    awaitCondition(() -> workflow.progress().stage() == TrackStage.PUBLISHED);
    // Two active licences: one whose workflow runs here, one whose workflow is gone.
    LicenceWorkflow running =
        env.getWorkflowClient()
            .newWorkflowStub(
                LicenceWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(LicenceWorkflow.workflowId(RUNNING_LICENCE))
                    .setTaskQueue(LICENCE_QUEUE)
                    .build());
    WorkflowClient.start(running::run, null);
    licences.active.addAll(List.of(RUNNING_LICENCE, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"));

    WorkflowStub.fromTyped(workflow).cancel();

    assertThatThrownBy(() -> WorkflowStub.fromTyped(workflow).getResult(TrackIngestResult.class))
        .isInstanceOf(WorkflowFailedException.class);
    assertThat(licences.askedFor).containsExactly(TRACK);
    LicenceState revoked = WorkflowStub.fromTyped(running).getResult(LicenceState.class);
    assertThat(revoked.endReason()).isEqualTo("its track " + TRACK + " was deleted");
    assertThat(store.keys).isEmpty();
    keepHistory("deleted-live-track-revokes-its-licences");
  }

  private static final String RUNNING_LICENCE = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

  /** Where the stand-in licence workflow runs (a licence's real one is another test's). */
  private static final String LICENCE_QUEUE = "licences-of-deleted-tracks";

  /** The ledger's view of the track's licences, as the licence activities answer it. */
  static final class FakeTrackLicences implements LicenceActivities {
    final List<String> active = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<String> askedFor = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void recordLicenceEvent(LicenceEvent event) {}

    @Override
    public WithdrawnCopies withdrawCopies(String licenceId, String reason) {
      return new WithdrawnCopies(List.of(), null);
    }

    @Override
    public List<String> activeLicencesOfTrack(String trackId) {
      askedFor.add(trackId);
      return List.copyOf(active);
    }
  }

  /** A licence's workflow reduced to what the track's deletion touches: its revoke signal. */
  public static class RecordingLicence implements LicenceWorkflow {
    private RevokeRequest revocation;

    @Override
    public LicenceState run(LicenceGrant grant) {
      Workflow.await(() -> revocation != null);
      return new LicenceState(
          RUNNING_LICENCE, null, LicenceStatus.REVOKED, null, null, revocation.reason(), 0);
    }

    @Override
    public void expire() {}

    @Override
    public void revoke(RevokeRequest request) {
      revocation = request;
    }

    @Override
    public LicenceState extend(ExtendRequest request) {
      return null;
    }

    @Override
    public void validateExtend(ExtendRequest request) {}

    @Override
    public LicenceState state() {
      return null;
    }
  }

  @Test
  void publishesEveryOutputAndTheManifest() {
    TrackIngestWorkflow workflow = newWorkflow();
    TrackIngestResult result = workflow.ingest(request());

    // 48 kHz source: no high-resolution FLAC, and the manifest says why.
    Set<OutputFormat> expected = java.util.EnumSet.allOf(OutputFormat.class);
    expected.remove(OutputFormat.FLAC_96K);
    assertThat(result.manifest().outputs())
        .extracting(EncodedOutput::format)
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(result.manifest().absentOutputs())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.format()).isEqualTo(OutputFormat.FLAC_96K);
              assertThat(a.reason()).contains("never upsample");
            });
    assertThat(result.manifest().source().tier()).isEqualTo(QualityTier.STANDARD);
    assertThat(result.manifest().workflowId()).isEqualTo("track-" + TRACK);
    assertThat(result.manifest().runId()).isNotBlank();
    assertThat(result.manifest().stageMillis())
        .containsKeys("PROBING", "VALIDATING", "READING_METADATA", "ENCODING", "VERIFYING");
    assertThat(result.manifest().preview().watermarked()).isTrue();
    assertThat(result.manifest().preview().payloadId()).isEqualTo(PreviewPayloads.forTrack(TRACK));
    assertThat(store.keys)
        .containsKey(BlobKeys.watermarkRegistryKey(PreviewPayloads.forTrack(TRACK)));
    assertThat(result.manifest().analysis().assetKey()).isEqualTo(BlobKeys.analysisKey(TRACK, 1));
    assertThat(result.manifest().analysis().tempo().bpm()).isEqualTo(93.5);
    assertThat(result.manifest().stageMillis()).containsKey("ANALYSING");
    assertThat(analysis.requests)
        .singleElement()
        .satisfies(r -> assertThat(r.sourceKey()).isEqualTo(SOURCE_KEY));
    assertThat(result.manifest().quality().score()).isEqualTo(82);
    assertThat(store.keys).containsKeys(BlobKeys.qualityKeys(TRACK, 1).toArray(String[]::new));
    // Every output carries the analysis in its tags, and was verified as tagged (its new SHA-256).
    assertThat(metadata.tagged).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(metadata.taggedWith).containsOnly("94 Am");
    assertThat(result.manifest().outputs())
        .allSatisfy(o -> assertThat(o.sha256()).isEqualTo("tagged"));
    assertThat(media.verifiedShas).containsOnly("tagged");
    assertThat(store.keys).containsKey(BlobKeys.manifestKey(TRACK));
    assertThat(media.lanes.get()).isEqualTo(2);

    TrackProgress progress = workflow.progress();
    assertThat(progress.stage()).isEqualTo(TrackStage.PUBLISHED);
    assertThat(progress.analysis()).isEqualTo("done");
    assertThat(progress.outputs())
        .allSatisfy(
            o -> {
              assertThat(o.fraction()).isEqualTo(1.0);
              assertThat(o.state()).isEqualTo("verified");
            });
    keepHistory("first-ingest-every-output");
  }

  /**
   * Issue 15: ALAC cannot declare a 2.1 layout (ffmpeg remixed it to stereo), so a 2.1 source is
   * published without one and the manifest says why; verification is told where the source is, to
   * measure the downmix the lossy encoders were given.
   */
  @Test
  void aLayoutAlacCannotHoldIsPublishedWithoutAnAlacAndTheManifestSaysWhy() {
    media.probe =
        new SourceProbe(
            "wav",
            "pcm_s24le",
            0,
            48_000,
            24,
            "s32",
            3,
            "2.1",
            10.0,
            3_456_000,
            4_320_044,
            true,
            false);

    TrackIngestResult result = newWorkflow().ingest(request());

    assertThat(result.manifest().outputs())
        .extracting(EncodedOutput::format)
        .contains(OutputFormat.FLAC, OutputFormat.WAV_24, OutputFormat.MP3_320)
        .doesNotContain(OutputFormat.ALAC);
    assertThat(result.manifest().absentOutputs())
        .filteredOn(a -> a.format() == OutputFormat.ALAC)
        .singleElement()
        .satisfies(a -> assertThat(a.reason()).contains("this source is 2.1"));
    assertThat(media.encodedKeys).noneMatch(k -> k.contains("alac"));
    assertThat(media.verifyRequests)
        .allSatisfy(r -> assertThat(r.sourceKey()).isEqualTo(SOURCE_KEY));
    keepHistory("alac-left-out-for-a-layout-it-cannot-hold");
  }

  @Test
  void operatorsReadTheJobInTheUiThroughDetailsAndActivitySummaries() {
    TrackIngestWorkflow workflow = newWorkflow();
    workflow.ingest(request());
    WorkflowStub stub = WorkflowStub.fromTyped(workflow);

    // What the Temporal UI shows as the workflow's current details.
    io.temporal.api.sdk.v1.WorkflowMetadata metadata =
        stub.query("__temporal_workflow_metadata", io.temporal.api.sdk.v1.WorkflowMetadata.class);
    assertThat(metadata.getCurrentDetails())
        .contains("**My Song — Composer**")
        .contains("stage **published**")
        .contains("| probing |")
        .contains("| FLAC | verified | 100% |");

    io.temporal.common.SearchAttributes attributes = stub.describe().getTypedSearchAttributes();
    assertThat(attributes.get(TrackSearchAttributes.TRACK_ID)).isEqualTo(TRACK);
    assertThat(attributes.get(TrackSearchAttributes.TRACK_STAGE)).isEqualTo("PUBLISHED");
    assertThat(attributes.get(TrackSearchAttributes.TRACK_TIER)).isEqualTo("STANDARD");
    assertThat(attributes.get(TrackSearchAttributes.TRACK_OUTCOME)).isEqualTo("published");

    List<String> summaries =
        env
            .getWorkflowClient()
            .fetchHistory(TrackIngestWorkflow.workflowId(TRACK))
            .getEvents()
            .stream()
            .filter(
                e ->
                    e.hasActivityTaskScheduledEventAttributes() && e.getUserMetadata().hasSummary())
            .map(
                e ->
                    io.temporal.common.converter.DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
                        e.getUserMetadata().getSummary(), String.class, String.class))
            .toList();
    assertThat(summaries)
        .contains("probe " + SOURCE_KEY, "read tags, bext and iXML")
        .anyMatch(s -> s.startsWith("encode ") && s.contains("FLAC") && s.endsWith("(version 1)"))
        .anyMatch(s -> s.startsWith("verify MP3_320"));
  }

  @Test
  void aTrackMovesToAnotherHostWhenItsHostIsGone() {
    hosts.handOut.add(
        new HostAffinity("gone-1", TaskQueues.cpuHost("gone-1"))); // nobody polls this queue

    TrackIngestResult result = newWorkflow().ingest(request());

    assertThat(result.manifest().outputs()).hasSize(6);
    assertThat(hosts.fetches.get()).as("fetched to the dead host, then to a live one").isEqualTo(2);
    keepHistory("moved-to-another-host");
  }

  /**
   * A host whose slots are all taken leaves the track's next activity waiting past the
   * schedule-to-start limit, but it answers pings: the track waits for it instead of moving.
   */
  @Test
  void aBusyHostKeepsItsTrack() throws Exception {
    hosts.handOut.add(new HostAffinity(BUSY_HOST, TaskQueues.cpuHost(BUSY_HOST)));
    TrackIngestWorkflow workflow = newWorkflow();
    WorkflowClient.start(workflow::ingest, request());
    // The host's media slots are busy for longer than the schedule-to-start limit.
    Thread.sleep(TrackActivityOptions.HOST_SCHEDULE_TO_START.plusSeconds(8).toMillis());
    WorkerFactory busyHost = WorkerFactory.newInstance(env.getWorkflowClient());
    busyHost
        .newWorker(TaskQueues.cpuHost(BUSY_HOST))
        .registerActivitiesImplementations(media, metadata, store, fingerprints);
    busyHost.start();
    try {
      TrackIngestResult result =
          WorkflowStub.fromTyped(workflow).getResult(60, TimeUnit.SECONDS, TrackIngestResult.class);

      assertThat(result.manifest().outputs()).hasSize(6);
      assertThat(hosts.fetches.get()).as("never moved: one fetch").isEqualTo(1);
      List<String> activityTypes =
          env
              .getWorkflowClient()
              .fetchHistory(TrackIngestWorkflow.workflowId(TRACK))
              .getEvents()
              .stream()
              .filter(
                  e ->
                      e.getEventType()
                          == io.temporal.api.enums.v1.EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
              .map(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName())
              .toList();
      assertThat(activityTypes).contains("Ping");
    } finally {
      busyHost.shutdownNow();
    }
  }

  @Test
  void badInputEndsInATypedNonRetryableFailureWithoutRetries() {
    media.probeFailure =
        ApplicationFailure.newNonRetryableFailure("Not an audio file.", TrackFailures.NOT_AUDIO);

    assertThatThrownBy(() -> newWorkflow().ingest(request()))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(TrackFailures.NOT_AUDIO);
              assertThat(f.getOriginalMessage()).isEqualTo("Not an audio file.");
              assertThat(f.isNonRetryable()).isTrue();
            });
    assertThat(media.probeAttempts.get()).isEqualTo(1);
    assertThat(store.keys).isEmpty();
    assertThat(
            WorkflowStub.fromTyped(
                    env.getWorkflowClient()
                        .newWorkflowStub(
                            TrackIngestWorkflow.class, TrackIngestWorkflow.workflowId(TRACK)))
                .describe()
                .getTypedSearchAttributes()
                .get(TrackSearchAttributes.TRACK_OUTCOME))
        .isEqualTo("rejected:" + TrackFailures.NOT_AUDIO);
  }

  @Test
  void aTransientActivityFailureIsRetried() {
    media.transientEncodeFailures.set(1);

    TrackIngestResult result = newWorkflow().ingest(request());

    assertThat(result.manifest().outputs()).hasSize(6);
    assertThat(media.encodeAttempts.get()).isEqualTo(3); // two lanes, one of them twice
  }

  @Test
  void aLateFailureDeletesEverythingAlreadyWritten() {
    media.verifyFailure =
        ApplicationFailure.newNonRetryableFailure(
            "FLAC differs from the source.", TrackFailures.OUTPUT_VERIFICATION_FAILED);

    assertThatThrownBy(() -> newWorkflow().ingest(request()))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(TrackFailures.OUTPUT_VERIFICATION_FAILED));

    assertThat(media.encodedKeys).isNotEmpty();
    assertThat(store.keys).as("outputs and artwork compensated").isEmpty();
    assertThat(store.deleted)
        .containsAll(media.encodedKeys)
        .contains(BlobKeys.artworkKey(TRACK, "png"));
    assertThat(store.deleted)
        .as("the preview mark's registry object")
        .contains(BlobKeys.watermarkRegistryKey(PreviewPayloads.forTrack(TRACK)));
    TrackProgress progress =
        env.getWorkflowClient()
            .newWorkflowStub(TrackIngestWorkflow.class, TrackIngestWorkflow.workflowId(TRACK))
            .progress();
    assertThat(progress.stage()).isEqualTo(TrackStage.FAILED);
    assertThat(progress.failure()).startsWith(TrackFailures.OUTPUT_VERIFICATION_FAILED);
    keepHistory("rejected-and-compensated");
  }

  @Test
  void aRejectedJourneyRecordsHowItEndedAfterItsCompensation() {
    media.verifyFailure =
        ApplicationFailure.newNonRetryableFailure(
            "FLAC differs from the source.", TrackFailures.OUTPUT_VERIFICATION_FAILED);

    assertThatThrownBy(() -> newWorkflow().ingest(request()))
        .isInstanceOf(WorkflowFailedException.class);

    assertThat(trackEnds).hasSize(1);
    TrackEndReport end = trackEnds.get(0);
    assertThat(end.trackId()).isEqualTo(TRACK);
    assertThat(end.outcome()).isEqualTo("REJECTED");
    assertThat(end.reasonCode()).isEqualTo(TrackFailures.OUTPUT_VERIFICATION_FAILED);
    assertThat(end.stageMillis())
        .as("the stages it finished, in order")
        .containsKeys("PROBING", "VALIDATING", "IDENTIFYING", "READING_METADATA");
    assertThat(store.keys).as("compensated before it was recorded").isEmpty();
    keepHistory("rejected-records-its-end");
  }

  @Test
  void aJourneyThatPublishesRecordsNoEndOfItsOwn() {
    newWorkflow().ingest(request());

    assertThat(trackEnds).as("a published track is recorded by its publish activity").isEmpty();
  }

  @Test
  void aFailedLaneStopsTheOtherLaneAndCompensates() {
    media.laneFailure =
        ApplicationFailure.newNonRetryableFailure(
            "Output too large.", TrackFailures.MEDIA_TOOL_LIMIT);

    assertThatThrownBy(() -> newWorkflow().ingest(request()))
        .isInstanceOf(WorkflowFailedException.class);

    assertThat(store.keys).isEmpty();
    assertThat(media.cancelledLanes.get()).isEqualTo(1);
  }

  @Test
  void cancellationCompensatesWhatWasWritten() throws Exception {
    media.blockEncodingUntilCancelled = true;
    TrackIngestWorkflow workflow = newWorkflow();
    WorkflowClient.start(workflow::ingest, request());
    assertThat(media.encodingStarted.await(20, TimeUnit.SECONDS)).isTrue();
    assertThat(workflow.progress().stage()).isEqualTo(TrackStage.ENCODING);

    WorkflowStub untyped = WorkflowStub.fromTyped(workflow);
    untyped.cancel();

    assertThatThrownBy(() -> untyped.getResult(TrackIngestResult.class))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOf(CanceledFailure.class);
    assertThat(store.keys).isEmpty();
    assertThat(store.deleted).contains(BlobKeys.artworkKey(TRACK, "png"));
    assertThat(workflow.progress().stage()).isEqualTo(TrackStage.CANCELLED);
  }

  @Test
  void aFailedAnalysisStopsTheLanesFailsTheTrackWithItsReasonAndCompensates() {
    analysis.failure =
        ApplicationFailure.newNonRetryableFailure(
            "The decoder stopped half-way.", TrackFailures.CORRUPT_AUDIO);
    analysis.failOnlyOnceThisOpens = media.encodingStarted;
    media.blockEncodingUntilCancelled = true;

    assertThatThrownBy(() -> newWorkflow().ingest(request()))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(TrackFailures.CORRUPT_AUDIO));

    assertThat(media.cancelledLanes.get())
        .as("lanes stopped, not run to the end")
        .isPositive()
        .isEqualTo(media.lanes.get());
    assertThat(store.keys).isEmpty();
    assertThat(store.deleted).contains(BlobKeys.analysisKey(TRACK, 1));
    TrackProgress progress =
        env.getWorkflowClient()
            .newWorkflowStub(TrackIngestWorkflow.class, TrackIngestWorkflow.workflowId(TRACK))
            .progress();
    assertThat(progress.analysis()).isEqualTo("failed");
  }

  @Test
  void aSourceBelowTheRequestedTierIsRejectedWithTheChecksReasons() {
    media.blockEncodingUntilCancelled = true;
    TrackIngestRequest professional =
        new TrackIngestRequest(
            TRACK, SOURCE_KEY, "My Song.wav", List.of(), 2, false, QualityTier.PROFESSIONAL, null);

    assertThatThrownBy(() -> newWorkflow().ingest(professional))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(TrackFailures.BELOW_REQUESTED_TIER);
              assertThat(f.isNonRetryable()).isTrue();
              assertThat(f.getOriginalMessage())
                  .contains("professional tier")
                  .contains("effective bit depth 16 < 24");
            });
    assertThat(store.keys).as("outputs, analysis and quality report compensated").isEmpty();
    assertThat(store.deleted)
        .containsAll(BlobKeys.qualityKeys(TRACK, 1))
        .contains(BlobKeys.analysisKey(TRACK, 1));
  }

  @Test
  void aSourceAtTheRequestedTierIsPublished() {
    TrackIngestRequest standard =
        new TrackIngestRequest(
            TRACK, SOURCE_KEY, "My Song.wav", List.of(), 2, false, QualityTier.STANDARD, null);

    assertThat(newWorkflow().ingest(standard).manifest().quality().effectiveTier())
        .isEqualTo(QualityTier.STANDARD);
  }

  @Test
  void aFailingTrackStopsItsAnalysisBeforeCompensating() {
    analysis.blockUntilCancelled = true;
    media.verifyFailure =
        ApplicationFailure.newNonRetryableFailure(
            "FLAC differs from the source.", TrackFailures.OUTPUT_VERIFICATION_FAILED);
    // Lanes wait for the analysis before tagging, so only a lane failure can end this track first.
    media.laneFailure =
        ApplicationFailure.newNonRetryableFailure(
            "Output too large.", TrackFailures.MEDIA_TOOL_LIMIT);

    assertThatThrownBy(() -> newWorkflow().ingest(request()))
        .isInstanceOf(WorkflowFailedException.class);

    assertThat(analysis.cancelled.get()).isEqualTo(1);
    // The analysis stored its asset as it stopped; compensation ran after that and removed it.
    assertThat(store.deleted).contains(BlobKeys.analysisKey(TRACK, 1));
    assertThat(store.keys).isEmpty();
  }

  @Test
  void progressSignalsOnlyMoveForward() {
    media.reportProgress = true;
    TrackIngestResult result = newWorkflow().ingest(request());
    assertThat(result.manifest().outputs()).hasSize(6);
    assertThat(media.signalsSent.get()).isGreaterThan(0);
  }

  /** Hands out hosts: those queued first (e.g. a dead one), then the live host. */
  // ---- The catalogue: duplicates, reference works, the index ----

  private static CatalogueMatch matchIn(CatalogueMatch.Collection collection, String id) {
    return new CatalogueMatch(
        collection, id, "Other Song — Someone", 180, 0.5, 9.5, 60.5, 69.5, 1.0);
  }

  private static TrackIngestRequest requestWith(CataloguePolicy policy) {
    return new TrackIngestRequest(
        TRACK, SOURCE_KEY, "My Song.wav", List.of(), 2, false, null, null, policy);
  }

  @Test
  void aPublishedTrackIsFingerprintedAndAddedToTheCatalogue() {
    TrackIngestResult result = newWorkflow().ingest(request());

    assertThat(fingerprints.requests).singleElement().isEqualTo(SOURCE_KEY);
    assertThat(catalogue.lookups).containsExactly(TRACK);
    assertThat(catalogue.tracks).containsExactly(TRACK);
    assertThat(result.manifest().identification().fingerprintKey())
        .isEqualTo(BlobKeys.fingerprintKey(TRACK));
    assertThat(result.manifest().identification().alternateOf()).isNull();
    assertThat(result.manifest().identification().review()).isNull();
    assertThat(store.keys).containsKey(BlobKeys.fingerprintKey(TRACK));
    assertThat(result.manifest().stageMillis()).containsKey("IDENTIFYING");
  }

  @Test
  void aDuplicateIsRejectedBeforeEncodingAndLeavesNothing() {
    catalogue.answer =
        new CatalogueMatches(
            List.of(matchIn(CatalogueMatch.Collection.TRACKS, "t-0042")), List.of(), 700);

    assertThatThrownBy(() -> newWorkflow().ingest(request()))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(TrackFailures.DUPLICATE_TRACK);
              assertThat(f.getOriginalMessage())
                  .contains("t-0042", "Other Song — Someone", "1:01–1:10", "LINK_AS_ALTERNATE");
            });
    assertThat(media.encodedKeys).as("nothing encoded").isEmpty();
    assertThat(store.keys).as("the fingerprint compensated").isEmpty();
    assertThat(catalogue.tracks).isEmpty();
    keepHistory("duplicate-rejected");
  }

  @Test
  void aDuplicateIsLinkedAsAnAlternateVersionWhenThePolicySaysSo() {
    catalogue.answer =
        new CatalogueMatches(
            List.of(matchIn(CatalogueMatch.Collection.TRACKS, "t-0042")), List.of(), 700);

    TrackIngestResult result =
        newWorkflow()
            .ingest(
                requestWith(
                    new CataloguePolicy(
                        DuplicatePolicy.LINK_AS_ALTERNATE, 60, ReviewTimeoutPolicy.REJECT)));

    assertThat(result.manifest().identification().alternateOf()).isEqualTo("t-0042");
    assertThat(result.manifest().identification().duplicates())
        .extracting(CatalogueMatch::id)
        .containsExactly("t-0042");
    assertThat(catalogue.tracks).containsExactly(TRACK);
  }

  @Test
  void aReferenceMatchIsHeldUntilAnOperatorApprovesIt() throws Exception {
    catalogue.answer =
        new CatalogueMatches(
            List.of(), List.of(matchIn(CatalogueMatch.Collection.REFERENCES, "ref-7")), 700);
    TrackIngestWorkflow workflow = newWorkflow();
    WorkflowClient.start(workflow::ingest, request());
    awaitCondition(() -> workflow.progress().stage() == TrackStage.HELD_FOR_REVIEW);
    assertThat(workflow.progress().failure()).contains("ref-7", "reviewReferenceMatch");
    assertThat(workflow.progress().heldFor())
        .extracting(CatalogueMatch::id)
        .containsExactly("ref-7");
    assertThat(media.encodedKeys).as("nothing encoded while held").isEmpty();

    workflow.reviewReferenceMatch(
        new ReviewDecision(true, "ops@library", "licensed sample, contract 118"));
    TrackIngestResult result = WorkflowStub.fromTyped(workflow).getResult(TrackIngestResult.class);

    TrackManifest.Review review = result.manifest().identification().review();
    assertThat(review.approved()).isTrue();
    assertThat(review.reviewer()).isEqualTo("ops@library");
    assertThat(review.note()).contains("contract 118");
    assertThat(result.manifest().identification().references())
        .extracting(CatalogueMatch::id)
        .containsExactly("ref-7");
    assertThat(catalogue.tracks).containsExactly(TRACK);
    keepHistory("held-for-review-approved");
  }

  @Test
  void aReferenceMatchAnOperatorRejectsFailsTheTrackAndCompensates() throws Exception {
    catalogue.answer =
        new CatalogueMatches(
            List.of(), List.of(matchIn(CatalogueMatch.Collection.REFERENCES, "ref-7")), 700);
    TrackIngestWorkflow workflow = newWorkflow();
    WorkflowClient.start(workflow::ingest, request());
    awaitCondition(() -> workflow.progress().stage() == TrackStage.HELD_FOR_REVIEW);

    workflow.reviewReferenceMatch(new ReviewDecision(false, "ops@library", "uncleared sample"));

    assertThatThrownBy(() -> WorkflowStub.fromTyped(workflow).getResult(TrackIngestResult.class))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(TrackFailures.COPYRIGHT_REVIEW_REJECTED);
              assertThat(f.getOriginalMessage())
                  .contains("ref-7", "ops@library", "uncleared sample");
            });
    assertThat(store.keys).isEmpty();
    assertThat(catalogue.tracks).isEmpty();
  }

  @Test
  void aReviewNobodyDecidesFollowsTheTimeoutPolicy() {
    catalogue.answer =
        new CatalogueMatches(
            List.of(), List.of(matchIn(CatalogueMatch.Collection.REFERENCES, "ref-7")), 700);

    // The test server skips time while the workflow only waits: an hour passes at once.
    assertThatThrownBy(
            () ->
                newWorkflow()
                    .ingest(
                        requestWith(
                            new CataloguePolicy(
                                DuplicatePolicy.REJECT, 3600, ReviewTimeoutPolicy.REJECT))))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(TrackFailures.COPYRIGHT_REVIEW_REJECTED);
              assertThat(f.getOriginalMessage()).contains("timeout", "3600 s");
            });
  }

  @Test
  void aReviewThatTimesOutUnderTheApprovePolicyIsPublished() {
    catalogue.answer =
        new CatalogueMatches(
            List.of(), List.of(matchIn(CatalogueMatch.Collection.REFERENCES, "ref-7")), 700);
    TrackIngestResult result =
        newWorkflow()
            .ingest(
                requestWith(
                    new CataloguePolicy(
                        DuplicatePolicy.REJECT, 3600, ReviewTimeoutPolicy.APPROVE)));

    assertThat(result.manifest().identification().review().approved()).isTrue();
    assertThat(result.manifest().identification().review().reviewer()).isEqualTo("timeout");
    assertThat(catalogue.tracks).containsExactly(TRACK);
  }

  @Test
  void aFailureAfterTheTrackEnteredTheIndexTakesItOut() {
    catalogue.addFailure = new RuntimeException("index disk full");
    catalogue.addFailsPermanently = true;

    assertThatThrownBy(() -> newWorkflow().ingest(request()))
        .isInstanceOf(WorkflowFailedException.class);

    assertThat(catalogue.removed).contains(TRACK);
    assertThat(store.keys).as("manifest, outputs and fingerprint compensated").isEmpty();
  }

  @Test
  void deletingALiveTrackTakesItOutOfTheCatalogue() throws Exception {
    TrackIngestWorkflow workflow = newWorkflow();
    WorkflowClient.start(workflow::ingest, keepAliveRequest());
    awaitCondition(() -> workflow.progress().stage() == TrackStage.PUBLISHED);
    assertThat(catalogue.tracks).containsExactly(TRACK);

    WorkflowStub.fromTyped(workflow).cancel();

    assertThatThrownBy(() -> WorkflowStub.fromTyped(workflow).getResult(TrackIngestResult.class))
        .isInstanceOf(WorkflowFailedException.class);
    assertThat(catalogue.tracks).isEmpty();
    assertThat(store.keys).doesNotContainKey(BlobKeys.fingerprintKey(TRACK));
  }

  /** Stores a fingerprint key for each source it is asked about. */
  static final class FakeFingerprints implements FingerprintActivities {
    private final FakeStore store;
    final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();

    FakeFingerprints(FakeStore store) {
      this.store = store;
    }

    @Override
    public FingerprintRef fingerprint(FingerprintRequest request) {
      requests.add(request.sourceKey());
      store.put(request.fingerprintKey());
      return new FingerprintRef(request.fingerprintKey(), 750, 10.0, null);
    }
  }

  /** An index of track ids that answers a set lookup. */
  static final class FakeCatalogue implements CatalogueActivities {
    final Set<String> tracks = ConcurrentHashMap.newKeySet();
    final List<String> lookups = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<String> removed = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile CatalogueMatches answer = new CatalogueMatches(List.of(), List.of(), 700);
    volatile RuntimeException addFailure;
    volatile boolean addFailsPermanently;

    @Override
    public CatalogueMatches lookup(LookupRequest request) {
      lookups.add(request.trackId());
      return answer;
    }

    @Override
    public void addTrack(CatalogueEntry entry) {
      tracks.add(entry.id());
      if (addFailure != null) {
        throw addFailsPermanently
            ? ApplicationFailure.newNonRetryableFailure(
                addFailure.getMessage(), TrackFailures.INVALID_REQUEST)
            : addFailure;
      }
    }

    @Override
    public boolean removeTrack(String trackId) {
      removed.add(trackId);
      return tracks.remove(trackId);
    }

    @Override
    public void addReference(CatalogueEntry entry) {}

    @Override
    public boolean removeReference(String referenceId) {
      return false;
    }
  }

  static final class FakeHosts implements WorkingCopyActivities {
    final java.util.Queue<HostAffinity> handOut =
        new java.util.concurrent.ConcurrentLinkedQueue<>();
    final AtomicInteger fetches = new AtomicInteger();

    @Override
    public HostAffinity fetchSource(FetchSourceRequest request) {
      fetches.incrementAndGet();
      HostAffinity next = handOut.poll();
      return next != null ? next : new HostAffinity(LIVE_HOST, TaskQueues.cpuHost(LIVE_HOST));
    }
  }

  /** Remembers stored keys; deletion is idempotent like the real store's. */
  static final class FakeStore implements StorageActivities {
    final Map<String, Long> keys = new ConcurrentHashMap<>();
    final Set<String> deleted = ConcurrentHashMap.newKeySet();
    final List<Integer> manifests = new java.util.concurrent.CopyOnWriteArrayList<>();

    void put(String key) {
      keys.put(key, 1L);
    }

    @Override
    public StoredObject publishManifest(PublishManifestRequest request) {
      String key = BlobKeys.manifestKey(request.trackId());
      put(key);
      manifests.add(request.manifest().version());
      return new StoredObject(key, 100, "00");
    }

    @Override
    public void deleteObjects(List<String> keysToDelete) {
      keysToDelete.forEach(
          k -> {
            keys.remove(k);
            deleted.add(k);
          });
    }
  }

  /** Stores the asset and answers a fixed analysis; or fails; or runs until cancelled. */
  static final class FakeAnalysis implements AnalysisActivities {
    private final FakeStore store;
    final List<AnalyzeRequest> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AtomicInteger cancelled = new AtomicInteger();
    volatile ApplicationFailure failure;
    volatile boolean blockUntilCancelled;
    volatile CountDownLatch failOnlyOnceThisOpens;

    FakeAnalysis(FakeStore store) {
      this.store = store;
    }

    @Override
    public AnalysisResult analyze(AnalyzeRequest request) {
      String analysisKey = BlobKeys.analysisKey(request.trackId(), request.version());
      requests.add(request);
      if (failure != null) {
        if (failOnlyOnceThisOpens != null) {
          try {
            failOnlyOnceThisOpens.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        throw failure;
      }
      if (blockUntilCancelled) {
        try {
          for (int i = 0; i < 600; i++) {
            Activity.getExecutionContext().heartbeat(i);
            Thread.sleep(50);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (io.temporal.client.ActivityCanceledException e) {
          // A real analysis may have stored its asset just before it saw the cancellation.
          store.put(analysisKey);
          cancelled.incrementAndGet();
          throw e;
        }
        throw new IllegalStateException("never cancelled");
      }
      store.put(analysisKey);
      BlobKeys.qualityKeys(request.trackId(), request.version()).forEach(store::put);
      TrackAnalysis analysis =
          new TrackAnalysis(
              analysisKey,
              100,
              "aa",
              10.0,
              new TrackAnalysis.Tempo(
                  93.5,
                  0.9,
                  List.of(new TrackAnalysis.TempoAlternative(187.0, "double", 0.4)),
                  4,
                  0.8,
                  15,
                  93,
                  94,
                  false),
              new TrackAnalysis.MusicalKey(
                  "A minor", "Am", 9, "minor", 0.8, "C major", "relative", 3.0),
              new TrackAnalysis.Loudness(-14, 6, -10, -12, -1, -1.2, 13),
              new TrackAnalysis.Energy(0.6, 0.9),
              new TrackAnalysis.Timbre(1500, 4000, 0.1, 1200, 20, 800),
              new TrackAnalysis.Rhythm(3.1, 0.7),
              List.of(new TrackAnalysis.Section(0, 10, "A", "intro", 0.6)));
      // A 16-bit master padded to 24: standard, not high or professional.
      TrackQuality quality =
          new TrackQuality(
              82,
              QualityTier.STANDARD,
              List.of(
                  new TrackQuality.TierVerdict(QualityTier.MINIMUM, true, List.of()),
                  new TrackQuality.TierVerdict(QualityTier.STANDARD, true, List.of()),
                  new TrackQuality.TierVerdict(
                      QualityTier.HIGH, false, List.of("effective bit depth 16 < 24")),
                  new TrackQuality.TierVerdict(
                      QualityTier.PROFESSIONAL, false, List.of("effective bit depth 16 < 24"))),
              new TrackQuality.EffectiveProperties(21_000, 16, 48_000, false, false),
              List.of(
                  new TrackQuality.QualityFinding(
                      "padded-bit-depth",
                      "warning",
                      16,
                      24,
                      "bits",
                      0,
                      10,
                      "The file is 24-bit but only 16 bits carry sound.")),
              BlobKeys.qualityKey(
                  request.trackId(), request.version(), BlobKeys.QualityAsset.REPORT),
              BlobKeys.qualityKey(request.trackId(), request.version(), BlobKeys.QualityAsset.PAGE),
              BlobKeys.qualityKey(
                  request.trackId(), request.version(), BlobKeys.QualityAsset.WAVEFORM),
              BlobKeys.qualityKey(
                  request.trackId(), request.version(), BlobKeys.QualityAsset.SPECTROGRAM));
      return new AnalysisResult(analysis, quality);
    }
  }

  static final class FakeMetadata implements MetadataActivities {
    private final FakeStore store;
    final Set<OutputFormat> tagged = ConcurrentHashMap.newKeySet();
    final Set<String> taggedWith = ConcurrentHashMap.newKeySet();

    @Override
    public List<EncodedOutput> writeAnalysisTags(AnalysisTagsRequest request) {
      taggedWith.add(request.bpm() + " " + request.initialKey());
      return request.outputs().stream()
          .map(
              o -> {
                tagged.add(o.format());
                return new EncodedOutput(
                    o.format(),
                    o.key(),
                    o.codec(),
                    o.bitRateBps(),
                    o.sampleRateHz(),
                    o.bitDepth(),
                    o.channels(),
                    o.durationSeconds(),
                    o.bytes() + 1,
                    "tagged");
              })
          .toList();
    }

    FakeMetadata(FakeStore store) {
      this.store = store;
    }

    @Override
    public TrackMetadata readMetadata(ReadMetadataRequest request) {
      String artwork = BlobKeys.artworkKey(request.trackId(), "png");
      store.put(artwork);
      return new TrackMetadata(
          "My Song",
          "Composer",
          null,
          "GBXYZ2600001",
          null,
          null,
          null,
          "2026",
          null,
          new ArtworkRef(artwork, "image/png", 10),
          null,
          null);
    }
  }

  static final class FakeMedia implements MediaActivities {
    private final FakeStore store;
    volatile ApplicationFailure probeFailure;
    volatile ApplicationFailure verifyFailure;
    volatile SourceProbe probe = PROBE;
    final List<VerifyRequest> verifyRequests = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile ApplicationFailure laneFailure;
    volatile boolean blockEncodingUntilCancelled;
    volatile boolean reportProgress;
    final AtomicInteger transientEncodeFailures = new AtomicInteger();
    final AtomicInteger probeAttempts = new AtomicInteger();
    final AtomicInteger encodeAttempts = new AtomicInteger();
    final AtomicInteger lanes = new AtomicInteger();
    final AtomicInteger cancelledLanes = new AtomicInteger();
    final AtomicInteger signalsSent = new AtomicInteger();
    final Set<String> encodedKeys = ConcurrentHashMap.newKeySet();
    final CountDownLatch encodingStarted = new CountDownLatch(1);

    FakeMedia(FakeStore store) {
      this.store = store;
    }

    @Override
    public SourceProbe probe(ProbeRequest request) {
      probeAttempts.incrementAndGet();
      if (probeFailure != null) {
        throw probeFailure;
      }
      return probe;
    }

    @Override
    public ValidatedSource validate(ValidateRequest request) {
      return new ValidatedSource(request.probe(), QualityTier.STANDARD, 10.0, 480_000, "00");
    }

    @Override
    public EncodeLaneResult encodeLane(EncodeLaneRequest request) {
      int attempt = encodeAttempts.incrementAndGet();
      if (Activity.getExecutionContext().getInfo().getAttempt() == 1) {
        lanes.incrementAndGet();
      }
      if (transientEncodeFailures.getAndDecrement() > 0) {
        throw new IllegalStateException("disk busy (attempt " + attempt + ")");
      }
      // The lane stores its first output before it gets to the others.
      OutputSpec first = request.outputs().get(0);
      store.put(first.key());
      encodedKeys.add(first.key());
      boolean holdsLossless =
          request.outputs().stream().anyMatch(o -> o.format() == OutputFormat.FLAC);
      if (laneFailure != null) {
        if (holdsLossless) {
          throw laneFailure;
        }
        return waitForCancellation();
      }
      if (blockEncodingUntilCancelled) {
        encodingStarted.countDown();
        return waitForCancellation();
      }
      if (reportProgress) {
        WorkflowClient client = Activity.getExecutionContext().getWorkflowClient();
        TrackIngestWorkflow workflow =
            client.newWorkflowStub(
                TrackIngestWorkflow.class,
                Activity.getExecutionContext().getInfo().getWorkflowId());
        for (OutputSpec spec : request.outputs()) {
          workflow.reportOutputProgress(new OutputProgress(spec.format(), 0.5, "encoding"));
          signalsSent.incrementAndGet();
        }
      }
      List<EncodedOutput> outputs =
          request.outputs().stream()
              .map(
                  s -> {
                    store.put(s.key());
                    encodedKeys.add(s.key());
                    return new EncodedOutput(
                        s.format(),
                        s.key(),
                        "codec",
                        1,
                        s.sampleRateHz(),
                        s.bitDepth(),
                        s.channels(),
                        10.0,
                        1,
                        "00");
                  })
              .toList();
      // As the real lane does: the preview's mark gets a registry object beside the outputs.
      if (request.outputs().stream().anyMatch(o -> o.format() == OutputFormat.PREVIEW_MP3_128)) {
        String payloadId = PreviewPayloads.forTrack(request.trackId());
        String registryKey = BlobKeys.watermarkRegistryKey(payloadId);
        store.put(registryKey);
        encodedKeys.add(registryKey);
        ladderRequests.add(
            request.previewLadder() == null ? "none" : request.previewLadder().prefix());
        HlsLadder ladder =
            request.previewLadder() == null ? null : storeLadder(request.previewLadder());
        return new EncodeLaneResult(
            outputs, 0.1, new PreviewMark(payloadId, "k1", registryKey), ladder);
      }
      return new EncodeLaneResult(outputs, 0.1);
    }

    /** What each preview lane was asked for: the ladder's prefix, or "none". */
    final List<String> ladderRequests = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * As the real lane does: the 10 s preview's ladder, two 6 s segments per variant, stored under
     * the plan's keys.
     */
    private HlsLadder storeLadder(HlsLadderPlan plan) {
      List<HlsLadder.Variant> variants =
          plan.bitRatesKbps().stream()
              .map(
                  kbps ->
                      new HlsLadder.Variant(
                          kbps,
                          "mp4a.40.2",
                          kbps * 1100L,
                          kbps * 1000L,
                          plan.prefix() + HlsLadderPlan.playlistName(kbps),
                          plan.prefix() + HlsLadderPlan.initName(kbps),
                          2,
                          10.02,
                          kbps * 1250L))
              .toList();
      HlsLadder ladder = new HlsLadder(plan.masterKey(), "fmp4", 6, true, variants);
      assertThat(plan.keys()).containsAll(ladder.keys());
      ladder
          .keys()
          .forEach(
              k -> {
                store.put(k);
                encodedKeys.add(k);
              });
      return ladder;
    }

    /**
     * Heartbeats until the workflow cancels this activity, as a real lane does between progress
     * reports.
     */
    private EncodeLaneResult waitForCancellation() {
      try {
        for (int i = 0; i < 600; i++) {
          Activity.getExecutionContext().heartbeat(i);
          Thread.sleep(50);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (io.temporal.client.ActivityCanceledException e) {
        cancelledLanes.incrementAndGet();
        throw e;
      }
      throw new IllegalStateException("never cancelled");
    }

    final Set<String> verifiedShas = ConcurrentHashMap.newKeySet();

    @Override
    public VerificationReport verifyOutputs(VerifyRequest request) {
      verifyRequests.add(request);
      request.outputs().forEach(o -> verifiedShas.add(o.sha256()));
      if (verifyFailure != null) {
        throw verifyFailure;
      }
      return new VerificationReport(
          request.outputs().stream()
              .map(o -> new OutputCheck(o.format(), "duration", true, "ok"))
              .toList());
    }
  }
}
