package com.audiostems.workers.cpu;

import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How a worker host stops: the same for the {@code audiostems} commands and CpuWorkerApplication.
 */
public final class WorkerShutdown {
  /** After the grace, interrupted activities get this long to kill their ffmpeg and return. */
  private static final Duration AFTER_INTERRUPT = Duration.ofSeconds(10);

  private WorkerShutdown() {}

  /**
   * Stops polling, lets running tasks finish for up to {@code grace}, then interrupts the rest. A
   * task cut short is not lost: Temporal retries it on whichever worker polls next.
   */
  public static void stopGracefully(WorkerFactory factory, Duration grace) {
    factory.shutdown();
    factory.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    if (!factory.isTerminated()) {
      factory.shutdownNow();
      factory.awaitTermination(AFTER_INTERRUPT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}
