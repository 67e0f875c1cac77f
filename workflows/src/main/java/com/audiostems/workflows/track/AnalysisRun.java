package com.audiostems.workflows.track;

import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.analysis.AnalysisActivities;
import com.audiostems.workflows.analysis.AnalysisResult;
import com.audiostems.workflows.analysis.AnalyzeRequest;
import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.quality.TrackQuality;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The analysis of a track's source (and the quality checks, on the same decode), running on the GPU
 * pool beside the other stages in a scope of its own, so that a failing track can stop it.
 */
final class AnalysisRun {
  private final TrackState track;
  private CancellationScope scope;
  private Promise<AnalysisResult> result;

  AnalysisRun(TrackState track) {
    this.track = track;
  }

  /**
   * Starts the analysis. A source below {@code requiredTier} fails it with the checks' reasons: the
   * track is then rejected like any bad input, and its lanes stopped.
   */
  Promise<AnalysisResult> start(
      String sourceKey, SourceProbe probe, int version, QualityTier requiredTier) {
    long startedAt = Workflow.currentTimeMillis();
    track.analysisState = "analysing";
    AnalysisActivities analyser =
        TrackActivities.stub(
            AnalysisActivities.class,
            TrackActivityOptions.ANALYZE,
            "analyse tempo, key, loudness and features of " + sourceKey);
    List<Promise<AnalysisResult>> started = new ArrayList<>(1);
    scope =
        Workflow.newCancellationScope(
            () ->
                started.add(
                    Async.function(
                        analyser::analyze,
                        new AnalyzeRequest(track.trackId, sourceKey, probe, version))));
    scope.run();
    result =
        started
            .get(0)
            .handle(
                (analysed, f) -> {
                  track.analysisState = f == null ? "done" : "failed";
                  track.stageMillis.put("ANALYSING", Workflow.currentTimeMillis() - startedAt);
                  track.showDetails();
                  if (f != null) {
                    throw f;
                  }
                  requireTier(analysed.quality(), requiredTier);
                  return analysed;
                });
    return result;
  }

  /** Cancels a running analysis and waits until it has stopped writing. */
  void stop() {
    if (scope != null) {
      scope.cancel("the track did not complete");
      result.handle((r, f) -> null).get();
    }
  }

  private static void requireTier(TrackQuality quality, QualityTier requiredTier) {
    if (requiredTier == null || quality == null || quality.passes(requiredTier)) {
      return;
    }
    TrackQuality.TierVerdict verdict = quality.verdict(requiredTier);
    String reasons =
        verdict == null || verdict.reasons().isEmpty()
            ? "no verdict"
            : String.join("; ", verdict.reasons());
    throw ApplicationFailure.newNonRetryableFailure(
        "The source does not reach the "
            + requiredTier.name().toLowerCase(Locale.ROOT)
            + " tier this track asked for: "
            + reasons
            + ". The quality report lists every finding; upload a better master or ask for a lower tier.",
        TrackFailures.BELOW_REQUESTED_TIER,
        quality);
  }
}
