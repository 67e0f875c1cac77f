package com.audiostems.workflows.track;

import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.analysis.AnalysisActivities;
import com.audiostems.workflows.analysis.AnalysisResult;
import com.audiostems.workflows.analysis.AnalyzeRequest;
import com.audiostems.workflows.analysis.TrackAnalysis;
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
import com.audiostems.workflows.media.EncodeLaneRequest;
import com.audiostems.workflows.media.EncodeLaneResult;
import com.audiostems.workflows.media.EncodeSchedule;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.MediaActivities;
import com.audiostems.workflows.media.OutputCheck;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.OutputPlan;
import com.audiostems.workflows.media.OutputPlanner;
import com.audiostems.workflows.media.OutputSpec;
import com.audiostems.workflows.media.ProbeRequest;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.media.ValidateRequest;
import com.audiostems.workflows.media.ValidatedSource;
import com.audiostems.workflows.media.VerificationReport;
import com.audiostems.workflows.media.VerifyRequest;
import com.audiostems.workflows.metadata.AnalysisTagsRequest;
import com.audiostems.workflows.metadata.MetadataActivities;
import com.audiostems.workflows.metadata.ReadMetadataRequest;
import com.audiostems.workflows.metadata.TrackMetadata;
import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.quality.TrackQuality;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.PublishManifestRequest;
import com.audiostems.workflows.storage.StorageActivities;
import com.audiostems.workflows.storage.TrackManifest;
import com.audiostems.workflows.watermark.PreviewMark;
import com.audiostems.workflows.watermark.PreviewPayloads;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.workflow.Functions;
import com.audiostems.workflows.host.FetchSourceRequest;
import com.audiostems.workflows.host.HostLivenessActivities;
import com.audiostems.workflows.host.WorkingCopyActivities;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.CompletablePromise;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Saga;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

public class TrackIngestWorkflowImpl implements TrackIngestWorkflow {

  // ---- Activity options: every timeout and retry of the journey, in one place. ----

  /** Transient trouble (a busy disk, a killed worker) is retried with backoff; bad input never is. */
  private static final RetryOptions MEDIA_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2.0)
          .setMaximumInterval(Duration.ofSeconds(30))
          .setMaximumAttempts(4)
          .setDoNotRetry(TrackFailures.NON_RETRYABLE.toArray(String[]::new))
          .build();

  /** ffprobe reads headers only: seconds, even for large files. */
  private static final ActivityOptions PROBE =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setScheduleToCloseTimeout(Duration.ofMinutes(15))
          .setRetryOptions(MEDIA_RETRY)
          .build();

  /** Validation decodes every sample (far faster than real time); heartbeats prove it is alive. */
  private static final ActivityOptions VALIDATE =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(30))
          .setHeartbeatTimeout(Duration.ofSeconds(30))
          .setRetryOptions(MEDIA_RETRY)
          .build();

  private static final ActivityOptions METADATA =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(MEDIA_RETRY)
          .build();

  /**
   * Encoding a long master takes minutes; a lost worker is noticed within the heartbeat timeout.
   * Cancellation waits for the lane to stop its ffmpeg and clean up before compensation runs.
   */
  private static final ActivityOptions ENCODE =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(60))
          .setHeartbeatTimeout(Duration.ofSeconds(30))
          .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
          .setRetryOptions(MEDIA_RETRY)
          .build();

  private static final ActivityOptions VERIFY =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(30))
          .setHeartbeatTimeout(Duration.ofSeconds(30))
          .setRetryOptions(MEDIA_RETRY)
          .build();

  /**
   * Analysis decodes the source once and runs every analyser over it, far faster than real time,
   * on the GPU pool beside encoding. It heartbeats; a cancellation waits until it has stopped, so
   * that compensation finds whatever it stored.
   */
  private static final ActivityOptions ANALYZE =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_GPU)
          .setStartToCloseTimeout(Duration.ofMinutes(30))
          .setHeartbeatTimeout(Duration.ofSeconds(30))
          .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
          .setRetryOptions(MEDIA_RETRY)
          .build();

  /** Fingerprinting decodes the source once at 8 kHz mono: seconds for a song, heartbeating. */
  private static final ActivityOptions FINGERPRINT =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(15))
          .setHeartbeatTimeout(Duration.ofSeconds(30))
          .setRetryOptions(MEDIA_RETRY)
          .build();

  /**
   * The catalogue's index: a lookup or an update takes milliseconds. Its one worker may be
   * restarting, so calls wait for it (retried for up to an hour) rather than fail the track.
   */
  static final ActivityOptions CATALOGUE =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.CATALOGUE)
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setScheduleToCloseTimeout(Duration.ofHours(1))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .setDoNotRetry(TrackFailures.NON_RETRYABLE.toArray(String[]::new))
                  .build())
          .build();

  /** Rewriting a lane's tags: a download and an upload of its outputs at worst. */
  private static final ActivityOptions TAG =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(10))
          .setRetryOptions(MEDIA_RETRY)
          .build();

  /** Fetching the source to a host: a download at worst. */
  private static final ActivityOptions FETCH =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(30))
          .setHeartbeatTimeout(Duration.ofMinutes(1))
          .setRetryOptions(MEDIA_RETRY)
          .build();

  /**
   * How long an activity may wait for the track's host to take it before the host is asked whether
   * it is alive: a wait this long means a dead host, or a busy one whose slots are all taken.
   */
  static final Duration HOST_SCHEDULE_TO_START = Duration.ofSeconds(30);

  /**
   * A live host answers a ping on its liveness queue (whose slots its work never fills) within
   * this; silence means the host is gone and the track moves.
   */
  private static final ActivityOptions PING =
      ActivityOptions.newBuilder()
          .setScheduleToStartTimeout(Duration.ofSeconds(10))
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
          .build();

  /** A busy host keeps its track for up to this many waits (an hour of them) before it moves. */
  private static final int MAX_BUSY_HOST_WAITS = 120;

  /** How often a track may move host before the failure is left to stand. */
  private static final int MAX_HOST_MOVES = 5;

  /** Publishing and compensation must eventually happen: retried for up to an hour. */
  private static final ActivityOptions STORAGE =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.AUDIO_CPU)
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setScheduleToCloseTimeout(Duration.ofHours(1))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .setDoNotRetry(TrackFailures.NON_RETRYABLE.toArray(String[]::new))
                  .build())
          .build();

  private final StorageActivities storage = Workflow.newActivityStub(StorageActivities.class, STORAGE);

  /** The queue of the host holding this track's working copy; null until a host has fetched it. */
  private String hostQueue;
  private String sourceKey;

  /**
   * A stub for the track's host: its own task queue, and a schedule-to-start limit that tells a
   * dead host from a busy one.
   */
  private <T> T onHost(Class<T> type, ActivityOptions options, String summary) {
    if (hostQueue == null) {
      hostQueue =
          activities(WorkingCopyActivities.class, FETCH, "fetch the source to a worker host")
              .fetchSource(new FetchSourceRequest(trackId, sourceKey))
              .taskQueue();
    }
    return activities(
        type,
        ActivityOptions.newBuilder(options).setTaskQueue(hostQueue).setScheduleToStartTimeout(HOST_SCHEDULE_TO_START).build(),
        summary);
  }

  /** Runs a stage on the track's host and, when that host is gone, again on another. */
  private <R> R withHost(Functions.Func<R> stage) {
    for (int moves = 0; ; moves++) {
      try {
        return stage.apply();
      } catch (ActivityFailure e) {
        if (moves >= MAX_HOST_MOVES || !hostIsGone(e)) {
          throw e;
        }
        hostQueue = null; // the next onHost() fetches the source to another host
      }
    }
  }

  /**
   * Calls {@code call} on the track's host and waits out a busy host: when the activity was not
   * taken within {@link #HOST_SCHEDULE_TO_START} but the host still answers a ping, it is queued
   * there again. A silent host's timeout is passed on, and {@link #withHost} moves the track.
   */
  private <R> Promise<R> onLiveHost(Functions.Func<Promise<R>> call) {
    return onLiveHost(call, 0);
  }

  private <R> Promise<R> onLiveHost(Functions.Func<Promise<R>> call, int waits) {
    Promise<R> attempt = call.apply();
    String queue = hostQueue; // set by the call (it fetches the source to a host first if need be)
    return attempt
        .handle(
            (result, f) -> {
              if (f == null) {
                return completed(result);
              }
              if (!hostIsGone(f) || waits >= MAX_BUSY_HOST_WAITS) {
                return this.<R>failed(f);
              }
              return hostAnswers(queue).thenCompose(alive -> alive ? onLiveHost(call, waits + 1) : this.<R>failed(f));
            })
        .thenCompose(next -> next);
  }

  private Promise<Boolean> hostAnswers(String queue) {
    HostLivenessActivities liveness =
        activities(
            HostLivenessActivities.class,
            ActivityOptions.newBuilder(PING).setTaskQueue(TaskQueues.livenessOf(queue)).build(),
            "is the host of " + queue + " alive?");
    return Async.function(liveness::ping).handle((host, f) -> f == null);
  }

  private <T> Promise<T> failed(RuntimeException failure) {
    CompletablePromise<T> promise = Workflow.newPromise();
    promise.completeExceptionally(failure);
    return promise;
  }

  private static boolean hostIsGone(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeoutFailure timeout && timeout.getTimeoutType() == TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START) {
        return true;
      }
    }
    return false;
  }

  /** A stub whose calls carry a summary, so that operators read what each activity did in the UI. */
  private static <T> T activities(Class<T> type, ActivityOptions options, String summary) {
    return Workflow.newActivityStub(type, ActivityOptions.newBuilder(options).setSummary(summary).build());
  }

  /**
   * Re-processes one run may take before it continues as new, so that a long-lived track's history
   * stays small (each re-process adds a few dozen events); the server's own suggestion also counts.
   */
  static final int MAX_REPROCESSES_PER_RUN = 20;

  private String trackId;
  private TrackStage stage = TrackStage.STARTED;
  private String failure;
  private final Map<OutputFormat, OutputProgress> outputProgress = new LinkedHashMap<>();
  private final Map<String, Long> stageMillis = new LinkedHashMap<>();
  private long stageStartedAt;
  private TrackManifest published;
  private boolean alive;
  private final Deque<ReprocessRequest> reprocessQueue = new ArrayDeque<>();
  private int reprocessesThisRun;
  private boolean reprocessing;
  /** pending, analysing, done or failed: the analysis runs beside the stages. */
  private String analysisState = "pending";
  private CancellationScope analysisScope;
  private Promise<AnalysisResult> analysis;
  /** "Title — Artist" once the tags are read; the file name until then. */
  private String title;
  /** What the catalogue said of the source; null until it has been looked up. */
  private TrackManifest.Identification identification;
  /** The operator's decision on a reference match, once signalled during the hold. */
  private ReviewDecision reviewDecision;
  /** The reference works a held track matches, for the progress query; empty when not held. */
  private List<CatalogueMatch> heldFor = List.of();
  /** The mark the preview of the version being made carries; null until its lane has stored it. */
  private PreviewMark previewMark;

  @Override
  public TrackIngestResult ingest(TrackIngestRequest request) {
    trackId = BlobKeys.requireTrackId(request.trackId());
    sourceKey = request.sourceKey();
    title = request.originalFileName();
    Workflow.upsertTypedSearchAttributes(TrackSearchAttributes.TRACK_ID.valueSet(trackId));
    if (request.published() == null) {
      published = publishFirstVersion(request);
    } else {
      published = request.published();
      if (titleOf(published.metadata()) != null) {
        title = titleOf(published.metadata());
      }
      stage = TrackStage.PUBLISHED;
      outcome("published");
    }
    TrackIngestResult result = new TrackIngestResult(trackId, BlobKeys.manifestKey(trackId), published);
    if (!request.keepAlive()) {
      return result;
    }
    alive = true;
    try {
      while (true) {
        Workflow.await(() -> !reprocessQueue.isEmpty() || timeToContinueAsNew());
        if (!reprocessQueue.isEmpty()) {
          reprocess(request, reprocessQueue.poll());
          reprocessesThisRun++;
          continue;
        }
        // Nothing may be queued when this run ends: accepted requests would be lost.
        Workflow.await(Workflow::isEveryHandlerFinished);
        if (reprocessQueue.isEmpty()) {
          break;
        }
      }
    } catch (TemporalFailure e) {
      if (isCancellation(e)) {
        unpublish();
      }
      throw e;
    }
    Workflow.continueAsNew(request.resumingFrom(published));
    return result; // not reached: continueAsNew ends this run
  }

  private boolean timeToContinueAsNew() {
    return reprocessesThisRun >= MAX_REPROCESSES_PER_RUN || Workflow.getInfo().isContinueAsNewSuggested();
  }

  /** The ingest itself: every stage up to the first published manifest, compensated on failure. */
  private TrackManifest publishFirstVersion(TrackIngestRequest request) {
    Saga saga = new Saga(new Saga.Options.Builder().setContinueWithError(true).build());
    try {
      enter(TrackStage.PROBING);
      SourceProbe probe =
          withHost(
              () ->
                  onLiveHost(
                          () ->
                              Async.function(
                                  onHost(MediaActivities.class, PROBE, "probe " + request.sourceKey())::probe,
                                  new ProbeRequest(trackId, request.sourceKey())))
                      .get());

      enter(TrackStage.VALIDATING);
      ValidatedSource source =
          withHost(
              () ->
                  onLiveHost(
                          () ->
                              Async.function(
                                  onHost(MediaActivities.class, VALIDATE, "validate " + probe.codec() + " " + probe.sampleRateHz() + " Hz: limits, header, full decode")
                                      ::validate,
                                  new ValidateRequest(trackId, request.sourceKey(), probe)))
                      .get());

      Workflow.upsertTypedSearchAttributes(TrackSearchAttributes.TRACK_TIER.valueSet(source.tier().name()));

      enter(TrackStage.IDENTIFYING);
      saga.addCompensation(storage::deleteObjects, List.of(BlobKeys.fingerprintKey(trackId)));
      FingerprintRef fingerprint =
          withHost(
              () ->
                  onLiveHost(
                          () ->
                              Async.function(
                                  onHost(FingerprintActivities.class, FINGERPRINT, "fingerprint the source")::fingerprint,
                                  new FingerprintRequest(trackId, request.sourceKey(), BlobKeys.fingerprintKey(trackId))))
                      .get());
      CatalogueMatches matches =
          catalogue("look the fingerprint up among published tracks and reference works")
              .lookup(new LookupRequest(trackId, fingerprint.key()));
      identification = identify(fingerprint, matches, request.catalogue());

      List<String> analysisKeys = new ArrayList<>(BlobKeys.qualityKeys(trackId, 1));
      analysisKeys.add(BlobKeys.analysisKey(trackId, 1));
      saga.addCompensation(storage::deleteObjects, analysisKeys);
      startAnalysis(request.sourceKey(), probe, 1, request.requiredTier());

      enter(TrackStage.READING_METADATA);
      TrackMetadata tags =
          withHost(
              () ->
                  onLiveHost(
                          () ->
                              Async.function(
                                  onHost(MetadataActivities.class, METADATA, "read tags, bext and iXML")::readMetadata,
                                  new ReadMetadataRequest(trackId, request.sourceKey(), probe)))
                      .get());
      if (titleOf(tags) != null) {
        title = titleOf(tags);
      }
      if (tags.artwork() != null) {
        saga.addCompensation(storage::deleteObjects, List.of(tags.artwork().key()));
      }

      OutputPlan plan = OutputPlanner.plan(trackId, 1, probe, formatsOf(request.formats()));
      // Registered before encoding starts: a lane that dies half-way may have stored some outputs.
      saga.addCompensation(storage::deleteObjects, withPreviewMark(plan.outputs().stream().map(OutputSpec::key).toList(), plan));

      enter(TrackStage.ENCODING);
      EncodedAndVerified done = withHost(() -> encodeAndVerify(request, 1, source, tags, plan, analysis));
      AnalysisResult analysed = analysis.get();

      enter(TrackStage.PUBLISHING);
      saga.addCompensation(storage::deleteObjects, List.of(BlobKeys.manifestKey(trackId)));
      TrackManifest manifest =
          new TrackManifest(
              TrackManifest.SCHEMA_VERSION,
              trackId,
              1,
              Workflow.getInfo().getWorkflowId(),
              Workflow.getInfo().getRunId(),
              Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString(),
              new TrackManifest.Source(
                  request.sourceKey(),
                  request.originalFileName(),
                  probe,
                  source.tier(),
                  source.decodedDurationSeconds(),
                  source.decodedFrames(),
                  source.pcmDigest()),
              tags,
              done.outputs(),
              plan.absent(),
              done.verification(),
              analysed.analysis(),
              analysed.quality(),
              previewOf(previewMark),
              identification,
              new LinkedHashMap<>(stageMillis));
      activities(StorageActivities.class, STORAGE, "publish manifest version 1")
          .publishManifest(new PublishManifestRequest(trackId, manifest));
      // Published tracks are what later uploads are checked against.
      CatalogueActivities index = catalogue("add the track to the catalogue's fingerprint index");
      saga.addCompensation(index::removeTrack, trackId);
      index.addTrack(new CatalogueEntry(trackId, title, fingerprint.key()));
      enter(TrackStage.PUBLISHED);
      outcome("published");
      return manifest;
    } catch (TemporalFailure e) {
      boolean cancelled = isCancellation(e);
      failure = describe(e);
      stage = TrackStage.COMPENSATING;
      // Detached: compensation must run even when the workflow itself is being cancelled.
      Workflow.newDetachedCancellationScope(
              () -> {
                stopAnalysis();
                saga.compensate();
              })
          .run();
      stage = cancelled ? TrackStage.CANCELLED : TrackStage.FAILED;
      ApplicationFailure reason = applicationCause(e);
      outcome(
          cancelled
              ? "cancelled"
              : reason != null && TrackFailures.NON_RETRYABLE.contains(reason.getType())
                  ? "rejected:" + reason.getType()
                  : "failed");
      throw cancelled ? e : asTypedFailure(e);
    }
  }

  /**
   * Encodes the requested outputs as the next version, switches the manifest to it, then deletes
   * the files it replaced. A failure deletes the new version's files and leaves the published
   * track as it was; the workflow lives on.
   */
  private void reprocess(TrackIngestRequest request, ReprocessRequest reprocess) {
    int version = published.version() + 1;
    TrackManifest.Source src = published.source();
    ValidatedSource source =
        new ValidatedSource(src.probe(), src.tier(), src.decodedDurationSeconds(), src.decodedFrames(), src.pcmDigest());
    OutputPlan plan = OutputPlanner.plan(trackId, version, src.probe(), formatsOf(reprocess.formats()));
    Set<OutputFormat> redone = EnumSet.noneOf(OutputFormat.class);
    plan.outputs().forEach(o -> redone.add(o.format()));
    outputProgress.clear();
    stageMillis.clear();
    failure = null;
    plan.outputs().forEach(o -> outputProgress.put(o.format(), new OutputProgress(o.format(), 0, "pending")));
    enter(TrackStage.REPROCESSING);
    reprocessing = true;
    previewMark = null; // set again by this version's preview lane, if it makes one
    List<String> newKeys = plan.outputs().stream().map(OutputSpec::key).toList();
    EncodedAndVerified done;
    try {
      done = withHost(() -> encodeAndVerify(request, version, source, published.metadata(), plan, completed(new AnalysisResult(published.analysis(), published.quality()))));
    } catch (TemporalFailure e) {
      if (isCancellation(e)) {
        Workflow.newDetachedCancellationScope(() -> storage.deleteObjects(newKeys)).run();
        throw e;
      }
      stage = TrackStage.COMPENSATING;
      storage.deleteObjects(newKeys);
      // Set together, once the new version's files are gone: the query never shows half of it.
      failure = "re-process to version " + version + " failed: " + describe(e);
      stage = TrackStage.PUBLISHED;
      outcome("published");
      reprocessing = false;
      return;
    }
    List<EncodedOutput> outputs = new ArrayList<>(done.outputs());
    List<OutputCheck> checks = new ArrayList<>(done.verification().checks());
    List<String> replacedKeys = new ArrayList<>();
    for (EncodedOutput old : published.outputs()) {
      if (redone.contains(old.format())) {
        replacedKeys.add(old.key());
      } else {
        outputs.add(old);
      }
    }
    published.verification().checks().stream().filter(c -> !redone.contains(c.format())).forEach(checks::add);
    outputs.sort((a, b) -> a.format().compareTo(b.format()));
    checks.sort((a, b) -> a.format().compareTo(b.format()));
    TrackManifest next =
        new TrackManifest(
            TrackManifest.SCHEMA_VERSION,
            trackId,
            version,
            Workflow.getInfo().getWorkflowId(),
            Workflow.getInfo().getRunId(),
            Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString(),
            src,
            published.metadata(),
            List.copyOf(outputs),
            published.absentOutputs(),
            new VerificationReport(List.copyOf(checks)),
            published.analysis(),
            published.quality(),
            redone.contains(OutputFormat.PREVIEW_MP3_128) ? previewOf(previewMark) : published.preview(),
            published.identification(),
            new LinkedHashMap<>(stageMillis));
    enter(TrackStage.PUBLISHING);
    // The switch: readers move to the new version with this one write.
    activities(StorageActivities.class, STORAGE, "publish manifest version " + version)
        .publishManifest(new PublishManifestRequest(trackId, next));
    published = next;
    activities(StorageActivities.class, STORAGE, "delete the " + replacedKeys.size() + " files version " + version + " replaced")
        .deleteObjects(replacedKeys);
    enter(TrackStage.PUBLISHED);
    reprocessing = false;
  }

  /** Deleting a live track: its files and manifest go, whatever happens to the workflow. */
  private void unpublish() {
    stage = TrackStage.COMPENSATING;
    List<String> keys = new ArrayList<>();
    published.outputs().forEach(o -> keys.add(o.key()));
    if (published.metadata() != null && published.metadata().artwork() != null) {
      keys.add(published.metadata().artwork().key());
    }
    if (published.analysis() != null) {
      keys.add(published.analysis().assetKey());
    }
    if (published.quality() != null) {
      keys.addAll(
          java.util.stream.Stream.of(
                  published.quality().reportKey(), published.quality().pageKey(),
                  published.quality().waveformKey(), published.quality().spectrogramKey())
              .filter(java.util.Objects::nonNull)
              .toList());
    }
    if (published.preview() != null && published.preview().watermarked()) {
      keys.add(BlobKeys.watermarkRegistryKey(published.preview().payloadId()));
    }
    keys.add(BlobKeys.manifestKey(trackId));
    if (published.identification() != null) {
      keys.add(published.identification().fingerprintKey());
    }
    Workflow.newDetachedCancellationScope(
            () -> {
              // Out of the index first: a removed track must not be matched against its deleted files.
              catalogue("remove the track from the catalogue's fingerprint index").removeTrack(trackId);
              storage.deleteObjects(keys);
            })
        .run();
    stage = TrackStage.CANCELLED;
    outcome("deleted");
  }

  private static Set<OutputFormat> formatsOf(List<OutputFormat> formats) {
    return formats == null || formats.isEmpty() ? EnumSet.allOf(OutputFormat.class) : EnumSet.copyOf(formats);
  }

  private record EncodedAndVerified(List<EncodedOutput> outputs, VerificationReport verification) {}

  /**
   * Runs the lanes in parallel; once a lane has stored its outputs and the analysis is known, the
   * BPM and key go into their tags, and then each output is verified in an activity of its own:
   * verification spreads over the free activity slots and overlaps the other lanes' encoding. The
   * analysis is far faster than encoding, so lanes rarely wait for it. If anything fails, the rest
   * is cancelled and awaited, so that nothing is still writing when compensation starts.
   */
  private EncodedAndVerified encodeAndVerify(
      TrackIngestRequest request,
      int version,
      ValidatedSource source,
      TrackMetadata tags,
      OutputPlan plan,
      Promise<AnalysisResult> analysed) {
    if (analysed.isCompleted() && analysed.getFailure() != null) {
      throw analysed.getFailure(); // nothing is worth encoding for a track that cannot be analysed
    }
    List<List<OutputSpec>> lanes = EncodeSchedule.lanes(plan.outputs(), Math.max(1, request.encodeLanes()));
    List<Promise<List<EncodedOutput>>> encoded = new ArrayList<>();
    List<Promise<List<OutputCheck>>> verified = new ArrayList<>();
    CancellationScope scope =
        Workflow.newCancellationScope(
            () -> {
              for (List<OutputSpec> lane : lanes) {
                lane.forEach(s -> outputProgress.put(s.format(), new OutputProgress(s.format(), 0, "encoding")));
                Promise<EncodeLaneResult> encode =
                    onLiveHost(
                            () ->
                                Async.function(
                                    onHost(MediaActivities.class, ENCODE, "encode " + formatNames(lane.stream().map(OutputSpec::format).toList()) + " (version " + version + ")")
                                        ::encodeLane,
                                    new EncodeLaneRequest(trackId, request.sourceKey(), source.probe(), lane, tags)))
                        .thenApply(
                            r -> {
                              r.outputs().forEach(o -> outputProgress.put(o.format(), new OutputProgress(o.format(), 1, "encoded")));
                              if (r.previewMark() != null) {
                                previewMark = r.previewMark();
                              }
                              return r;
                            });
                Promise<List<EncodedOutput>> tagged =
                    encode.thenCompose(r -> analysed.thenCompose(a -> tagWithAnalysis(r.outputs(), a.analysis())));
                encoded.add(tagged);
                verified.add(
                    tagged.thenCompose(
                        outputs -> verifyEach(source, outputs, analysed.get().analysis() == null ? null : analysed.get().analysis().loudness())));
              }
            });
    scope.run();
    // A failed analysis stops the lanes at once rather than after their encodes.
    analysed.exceptionally(
        f -> {
          scope.cancel("the analysis failed");
          return null;
        });
    try {
      Promise.allOf(encoded).get();
      enter(TrackStage.VERIFYING);
      Promise.allOf(verified).get();
    } catch (TemporalFailure e) {
      scope.cancel("another encode lane or verification failed");
      for (Promise<List<OutputCheck>> lane : verified) {
        lane.handle((r, f) -> null).get(); // wait until every lane has stopped writing
      }
      if (analysed.isCompleted() && analysed.getFailure() != null) {
        throw analysed.getFailure(); // the cause, rather than the lanes' cancellation it led to
      }
      throw e;
    }
    List<EncodedOutput> outputs = new ArrayList<>();
    encoded.forEach(r -> outputs.addAll(r.get()));
    outputs.sort((a, b) -> a.format().compareTo(b.format()));
    List<OutputCheck> checks = new ArrayList<>();
    verified.forEach(r -> checks.addAll(r.get()));
    checks.sort((a, b) -> a.format().compareTo(b.format()));
    return new EncodedAndVerified(List.copyOf(outputs), new VerificationReport(List.copyOf(checks)));
  }

  private static CatalogueActivities catalogue(String summary) {
    return activities(CatalogueActivities.class, CATALOGUE, summary);
  }

  /**
   * Applies the catalogue policy to a lookup: a duplicate is rejected or linked as an alternate
   * version; a reference-work match holds the track for an operator's review.
   */
  private TrackManifest.Identification identify(FingerprintRef fingerprint, CatalogueMatches matches, CataloguePolicy policy) {
    String alternateOf = null;
    if (!matches.tracks().isEmpty()) {
      CatalogueMatch best = matches.tracks().get(0);
      if (policy.duplicates() == DuplicatePolicy.REJECT) {
        throw ApplicationFailure.newNonRetryableFailure(
            "This recording is already in the catalogue: it matches track " + best.describe()
                + ". It was not published. To keep it as an alternate version of that track, upload it again"
                + " with the duplicate policy LINK_AS_ALTERNATE.",
            TrackFailures.DUPLICATE_TRACK,
            matches);
      }
      alternateOf = best.id();
    }
    TrackManifest.Review review = matches.references().isEmpty() ? null : holdForReview(matches, policy);
    return new TrackManifest.Identification(
        fingerprint.key(), fingerprint.hashesPerSecond(), alternateOf, matches.tracks(), matches.references(), review);
  }

  /**
   * Waits for an operator to approve or reject a track that matches a reference work; the
   * policy decides when nobody does in time. A rejection fails the track, compensated like any.
   */
  private TrackManifest.Review holdForReview(CatalogueMatches matches, CataloguePolicy policy) {
    enter(TrackStage.HELD_FOR_REVIEW);
    heldFor = matches.references();
    failure =
        "held for review: matches reference work " + matches.references().get(0).describe()
            + ". Approve or reject with the reviewReferenceMatch signal.";
    showDetails();
    boolean decided = Workflow.await(Duration.ofSeconds(policy.reviewTimeoutSeconds()), () -> reviewDecision != null);
    String now = Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString();
    TrackManifest.Review review =
        decided
            ? new TrackManifest.Review(reviewDecision.approve(), reviewDecision.reviewer(), reviewDecision.note(), now)
            : new TrackManifest.Review(
                policy.onReviewTimeout() == ReviewTimeoutPolicy.APPROVE,
                "timeout",
                "no decision within " + policy.reviewTimeoutSeconds() + " s; policy " + policy.onReviewTimeout(),
                now);
    failure = null;
    heldFor = List.of();
    if (!review.approved()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The recording matches the reference work " + matches.references().get(0).describe() + " and was rejected by "
              + review.reviewer() + (review.note() == null || review.note().isBlank() ? "" : " (" + review.note() + ")")
              + ". It was not published.",
          TrackFailures.COPYRIGHT_REVIEW_REJECTED,
          matches);
    }
    return review;
  }

  @Override
  public void reviewReferenceMatch(ReviewDecision decision) {
    if (stage == TrackStage.HELD_FOR_REVIEW && reviewDecision == null && decision != null) {
      reviewDecision = decision;
    }
  }

  /**
   * Starts the analysis (and the quality checks, on the same decode) in a scope of its own, so that
   * a failing track can stop it. A source below {@code requiredTier} fails it with the checks'
   * reasons: the track is then rejected like any bad input, and its lanes stopped.
   */
  private void startAnalysis(String sourceKey, SourceProbe probe, int version, QualityTier requiredTier) {
    long startedAt = Workflow.currentTimeMillis();
    analysisState = "analysing";
    AnalysisActivities analyser =
        activities(AnalysisActivities.class, ANALYZE, "analyse tempo, key, loudness and features of " + sourceKey);
    List<Promise<AnalysisResult>> started = new ArrayList<>(1);
    analysisScope =
        Workflow.newCancellationScope(
            () -> started.add(Async.function(analyser::analyze, new AnalyzeRequest(trackId, sourceKey, probe, version))));
    analysisScope.run();
    analysis =
        started.get(0)
            .handle(
                (result, f) -> {
                  analysisState = f == null ? "done" : "failed";
                  stageMillis.put("ANALYSING", Workflow.currentTimeMillis() - startedAt);
                  showDetails();
                  if (f != null) {
                    throw f;
                  }
                  requireTier(result.quality(), requiredTier);
                  return result;
                });
  }

  private void requireTier(TrackQuality quality, QualityTier requiredTier) {
    if (requiredTier == null || quality == null || quality.passes(requiredTier)) {
      return;
    }
    TrackQuality.TierVerdict verdict = quality.verdict(requiredTier);
    String reasons = verdict == null || verdict.reasons().isEmpty() ? "no verdict" : String.join("; ", verdict.reasons());
    throw ApplicationFailure.newNonRetryableFailure(
        "The source does not reach the " + requiredTier.name().toLowerCase(java.util.Locale.ROOT) + " tier this track asked for: "
            + reasons + ". The quality report lists every finding; upload a better master or ask for a lower tier.",
        TrackFailures.BELOW_REQUESTED_TIER,
        quality);
  }

  /** Cancels a running analysis and waits until it has stopped writing. */
  private void stopAnalysis() {
    if (analysisScope != null) {
      analysisScope.cancel("the track did not complete");
      analysis.handle((r, f) -> null).get();
    }
  }

  /** BPM and key into a lane's stored outputs; the outputs as they are when there is nothing to write. */
  private Promise<List<EncodedOutput>> tagWithAnalysis(List<EncodedOutput> outputs, TrackAnalysis analysed) {
    Integer bpm = analysed == null || analysed.tempo() == null || analysed.tempo().bpm() <= 0
        ? null
        : (int) Math.round(analysed.tempo().bpm());
    String key = analysed == null || analysed.key() == null ? null : analysed.key().shortName();
    if (outputs.isEmpty() || (bpm == null && key == null)) {
      return completed(outputs);
    }
    outputs.forEach(o -> outputProgress.put(o.format(), new OutputProgress(o.format(), 1, "tagging")));
    return onLiveHost(
        () ->
            Async.function(
                onHost(MetadataActivities.class, TAG, "write BPM " + bpm + " and key " + key + " into " + formatNames(outputs.stream().map(EncodedOutput::format).toList()))
                    ::writeAnalysisTags,
                new AnalysisTagsRequest(trackId, outputs, bpm, key)));
  }

  private static <T> Promise<T> completed(T value) {
    CompletablePromise<T> promise = Workflow.newPromise();
    promise.complete(value);
    return promise;
  }

  private Promise<List<OutputCheck>> verifyEach(
      ValidatedSource source, List<EncodedOutput> outputs, TrackAnalysis.Loudness sourceLoudness) {
    List<Promise<VerificationReport>> reports = new ArrayList<>();
    for (EncodedOutput output : outputs) {
      reports.add(
          onLiveHost(
                  () ->
                      Async.function(
                          onHost(MediaActivities.class, VERIFY, "verify " + output.format() + " (" + output.key() + ")")::verifyOutputs,
                          new VerifyRequest(trackId, source, List.of(output), sourceLoudness)))
              .thenApply(
                  report -> {
                    outputProgress.put(output.format(), new OutputProgress(output.format(), 1, "verified"));
                    return report;
                  }));
    }
    return Promise.allOf(reports).thenApply(done -> reports.stream().flatMap(r -> r.get().checks().stream()).toList());
  }

  @Override
  public TrackProgress progress() {
    return new TrackProgress(
        trackId,
        stage,
        published == null ? 0 : published.version(),
        List.copyOf(outputProgress.values()),
        failure,
        analysisState,
        heldFor);
  }

  @Override
  public TrackManifest manifest() {
    return published;
  }

  @Override
  public int reprocess(ReprocessRequest request) {
    reprocessQueue.add(request);
    return published.version() + reprocessQueue.size() + (reprocessing ? 1 : 0);
  }

  @Override
  public void validateReprocess(ReprocessRequest request) {
    if (!alive || published == null) {
      throw new IllegalStateException("Track " + trackId + " is not published and alive; nothing to re-process.");
    }
    if (request == null || request.formats() == null || request.formats().isEmpty()) {
      throw new IllegalArgumentException("Name the outputs to re-process, e.g. [\"FLAC\"].");
    }
    for (OutputFormat format : request.formats()) {
      if (format == null) {
        throw new IllegalArgumentException("Unknown output format in " + request.formats());
      }
      boolean planned =
          OutputPlanner.plan(trackId, published.version() + 1, published.source().probe(), EnumSet.of(format)).absent().isEmpty();
      if (!planned) {
        throw new IllegalArgumentException(format + " cannot be made from this source: " + published.absentOutputs());
      }
    }
  }

  @Override
  public void reportOutputProgress(OutputProgress progress) {
    OutputProgress current = outputProgress.get(progress.format());
    // Signals may arrive late or out of order; progress only moves forward while encoding.
    if (current != null && "encoding".equals(current.state()) && progress.fraction() > current.fraction()) {
      outputProgress.put(progress.format(), new OutputProgress(progress.format(), progress.fraction(), "encoding"));
    }
  }

  private void enter(TrackStage next) {
    long now = Workflow.currentTimeMillis();
    if (stage != TrackStage.STARTED && stage != TrackStage.PUBLISHED) {
      stageMillis.put(stage.name(), now - stageStartedAt);
    }
    stage = next;
    stageStartedAt = now;
    Workflow.upsertTypedSearchAttributes(TrackSearchAttributes.TRACK_STAGE.valueSet(next.name()));
    showDetails();
  }

  /** How the journey ended, for listing tracks by outcome. */
  private void outcome(String outcome) {
    Workflow.upsertTypedSearchAttributes(
        TrackSearchAttributes.TRACK_STAGE.valueSet(stage.name()), TrackSearchAttributes.TRACK_OUTCOME.valueSet(outcome));
    showDetails();
  }

  /**
   * The workflow's current details in the Temporal UI: a Markdown account of the track, its stages
   * and its outputs, so that an operator reads a job without decoding payloads.
   */
  private void showDetails() {
    StringBuilder md = new StringBuilder();
    md.append("**").append(title == null ? trackId : title).append("**  \n");
    md.append("track `").append(trackId).append("` · stage **").append(stage.name().toLowerCase(java.util.Locale.ROOT))
        .append("** · published version ").append(published == null ? "none" : published.version()).append("\n\n");
    if (failure != null) {
      md.append("> ").append(failure).append("\n\n");
    }
    md.append("| stage | ms |\n|---|---:|\n");
    stageMillis.forEach((name, ms) -> md.append("| ").append(name.toLowerCase(java.util.Locale.ROOT)).append(" | ").append(ms).append(" |\n"));
    md.append("| ").append(stage.name().toLowerCase(java.util.Locale.ROOT)).append(" | … |\n");
    md.append("\nanalysis: **").append(analysisState).append("**");
    if (published != null && published.analysis() != null && published.analysis().tempo() != null) {
      TrackAnalysis a = published.analysis();
      md.append(" · ").append(Math.round(a.tempo().bpm())).append(" BPM");
      if (a.key() != null) {
        md.append(" · ").append(a.key().name());
      }
      if (a.loudness() != null) {
        md.append(" · ").append(String.format(java.util.Locale.ROOT, "%.1f LUFS", a.loudness().integratedLufs()));
      }
    }
    md.append("\n");
    if (!outputProgress.isEmpty()) {
      md.append("\n| output | state | progress |\n|---|---|---:|\n");
      outputProgress.values().forEach(o -> md.append("| ").append(o.format()).append(" | ").append(o.state())
          .append(" | ").append(Math.round(o.fraction() * 100)).append("% |\n"));
    }
    Workflow.setCurrentDetails(md.toString());
  }

  /**
   * The keys a plan's lanes may write: its outputs and, with a preview, the registry object of the
   * preview's mark (one deletion, so that histories compensated before marks existed still replay).
   */
  private List<String> withPreviewMark(List<String> outputKeys, OutputPlan plan) {
    if (plan.outputs().stream().noneMatch(o -> o.format() == OutputFormat.PREVIEW_MP3_128)) {
      return outputKeys;
    }
    List<String> keys = new ArrayList<>(outputKeys);
    keys.add(BlobKeys.watermarkRegistryKey(PreviewPayloads.forTrack(trackId)));
    return List.copyOf(keys);
  }

  /** The manifest's preview section: the mark the preview's lane reported, if it reported one. */
  private static TrackManifest.Preview previewOf(PreviewMark mark) {
    return mark == null ? new TrackManifest.Preview(false, null) : new TrackManifest.Preview(true, mark.payloadId());
  }

  private static String titleOf(TrackMetadata tags) {
    if (tags == null || tags.title() == null) {
      return null;
    }
    return tags.artist() == null ? tags.title() : tags.title() + " — " + tags.artist();
  }

  private static String formatNames(List<OutputFormat> formats) {
    return String.join(", ", formats.stream().map(OutputFormat::name).toList());
  }

  private static boolean isCancellation(Throwable e) {
    return e instanceof CanceledFailure || e.getCause() instanceof CanceledFailure;
  }

  /** The innermost application failure's type and message, for the query and the CLI. */
  private static String describe(TemporalFailure e) {
    ApplicationFailure app = applicationCause(e);
    return app != null ? app.getType() + ": " + app.getOriginalMessage() : e.getMessage();
  }

  /**
   * Surfaces the activity's typed reason as the workflow's own failure, so that callers read
   * "NotAudio: ..." instead of unwrapping an ActivityFailure.
   */
  private static TemporalFailure asTypedFailure(TemporalFailure e) {
    ApplicationFailure app = applicationCause(e);
    if (app == null || !(e instanceof ActivityFailure)) {
      return e;
    }
    return ApplicationFailure.newNonRetryableFailureWithCause(app.getOriginalMessage(), app.getType(), e);
  }

  private static ApplicationFailure applicationCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure app) {
        return app;
      }
    }
    return null;
  }
}
