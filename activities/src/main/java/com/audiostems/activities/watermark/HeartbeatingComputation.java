package com.audiostems.activities.watermark;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleConsumer;

/**
 * Runs a long computation in one call (the embedder and detector take the whole signal) on a thread
 * of its own while the caller keeps reporting progress, so that an activity's heartbeats go on (and
 * a cancellation, which a heartbeat delivers, is noticed) however long the call takes.
 */
public final class HeartbeatingComputation {
  private static final long TICK_MILLIS = 1000;

  private HeartbeatingComputation() {}

  /**
   * @param from progress already reported
   * @param to progress once the work is done; each tick reports a tenth of what remains to it
   */
  public static <T> T run(
      String name, Callable<T> work, double from, double to, DoubleConsumer progress)
      throws IOException {
    FutureTask<T> task = new FutureTask<>(work);
    Thread.ofPlatform().daemon().name(name).start(task);
    double reported = from;
    try {
      while (true) {
        try {
          return task.get(TICK_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          reported += (to - reported) / 10;
          progress.accept(reported);
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IOException(name + " failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted during " + name, e);
    } finally {
      task.cancel(
          true); // nothing to cancel once it is done; otherwise the caller has given up on it
    }
  }
}
