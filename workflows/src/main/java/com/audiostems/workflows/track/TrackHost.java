package com.audiostems.workflows.track;

import static com.audiostems.workflows.track.TrackActivityOptions.FETCH;
import static com.audiostems.workflows.track.TrackActivityOptions.HOST_SCHEDULE_TO_START;
import static com.audiostems.workflows.track.TrackActivityOptions.HOST_SCHEDULE_TO_START_MAX;
import static com.audiostems.workflows.track.TrackActivityOptions.MAX_BUSY_HOST_WAIT;
import static com.audiostems.workflows.track.TrackActivityOptions.MAX_HOST_MOVES;
import static com.audiostems.workflows.track.TrackActivityOptions.PING;

import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.host.FetchSourceRequest;
import com.audiostems.workflows.host.HostLivenessActivities;
import com.audiostems.workflows.host.WorkingCopyActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Promise;
import java.time.Duration;
import java.util.function.Function;

/**
 * The worker host that holds a track's working copy of its source. Activities that read the source
 * run on that host's own task queue; the first one fetches the source to a host. A busy host is
 * waited for (it still answers pings); a silent one is left, and the stage runs again on another
 * host.
 */
final class TrackHost {
  private final String trackId;
  private final String sourceKey;

  /** The queue of the host holding the working copy; null until a host has fetched it. */
  private String hostQueue;

  TrackHost(String trackId, String sourceKey) {
    this.trackId = trackId;
    this.sourceKey = sourceKey;
  }

  /**
   * Calls {@code method} of an activity stub for the track's host with {@code argument}, e.g.
   * {@code host.call(MediaActivities.class, PROBE, "probe", m -> m::probe, request)}: a promise of
   * its result that waits out a busy host and fails when the host is gone.
   */
  <T, A, R> Promise<R> call(
      Class<T> type,
      ActivityOptions options,
      String summary,
      Function<T, Functions.Func1<A, R>> method,
      A argument) {
    return onLiveHost(
        waits -> Async.function(method.apply(stub(type, options, summary, waits)), argument), 0);
  }

  /** {@link #call}, awaited, and run again on another host when this one is gone. */
  <T, A, R> R await(
      Class<T> type,
      ActivityOptions options,
      String summary,
      Function<T, Functions.Func1<A, R>> method,
      A argument) {
    return movingWhenGone(() -> call(type, options, summary, method, argument).get());
  }

  /** Runs a stage of host-pinned calls and, when the host is gone, runs it again on another. */
  <R> R movingWhenGone(Functions.Func<R> stage) {
    for (int moves = 0; ; moves++) {
      try {
        return stage.apply();
      } catch (ActivityFailure e) {
        if (moves >= MAX_HOST_MOVES || !isGone(e)) {
          throw e;
        }
        hostQueue = null; // the next call fetches the source to another host
      }
    }
  }

  /**
   * A stub for the track's host: its own task queue, and a schedule-to-start limit that tells a
   * dead host from a busy one, longer each time the host has been found busy ({@code waits}).
   */
  private <T> T stub(Class<T> type, ActivityOptions options, String summary, int waits) {
    if (hostQueue == null) {
      hostQueue =
          TrackActivities.stub(
                  WorkingCopyActivities.class, FETCH, "fetch the source to a worker host")
              .fetchSource(new FetchSourceRequest(trackId, sourceKey))
              .taskQueue();
    }
    return TrackActivities.stub(
        type,
        ActivityOptions.newBuilder(options)
            .setTaskQueue(hostQueue)
            .setScheduleToStartTimeout(hostScheduleToStart(waits))
            .build(),
        summary);
  }

  /**
   * Makes {@code call} (given how often the host was found busy) and waits out a busy host: when
   * the activity was not taken within {@link #hostScheduleToStart} but the host still answers a
   * ping, it is queued there again. A silent host's timeout is passed on, and {@link
   * #movingWhenGone} moves the track.
   */
  private <R> Promise<R> onLiveHost(Functions.Func1<Integer, Promise<R>> call, int waits) {
    Promise<R> attempt = call.apply(waits);
    String queue = hostQueue; // set by the call (it fetches the source to a host first if need be)
    return attempt
        .handle(
            (result, f) -> {
              if (f == null) {
                return Promises.completed(result);
              }
              if (!isGone(f) || busyWaitSpent(waits)) {
                return Promises.<R>failed(f);
              }
              return answers(queue)
                  .thenCompose(
                      alive -> alive ? onLiveHost(call, waits + 1) : Promises.<R>failed(f));
            })
        .thenCompose(next -> next);
  }

  /**
   * The schedule-to-start limit of a call re-offered to a host found busy {@code waits} times: it
   * doubles from {@link TrackActivityOptions#HOST_SCHEDULE_TO_START} up to {@link
   * TrackActivityOptions#HOST_SCHEDULE_TO_START_MAX}. A host with hundreds of tracks queued keeps a
   * track's work queued for many minutes; re-offering it every 30 s cost a timeout, a workflow task
   * and a ping each time (the load benchmark counted 15 a track at 200 tracks), while a host that
   * already answered a ping is unlikely to have died since. A host that dies during a longer wait
   * is still found by the ping that follows it, just later.
   */
  static Duration hostScheduleToStart(int waits) {
    Duration limit = HOST_SCHEDULE_TO_START;
    for (int i = 0; i < waits && limit.compareTo(HOST_SCHEDULE_TO_START_MAX) < 0; i++) {
      limit = limit.multipliedBy(2);
    }
    return limit.compareTo(HOST_SCHEDULE_TO_START_MAX) < 0 ? limit : HOST_SCHEDULE_TO_START_MAX;
  }

  /** Whether a busy host has had its track for {@link TrackActivityOptions#MAX_BUSY_HOST_WAIT}. */
  static boolean busyWaitSpent(int waits) {
    Duration waited = Duration.ZERO;
    for (int i = 0; i <= waits; i++) {
      waited = waited.plus(hostScheduleToStart(i));
    }
    return waited.compareTo(MAX_BUSY_HOST_WAIT) >= 0;
  }

  private static Promise<Boolean> answers(String queue) {
    HostLivenessActivities liveness =
        TrackActivities.stub(
            HostLivenessActivities.class,
            ActivityOptions.newBuilder(PING).setTaskQueue(TaskQueues.livenessOf(queue)).build(),
            "is the host of " + queue + " alive?");
    return Async.function(liveness::ping).handle((host, f) -> f == null);
  }

  /** A schedule-to-start timeout: nobody took the activity from the host's queue in time. */
  private static boolean isGone(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeoutFailure timeout
          && timeout.getTimeoutType() == TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START) {
        return true;
      }
    }
    return false;
  }
}
