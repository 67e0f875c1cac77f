package com.audiostems.app.pools;

import com.audiostems.storage.BlobStore;
import com.audiostems.workers.gpu.GpuWorkers;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * The analysis (GPU) pool of {@code process}, {@code serve} and {@code worker --pool gpu}, on this
 * configuration's store: one analysis per core, the CPU implementation (see {@link GpuWorkers}).
 */
@Component
public class AnalysisPool {
  private final PoolStore poolStore;

  AnalysisPool(PoolStore poolStore) {
    this.poolStore = poolStore;
  }

  /**
   * Registers the pool's worker on {@code factory} (not started yet); returns its activity slots.
   * It reads through this process's working copies: beside the CPU pool ({@code serve}) the source
   * that pool fetched is read from its copy.
   */
  public int register(WorkerFactory factory) throws IOException {
    return register(factory, poolStore.workingCopies());
  }

  /** The same, on a given store ({@code process --out DIR}). */
  public int register(WorkerFactory factory, BlobStore store) throws IOException {
    int slots = Runtime.getRuntime().availableProcessors();
    GpuWorkers.register(factory, store, poolStore.mediaSettings(), slots);
    return slots;
  }
}
