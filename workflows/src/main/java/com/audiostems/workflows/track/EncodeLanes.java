package com.audiostems.workflows.track;

import static com.audiostems.workflows.track.TrackActivityOptions.ENCODE;
import static com.audiostems.workflows.track.TrackActivityOptions.TAG;
import static com.audiostems.workflows.track.TrackActivityOptions.VERIFY;

import com.audiostems.workflows.analysis.AnalysisResult;
import com.audiostems.workflows.analysis.TrackAnalysis;
import com.audiostems.workflows.media.EncodeLaneRequest;
import com.audiostems.workflows.media.EncodeLaneResult;
import com.audiostems.workflows.media.EncodeSchedule;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.HlsLadderPlan;
import com.audiostems.workflows.media.MediaActivities;
import com.audiostems.workflows.media.OutputCheck;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.media.OutputPlan;
import com.audiostems.workflows.media.OutputSpec;
import com.audiostems.workflows.media.ValidatedSource;
import com.audiostems.workflows.media.VerificationReport;
import com.audiostems.workflows.media.VerifyRequest;
import com.audiostems.workflows.metadata.AnalysisTagsRequest;
import com.audiostems.workflows.metadata.MetadataActivities;
import com.audiostems.workflows.metadata.TrackMetadata;
import com.audiostems.workflows.track.TrackManifests.EncodedAndVerified;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A version's outputs: the encode lanes run in parallel on the track's host; once a lane has stored
 * its outputs and the analysis is known, the BPM and key go into their tags, and then each output
 * is verified in an activity of its own, so that verification spreads over the free slots and
 * overlaps the other lanes' encoding. The analysis is far faster than encoding, so lanes rarely
 * wait for it. If anything fails, the rest is cancelled and awaited, so that nothing is still
 * writing when compensation starts.
 */
final class EncodeLanes {
  private final TrackState track;
  private final TrackHost host;

  /** The ladder the preview's lane makes; null: none (histories from before it existed). */
  private final HlsLadderPlan previewLadder;

  EncodeLanes(TrackState track, TrackHost host, HlsLadderPlan previewLadder) {
    this.track = track;
    this.host = host;
    this.previewLadder = previewLadder;
  }

  /**
   * The HLS ladder a version's preview lane makes, or null when the plan has no preview or the
   * workflow runs a history from before the ladder existed. A command change (the lanes' requests
   * and what compensation deletes), hence behind {@code preview-hls}.
   */
  static HlsLadderPlan previewLadder(String trackId, int version, OutputPlan plan, double seconds) {
    int ladder = Workflow.getVersion(PREVIEW_HLS, Workflow.DEFAULT_VERSION, 1);
    boolean hasPreview =
        plan.outputs().stream().anyMatch(o -> o.format() == OutputFormat.PREVIEW_MP3_128);
    return ladder == Workflow.DEFAULT_VERSION || !hasPreview
        ? null
        : HlsLadderPlan.forPreview(trackId, version, seconds);
  }

  /** The change id of the preview's HLS ladder. */
  static final String PREVIEW_HLS = "preview-hls";

  EncodedAndVerified encodeAndVerify(
      String sourceKey,
      int laneCount,
      int version,
      ValidatedSource source,
      TrackMetadata tags,
      OutputPlan plan,
      Promise<AnalysisResult> analysed) {
    if (analysed.isCompleted() && analysed.getFailure() != null) {
      throw analysed.getFailure(); // nothing is worth encoding for a track that cannot be analysed
    }
    List<List<OutputSpec>> lanes =
        EncodeSchedule.lanes(
            plan.outputs(),
            Math.max(1, laneCount),
            previewLadder == null ? 0 : HlsLadderPlan.RELATIVE_COST);
    List<Promise<List<EncodedOutput>>> encoded = new ArrayList<>();
    List<Promise<List<OutputCheck>>> verified = new ArrayList<>();
    CancellationScope scope =
        Workflow.newCancellationScope(
            () -> {
              for (List<OutputSpec> lane : lanes) {
                Promise<List<EncodedOutput>> tagged =
                    encode(sourceKey, version, source, tags, lane)
                        .thenCompose(
                            r ->
                                analysed.thenCompose(
                                    a -> tagWithAnalysis(r.outputs(), a.analysis())));
                encoded.add(tagged);
                verified.add(
                    tagged.thenCompose(
                        outputs ->
                            verifyEach(sourceKey, source, outputs, loudnessOf(analysed.get()))));
              }
            });
    scope.run();
    // A failed analysis stops the lanes at once rather than after their encodes.
    analysed.exceptionally(
        f -> {
          scope.cancel("the analysis failed");
          return null;
        });
    awaitAll(scope, encoded, verified, analysed);
    List<EncodedOutput> outputs = new ArrayList<>();
    encoded.forEach(r -> outputs.addAll(r.get()));
    outputs.sort(Comparator.comparing(EncodedOutput::format));
    List<OutputCheck> checks = new ArrayList<>();
    verified.forEach(r -> checks.addAll(r.get()));
    checks.sort(Comparator.comparing(OutputCheck::format));
    return new EncodedAndVerified(
        List.copyOf(outputs), new VerificationReport(List.copyOf(checks)));
  }

  /** One lane's encode, its progress shown as its outputs are stored. */
  private Promise<EncodeLaneResult> encode(
      String sourceKey,
      int version,
      ValidatedSource source,
      TrackMetadata tags,
      List<OutputSpec> lane) {
    lane.forEach(s -> track.output(s.format(), 0, "encoding"));
    return host.call(
            MediaActivities.class,
            ENCODE,
            "encode "
                + formatNames(lane.stream().map(OutputSpec::format).toList())
                + " (version "
                + version
                + ")",
            media -> media::encodeLane,
            new EncodeLaneRequest(
                track.trackId,
                sourceKey,
                source.probe(),
                lane,
                tags,
                lane.stream().anyMatch(s -> s.format() == OutputFormat.PREVIEW_MP3_128)
                    ? previewLadder
                    : null))
        .thenApply(
            r -> {
              r.outputs().forEach(o -> track.output(o.format(), 1, "encoded"));
              if (r.previewMark() != null) {
                track.previewMark = r.previewMark();
              }
              if (r.previewLadder() != null) {
                track.previewLadder = r.previewLadder();
              }
              return r;
            });
  }

  /** Waits for every lane to be encoded, then verified; on a failure stops the rest first. */
  private void awaitAll(
      CancellationScope scope,
      List<Promise<List<EncodedOutput>>> encoded,
      List<Promise<List<OutputCheck>>> verified,
      Promise<AnalysisResult> analysed) {
    try {
      Promise.allOf(encoded).get();
      track.enter(TrackStage.VERIFYING);
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
  }

  /**
   * BPM and key into a lane's stored outputs; the outputs as they are when there is nothing to
   * write.
   */
  private Promise<List<EncodedOutput>> tagWithAnalysis(
      List<EncodedOutput> outputs, TrackAnalysis analysed) {
    Integer bpm = AnalysisTagsRequest.bpmOf(analysed);
    String key = AnalysisTagsRequest.initialKeyOf(analysed);
    if (outputs.isEmpty() || (bpm == null && key == null)) {
      return Promises.completed(outputs);
    }
    outputs.forEach(o -> track.output(o.format(), 1, "tagging"));
    return host.call(
        MetadataActivities.class,
        TAG,
        "write BPM "
            + bpm
            + " and key "
            + key
            + " into "
            + formatNames(outputs.stream().map(EncodedOutput::format).toList()),
        metadata -> metadata::writeAnalysisTags,
        new AnalysisTagsRequest(track.trackId, outputs, bpm, key));
  }

  private Promise<List<OutputCheck>> verifyEach(
      String sourceKey,
      ValidatedSource source,
      List<EncodedOutput> outputs,
      TrackAnalysis.Loudness sourceLoudness) {
    List<Promise<VerificationReport>> reports = new ArrayList<>();
    for (EncodedOutput output : outputs) {
      reports.add(
          host.call(
                  MediaActivities.class,
                  VERIFY,
                  "verify " + output.format() + " (" + output.key() + ")",
                  media -> media::verifyOutputs,
                  new VerifyRequest(
                      track.trackId, source, List.of(output), sourceLoudness, sourceKey))
              .thenApply(
                  report -> {
                    track.output(output.format(), 1, "verified");
                    return report;
                  }));
    }
    return Promise.allOf(reports)
        .thenApply(done -> reports.stream().flatMap(r -> r.get().checks().stream()).toList());
  }

  private static TrackAnalysis.Loudness loudnessOf(AnalysisResult analysed) {
    return analysed.analysis() == null ? null : analysed.analysis().loudness();
  }

  static String formatNames(List<OutputFormat> formats) {
    return String.join(", ", formats.stream().map(OutputFormat::name).toList());
  }
}
