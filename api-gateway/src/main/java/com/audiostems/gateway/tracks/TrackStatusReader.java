package com.audiostems.gateway.tracks;

import com.audiostems.gateway.security.ApiClient;
import com.audiostems.gateway.tracks.TrackStatusResponse.AnsweredFrom;
import com.audiostems.workflows.catalogue.CatalogueMatch;
import com.audiostems.workflows.track.OutputProgress;
import com.audiostems.workflows.track.TrackIngestResult;
import com.audiostems.workflows.track.TrackProgress;
import com.audiostems.workflows.track.TrackSearchAttributes;
import com.audiostems.workflows.track.TrackStage;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TerminatedFailure;
import io.temporal.failure.TimeoutFailure;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * A track's status: a live track answers its {@code progress()} query; a closed one is described by
 * Temporal, and its close event says how it ended (no worker is needed for either of those).
 */
@Component
public class TrackStatusReader {
  private final TrackFinder finder;
  private final WorkerCalls workers;

  public TrackStatusReader(TrackFinder finder, WorkerCalls workers) {
    this.finder = finder;
    this.workers = workers;
  }

  public TrackStatusResponse read(ApiClient client, String trackId) {
    TrackExecution track = finder.find(client, trackId);
    if (track.status() == WorkflowStatus.RUNNING) {
      return workers
          .callWithinTimeout(finder.workflowOf(track)::progress)
          .map(progress -> live(track, progress))
          .orElseGet(() -> indexed(track));
    }
    return closed(track);
  }

  private static TrackStatusResponse live(TrackExecution track, TrackProgress progress) {
    return response(
        track,
        progress.stage(),
        progress.version(),
        progress.outputs(),
        progress.failure(),
        progress.analysis(),
        progress.heldFor(),
        AnsweredFrom.PROGRESS_QUERY);
  }

  /**
   * A running track whose workers did not answer the query in time (under load every slot of a
   * worker can be busy for longer than the timeout): the stage it last wrote to its search
   * attributes, which the server answers without a worker. A track that never indexed a stage (its
   * workers have not run it at all) is the 503 that says the workers are unavailable.
   */
  private TrackStatusResponse indexed(TrackExecution track) {
    String stage =
        track.description().getTypedSearchAttributes().get(TrackSearchAttributes.TRACK_STAGE);
    if (stage == null) {
      throw workers.unavailable(track.trackId());
    }
    return response(
        track,
        TrackStage.valueOf(stage),
        null,
        List.of(),
        null,
        null,
        List.of(),
        AnsweredFrom.SEARCH_INDEX);
  }

  private TrackStatusResponse closed(TrackExecution track) {
    WorkflowStub stub = WorkflowStub.fromTyped(finder.workflowOf(track));
    try {
      TrackIngestResult result = stub.getResult(1, TimeUnit.SECONDS, TrackIngestResult.class);
      int version = result == null || result.manifest() == null ? 0 : result.manifest().version();
      return response(
          track,
          TrackStage.PUBLISHED,
          version,
          List.of(),
          null,
          null,
          List.of(),
          AnsweredFrom.CLOSE_EVENT);
    } catch (WorkflowFailedException e) {
      Throwable cause = e.getCause();
      TrackStage stage =
          cause instanceof CanceledFailure ? TrackStage.CANCELLED : TrackStage.FAILED;
      return response(
          track, stage, 0, List.of(), describe(cause), null, List.of(), AnsweredFrom.CLOSE_EVENT);
    } catch (TimeoutException e) {
      // Described as closed a moment ago, so its close event exists; report what is known.
      return response(
          track, TrackStage.FAILED, 0, List.of(), null, null, List.of(), AnsweredFrom.CLOSE_EVENT);
    }
  }

  /** "Type: message" as the workflow's own progress query words a failure. */
  private static String describe(Throwable cause) {
    return switch (cause) {
      case ApplicationFailure app -> app.getType() + ": " + app.getOriginalMessage();
      case CanceledFailure canceled -> "Cancelled: the track was deleted.";
      case TerminatedFailure terminated -> "Terminated: " + terminated.getOriginalMessage();
      case TimeoutFailure timeout -> "TimedOut: " + timeout.getTimeoutType();
      case null -> null;
      default -> cause.getMessage();
    };
  }

  private static TrackStatusResponse response(
      TrackExecution track,
      TrackStage stage,
      Integer version,
      List<OutputProgress> outputs,
      String failure,
      String analysis,
      List<CatalogueMatch> heldFor,
      AnsweredFrom answeredFrom) {
    TrackMemo memo = track.memo();
    return new TrackStatusResponse(
        track.trackId(),
        track.status(),
        stage,
        version,
        outputs == null ? List.of() : outputs,
        failure,
        analysis,
        heldFor,
        memo != null ? memo.fileName() : track.description().getStaticSummary(),
        TrackStatusResponse.Requested.of(memo),
        track.description().getStartTime(),
        track.description().getCloseTime(),
        TrackLinks.of(track.trackId()),
        answeredFrom);
  }
}
