package com.audiostems.workflows.track;

import static com.audiostems.workflows.track.TrackActivityOptions.FINGERPRINT;
import static com.audiostems.workflows.track.TrackActivityOptions.METADATA;
import static com.audiostems.workflows.track.TrackActivityOptions.PROBE;
import static com.audiostems.workflows.track.TrackActivityOptions.STORAGE;
import static com.audiostems.workflows.track.TrackActivityOptions.VALIDATE;

import com.audiostems.workflows.analysis.AnalysisResult;
import com.audiostems.workflows.catalogue.CatalogueActivities;
import com.audiostems.workflows.catalogue.FingerprintActivities;
import com.audiostems.workflows.catalogue.FingerprintRef;
import com.audiostems.workflows.catalogue.FingerprintRequest;
import com.audiostems.workflows.catalogue.ReviewDecision;
import com.audiostems.workflows.media.HlsLadderPlan;
import com.audiostems.workflows.media.MediaActivities;
import com.audiostems.workflows.media.OutputPlan;
import com.audiostems.workflows.media.ProbeRequest;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.media.ValidateRequest;
import com.audiostems.workflows.media.ValidatedSource;
import com.audiostems.workflows.metadata.MetadataActivities;
import com.audiostems.workflows.metadata.ReadMetadataRequest;
import com.audiostems.workflows.metadata.TrackMetadata;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.StorageActivities;
import com.audiostems.workflows.storage.TrackManifest;
import com.audiostems.workflows.track.TrackManifests.EncodedAndVerified;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Saga;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A track's journey — probe → validate → identify → read tags → encode ∥ analyse → verify → publish
 * — and then its life as an entity: re-processes as new versions, deletion, and continue-as-new.
 * Each stage's options are in {@link TrackActivityOptions}; the host-pinned calls in {@link
 * TrackHost}; the lanes in {@link EncodeLanes}; the manifests in {@link TrackManifests}.
 */
public class TrackIngestWorkflowImpl implements TrackIngestWorkflow {
  /**
   * Re-processes one run may take before it continues as new, so that a long-lived track's history
   * stays small (each re-process adds a few dozen events); the server's own suggestion also counts.
   */
  static final int MAX_REPROCESSES_PER_RUN = 20;

  private final StorageActivities storage =
      Workflow.newActivityStub(StorageActivities.class, STORAGE);
  private final Deque<ReprocessRequest> reprocessQueue = new ArrayDeque<>();
  private final TrackState track = new TrackState();
  private final CatalogueCheck catalogue = new CatalogueCheck(track);
  private TrackHost host;
  private boolean alive;
  private boolean reprocessing;
  private int reprocessesThisRun;

  /**
   * A run continued from a published track takes re-processes from its first workflow task: an
   * update can arrive with that task and be validated before {@link #ingest} has run, and must find
   * the track as the previous run left it rather than refuse it as not published. Sets fields only:
   * no command, so every recorded history replays as before.
   */
  @WorkflowInit
  public TrackIngestWorkflowImpl(TrackIngestRequest request) {
    if (request.published() != null && request.keepAlive()) {
      track.start(request.trackId(), request.originalFileName());
      track.published = request.published();
      alive = true;
    }
  }

  @Override
  public TrackIngestResult ingest(TrackIngestRequest request) {
    track.start(BlobKeys.requireTrackId(request.trackId()), request.originalFileName());
    host = new TrackHost(track.trackId, request.sourceKey());
    Workflow.upsertTypedSearchAttributes(TrackSearchAttributes.TRACK_ID.valueSet(track.trackId));
    if (request.published() == null) {
      track.published = publishFirstVersion(request);
    } else {
      track.published = request.published();
      if (TrackManifests.titleOf(track.published.metadata()) != null) {
        track.title = TrackManifests.titleOf(track.published.metadata());
      }
      track.stage = TrackStage.PUBLISHED;
      track.outcome("published");
    }
    TrackIngestResult result =
        new TrackIngestResult(track.trackId, BlobKeys.manifestKey(track.trackId), track.published);
    if (!request.keepAlive()) {
      return result;
    }
    liveUntilContinueAsNew(request);
    Workflow.continueAsNew(request.resumingFrom(track.published));
    return result; // not reached: continueAsNew ends this run
  }

  /** The ingest itself: every stage up to the first published manifest, compensated on failure. */
  private TrackManifest publishFirstVersion(TrackIngestRequest request) {
    Saga saga = new Saga(new Saga.Options.Builder().setContinueWithError(true).build());
    AnalysisRun analysisRun = new AnalysisRun(track);
    String sourceKey = request.sourceKey();
    try {
      track.enter(TrackStage.PROBING);
      SourceProbe probe =
          host.await(
              MediaActivities.class,
              PROBE,
              "probe " + sourceKey,
              m -> m::probe,
              new ProbeRequest(track.trackId, sourceKey));

      track.enter(TrackStage.VALIDATING);
      ValidatedSource source =
          host.await(
              MediaActivities.class,
              VALIDATE,
              "validate "
                  + probe.codec()
                  + " "
                  + probe.sampleRateHz()
                  + " Hz: limits, header, full decode",
              m -> m::validate,
              new ValidateRequest(track.trackId, sourceKey, probe));
      Workflow.upsertTypedSearchAttributes(
          TrackSearchAttributes.TRACK_TIER.valueSet(source.tier().name()));

      track.enter(TrackStage.IDENTIFYING);
      saga.addCompensation(storage::deleteObjects, List.of(BlobKeys.fingerprintKey(track.trackId)));
      FingerprintRef fingerprint =
          host.await(
              FingerprintActivities.class,
              FINGERPRINT,
              "fingerprint the source",
              f -> f::fingerprint,
              new FingerprintRequest(
                  track.trackId, sourceKey, BlobKeys.fingerprintKey(track.trackId)));
      TrackManifest.Identification identification =
          catalogue.identify(fingerprint, request.catalogue());

      saga.addCompensation(storage::deleteObjects, TrackManifests.analysisKeys(track.trackId, 1));
      Promise<AnalysisResult> analysed =
          analysisRun.start(sourceKey, probe, 1, request.requiredTier());

      track.enter(TrackStage.READING_METADATA);
      TrackMetadata tags =
          host.await(
              MetadataActivities.class,
              METADATA,
              "read tags, bext and iXML",
              m -> m::readMetadata,
              new ReadMetadataRequest(track.trackId, sourceKey, probe));
      if (TrackManifests.titleOf(tags) != null) {
        track.title = TrackManifests.titleOf(tags);
      }
      if (tags.artwork() != null) {
        saga.addCompensation(storage::deleteObjects, List.of(tags.artwork().key()));
      }

      OutputPlan plan =
          OutputPlans.plan(track.trackId, 1, probe, TrackManifests.formatsOf(request.formats()));
      HlsLadderPlan ladder =
          EncodeLanes.previewLadder(track.trackId, 1, plan, source.decodedDurationSeconds());
      // Registered before encoding starts: a lane that dies half-way may have stored some outputs.
      saga.addCompensation(
          storage::deleteObjects, TrackManifests.writableKeys(track.trackId, plan, ladder));

      track.enter(TrackStage.ENCODING);
      EncodedAndVerified done =
          host.movingWhenGone(
              () ->
                  new EncodeLanes(track, host, ladder)
                      .encodeAndVerify(
                          sourceKey, request.encodeLanes(), 1, source, tags, plan, analysed));
      AnalysisResult analysis = analysed.get();

      track.enter(TrackStage.PUBLISHING);
      saga.addCompensation(storage::deleteObjects, List.of(BlobKeys.manifestKey(track.trackId)));
      TrackManifest manifest =
          TrackManifests.firstVersion(
              track.trackId,
              Publication.ofThisRun(),
              TrackManifests.sourceOf(request, probe, source),
              tags,
              plan,
              done,
              analysis,
              track.previewMark,
              track.previewLadder,
              identification,
              track.stageMillis);
      TrackActivities.publishManifest(manifest);
      CatalogueActivities index =
          CatalogueCheck.index("add the track to the catalogue's fingerprint index");
      saga.addCompensation(index::removeTrack, track.trackId);
      index.addTrack(CatalogueCheck.entry(track, fingerprint));
      track.enter(TrackStage.PUBLISHED);
      track.outcome("published");
      return manifest;
    } catch (TemporalFailure e) {
      track.failure = FailureCauses.describe(e);
      track.stage = TrackStage.COMPENSATING;
      // Detached: compensation must run even when the workflow itself is being cancelled.
      Workflow.newDetachedCancellationScope(
              () -> {
                analysisRun.stop();
                saga.compensate();
                TrackEndRecord.record(track, e);
              })
          .run();
      boolean cancelled = FailureCauses.isCancellation(e);
      track.stage = cancelled ? TrackStage.CANCELLED : TrackStage.FAILED;
      track.outcome(FailureCauses.outcomeOf(e));
      throw cancelled ? e : FailureCauses.asTypedFailure(e);
    }
  }

  /** The track as an entity: it takes re-processes until it is deleted or continues as new. */
  private void liveUntilContinueAsNew(TrackIngestRequest request) {
    alive = true;
    try {
      while (true) {
        Workflow.await(() -> !reprocessQueue.isEmpty() || timeToContinueAsNew());
        if (!reprocessQueue.isEmpty()) {
          reprocessing = true;
          new NextVersion(track, host, storage).reprocess(request, reprocessQueue.poll());
          reprocessing = false;
          reprocessesThisRun++;
          continue;
        }
        // Nothing may be queued when this run ends: accepted requests would be lost.
        Workflow.await(Workflow::isEveryHandlerFinished);
        if (reprocessQueue.isEmpty()) {
          return;
        }
      }
    } catch (TemporalFailure e) {
      if (FailureCauses.isCancellation(e)) {
        unpublish();
      }
      throw e;
    }
  }

  private boolean timeToContinueAsNew() {
    return reprocessesThisRun >= MAX_REPROCESSES_PER_RUN
        || Workflow.getInfo().isContinueAsNewSuggested();
  }

  /** Deleting a live track: its files and manifest go, whatever happens to the workflow. */
  private void unpublish() {
    track.stage = TrackStage.COMPENSATING;
    List<String> keys = new java.util.ArrayList<>(TrackManifests.ownedKeys(track.published));
    if (Workflow.getVersion(TrackManifests.PEAKS_ON_DELETE, Workflow.DEFAULT_VERSION, 1) == 1) {
      keys.addAll(TrackManifests.peaksKeys(track.published));
    }
    Workflow.newDetachedCancellationScope(
            () -> {
              // Out of the index first: a removed track must not be matched against its deleted
              // files.
              CatalogueCheck.index("remove the track from the catalogue's fingerprint index")
                  .removeTrack(track.trackId);
              storage.deleteObjects(keys);
              if (Workflow.getVersion(TrackLicences.REVOKE_ON_DELETE, Workflow.DEFAULT_VERSION, 1)
                  == 1) {
                TrackLicences.revokeAll(track.trackId);
              }
            })
        .run();
    track.stage = TrackStage.CANCELLED;
    track.outcome("deleted");
  }

  @Override
  public TrackProgress progress() {
    return track.progress();
  }

  @Override
  public TrackManifest manifest() {
    return track.published;
  }

  @Override
  public void reviewReferenceMatch(ReviewDecision decision) {
    catalogue.decide(decision);
  }

  @Override
  public int reprocess(ReprocessRequest request) {
    reprocessQueue.add(request);
    return track.published.version() + reprocessQueue.size() + (reprocessing ? 1 : 0);
  }

  @Override
  public void validateReprocess(ReprocessRequest request) {
    if (!alive || track.published == null) {
      throw new IllegalStateException(
          "Track " + track.trackId + " is not published and alive; nothing to re-process.");
    }
    TrackManifests.requirePlannable(track.published, request);
  }

  @Override
  public void reportOutputProgress(OutputProgress progress) {
    track.encodingProgress(progress);
  }
}
