package com.audiostems.gateway.tracks;

import com.audiostems.gateway.config.TemporalProperties;
import com.audiostems.gateway.problems.Problems;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Runs calls that only the track's workers can answer (queries, updates) under a gRPC deadline. The
 * SDK retries such a call until its own deadline passes, which, while no worker polls, keeps a
 * request waiting for a minute or more; the deadline of the surrounding gRPC context bounds the
 * whole retry sequence, and running out of it becomes a 503 problem that says why. So does the
 * server's answer that it has seen no worker poll the track's queue lately.
 */
@Component
public class WorkerCalls implements DisposableBean {
  private final Duration timeout;
  private final ScheduledExecutorService deadlines =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "worker-call-deadlines");
            thread.setDaemon(true);
            return thread;
          });

  public WorkerCalls(TemporalProperties temporal) {
    this.timeout = temporal.workerTimeout();
  }

  public <T> T call(String trackId, Supplier<T> call) {
    return callWithinTimeout(call).orElseThrow(() -> unavailable(trackId));
  }

  /** {@link #call}, with empty for a call the workers did not answer within the timeout. */
  public <T> Optional<T> callWithinTimeout(Supplier<T> call) {
    Context.CancellableContext context =
        Context.current().withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS, deadlines);
    try {
      return Optional.of(context.call(call::get));
    } catch (RuntimeException e) {
      if (context.isCancelled() || deadlineExceeded(e) || noPollerSeen(e)) {
        return Optional.empty();
      }
      throw e;
    } catch (Exception e) {
      // Supplier cannot throw checked exceptions; Callable's signature only says it might.
      throw new IllegalStateException(e);
    } finally {
      context.cancel(null);
    }
  }

  /** The 503 problem for a track whose workers did not answer within the timeout. */
  public ErrorResponseException unavailable(String trackId) {
    return Problems.exception(
        HttpStatus.SERVICE_UNAVAILABLE,
        "workers-unavailable",
        "Service unavailable",
        "Track '"
            + trackId
            + "' did not answer within "
            + timeout.toMillis()
            + " ms: its workflow workers may be down or busy. "
            + "Try again shortly.");
  }

  private static boolean deadlineExceeded(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException status
          && status.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
        return true;
      }
    }
    return false;
  }

  /**
   * The server's refusal to deliver a query to a task queue none of whose pollers it has seen
   * lately ("no poller seen for task queue recently, worker may be down"): under load every
   * workflow slot of the workers can stay busy that long, so their pollers stop asking; as for a
   * deadline, the workers did not answer (the 1,000-track load test met it as a 500).
   */
  private static boolean noPollerSeen(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException status
          && status.getStatus().getCode() == Status.Code.FAILED_PRECONDITION
          && String.valueOf(status.getStatus().getDescription()).contains("no poller")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void destroy() {
    deadlines.shutdownNow();
  }
}
