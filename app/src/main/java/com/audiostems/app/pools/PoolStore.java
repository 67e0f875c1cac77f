package com.audiostems.app.pools;

import com.audiostems.app.AudiostemsProperties;
import com.audiostems.storage.BlobStore;
import com.audiostems.storage.BlobStores;
import com.audiostems.storage.WorkingCopyStore;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * The configured store of this process's worker pools, opened once, with this host's working copies
 * in front of it. {@code serve} runs the CPU and the analysis pool in one process: sharing one
 * {@link WorkingCopyStore} is what makes the analysis read the copy the CPU pool fetched, so the
 * process downloads a track's source once (and opens one S3 client, not one per pool).
 */
@Component
public class PoolStore {
  private final AudiostemsProperties properties;
  private final CataloguePool catalogue;
  private BlobStore store;
  private WorkingCopyStore workingCopies;

  PoolStore(AudiostemsProperties properties, CataloguePool catalogue) {
    this.properties = properties;
    this.catalogue = catalogue;
  }

  /** The media settings both pools run ffmpeg with, their scratch directory created. */
  public com.audiostems.activities.media.MediaSettings mediaSettings() throws IOException {
    com.audiostems.activities.media.MediaSettings media =
        properties.media().settings(properties.workDir());
    java.nio.file.Files.createDirectories(media.workDir());
    return media;
  }

  /**
   * How a process with worker pools stops them: workers first (running tasks may finish within
   * {@code grace}), then this store, which nothing reads any more.
   */
  public void stopWorkersThenRelease(
      io.temporal.worker.WorkerFactory factory, java.time.Duration grace) throws Exception {
    try {
      com.audiostems.workers.cpu.WorkerShutdown.stopGracefully(factory, grace);
    } finally {
      release();
    }
  }

  /**
   * The store with this host's working copies; opened on first use (process --out never opens it).
   */
  public synchronized WorkingCopyStore workingCopies() throws IOException {
    if (workingCopies == null) {
      store = BlobStores.fromSettings(properties.storage());
      workingCopies = around(store);
    }
    return workingCopies;
  }

  /**
   * Working copies of this process in front of a given store ({@code process --out DIR}: zero-copy,
   * it is local).
   */
  public WorkingCopyStore around(BlobStore store) throws IOException {
    return WorkingCopyStore.open(
        store, properties.workDir(), properties.media().workingCopiesMaxSize().toBytes());
  }

  /**
   * Removes this process's working copies and closes the S3 client. The command calls it after its
   * workers have stopped; deliberately not a destroy method: Spring's shutdown hook closes the
   * context in parallel with the command's, and would pull the store from under activities still
   * finishing within the shutdown grace.
   */
  public synchronized void release() throws Exception {
    try {
      catalogue.close(); // the indexes' last commit and lock, before the store goes
    } finally {
      releaseStore();
    }
  }

  private void releaseStore() throws Exception {
    try {
      if (workingCopies != null) {
        workingCopies.close();
      }
    } finally {
      if (store instanceof AutoCloseable closeable) {
        closeable.close();
      }
      store = null;
      workingCopies = null;
    }
  }
}
