package com.audiostems.workflows.track;

import static com.audiostems.workflows.track.TrackActivityOptions.STORAGE;

import com.audiostems.workflows.analysis.AnalysisResult;
import com.audiostems.workflows.media.HlsLadderPlan;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.OutputPlan;
import com.audiostems.workflows.media.ValidatedSource;
import com.audiostems.workflows.storage.StorageActivities;
import com.audiostems.workflows.storage.TrackManifest;
import com.audiostems.workflows.track.TrackManifests.EncodedAndVerified;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A published track made again in some of its outputs: the next version of a live track. */
final class NextVersion {
  private final TrackState track;
  private final TrackHost host;
  private final StorageActivities storage;

  NextVersion(TrackState track, TrackHost host, StorageActivities storage) {
    this.track = track;
    this.host = host;
    this.storage = storage;
  }

  /**
   * Encodes the requested outputs as the next version, switches the manifest to it, then deletes
   * the files it replaced. A failure deletes the new version's files and leaves the published track
   * as it was; the workflow lives on.
   */
  void reprocess(TrackIngestRequest request, ReprocessRequest reprocess) {
    TrackManifest published = track.published;
    int version = published.version() + 1;
    OutputPlan plan =
        OutputPlans.plan(
            track.trackId,
            version,
            published.source().probe(),
            TrackManifests.formatsOf(reprocess.formats()));
    Set<OutputFormat> redone = EnumSet.noneOf(OutputFormat.class);
    plan.outputs().forEach(o -> redone.add(o.format()));
    track.outputs.clear();
    track.stageMillis.clear();
    track.failure = null;
    plan.outputs().forEach(o -> track.output(o.format(), 0, "pending"));
    track.enter(TrackStage.REPROCESSING);
    track.previewMark = null; // set again by this version's preview lane, if it makes one
    track.previewLadder = null;
    HlsLadderPlan ladder =
        EncodeLanes.previewLadder(
            track.trackId, version, plan, published.source().decodedDurationSeconds());
    List<String> newKeys = new ArrayList<>(plan.outputs().stream().map(o -> o.key()).toList());
    if (ladder != null) {
      newKeys.addAll(ladder.keys());
    }
    EncodedAndVerified done;
    try {
      Promise<AnalysisResult> analysed =
          Promises.completed(new AnalysisResult(published.analysis(), published.quality()));
      ValidatedSource source = TrackManifests.validatedSource(published.source());
      done =
          host.movingWhenGone(
              () ->
                  new EncodeLanes(track, host, ladder)
                      .encodeAndVerify(
                          request.sourceKey(),
                          request.encodeLanes(),
                          version,
                          source,
                          published.metadata(),
                          plan,
                          analysed));
    } catch (TemporalFailure e) {
      if (FailureCauses.isCancellation(e)) {
        Workflow.newDetachedCancellationScope(() -> storage.deleteObjects(newKeys)).run();
        throw e;
      }
      track.stage = TrackStage.COMPENSATING;
      storage.deleteObjects(newKeys);
      // Set together, once the new version's files are gone: the query never shows half of it.
      track.failure = "re-process to version " + version + " failed: " + FailureCauses.describe(e);
      track.stage = TrackStage.PUBLISHED;
      track.outcome("published");
      return;
    }
    TrackManifest next =
        TrackManifests.nextVersion(
            published,
            version,
            Publication.ofThisRun(),
            redone,
            done,
            track.previewMark,
            track.previewLadder,
            track.stageMillis);
    List<String> replacedKeys = TrackManifests.replacedKeys(published, redone);
    track.enter(TrackStage.PUBLISHING);
    TrackActivities.publishManifest(
        next); // the switch: readers move to the new version with this one write
    track.published = next;
    TrackActivities.stub(
            StorageActivities.class,
            STORAGE,
            "delete the " + replacedKeys.size() + " files version " + version + " replaced")
        .deleteObjects(replacedKeys);
    track.enter(TrackStage.PUBLISHED);
  }
}
