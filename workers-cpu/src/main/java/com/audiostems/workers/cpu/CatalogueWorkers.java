package com.audiostems.workers.cpu;

import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.catalogue.CatalogueActivities;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;

/**
 * The catalogue's registration: its activities on {@link TaskQueues#CATALOGUE}, in the one process
 * that holds the fingerprint indexes. Lookups take milliseconds, so a few slots serve many hosts.
 */
public final class CatalogueWorkers {
  /** Concurrent lookups and updates: Lucene searches in parallel and serialises its own writes. */
  static final int SLOTS = 8;

  private CatalogueWorkers() {}

  public static void register(WorkerFactory factory, CatalogueActivities catalogue) {
    factory
        .newWorker(
            TaskQueues.CATALOGUE,
            WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(SLOTS).build())
        .registerActivitiesImplementations(catalogue);
  }
}
