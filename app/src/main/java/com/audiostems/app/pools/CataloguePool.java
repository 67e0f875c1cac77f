package com.audiostems.app.pools;

import com.audiostems.activities.catalogue.CatalogueActivitiesImpl;
import com.audiostems.activities.catalogue.FingerprintCatalogues;
import com.audiostems.app.AudiostemsProperties;
import com.audiostems.storage.BlobStore;
import com.audiostems.workers.cpu.CatalogueWorkers;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The catalogue's worker: opens the fingerprint indexes (one writer per directory, Lucene's lock
 * enforces it) and registers their activities on the catalogue queue. An empty index beside a store
 * that records entries is rebuilt from them first: a lost disk costs a rebuild, not the catalogue.
 */
@Component
public class CataloguePool {
  private static final Logger log = LoggerFactory.getLogger(CataloguePool.class);

  private final AudiostemsProperties properties;
  private FingerprintCatalogues open;

  CataloguePool(AudiostemsProperties properties) {
    this.properties = properties;
  }

  /** The index directory for this configuration's store ({@code localRoot}: process --out). */
  public Path directory(Path localRoot) {
    return properties
        .catalogue()
        .directoryFor(properties.storage(), localRoot, properties.temporal().dataDir());
  }

  /**
   * Registers the catalogue worker on {@code factory}, or returns false (with a log line) when
   * another process holds the indexes: its worker answers the queue.
   */
  public synchronized boolean register(WorkerFactory factory, BlobStore store, Path directory)
      throws IOException {
    FingerprintCatalogues indexes;
    try {
      indexes = FingerprintCatalogues.open(directory);
    } catch (java.io.UncheckedIOException e) {
      if (!(e.getCause() instanceof LockObtainFailedException)) {
        throw e;
      }
      log.warn(
          "The catalogue at {} is held by another process; its worker answers lookups.", directory);
      return false;
    }
    CatalogueActivitiesImpl catalogue = new CatalogueActivitiesImpl(store, indexes);
    if (indexes.isEmpty()) {
      int rebuilt = catalogue.rebuildFromStore();
      if (rebuilt > 0) {
        log.warn(
            "The catalogue at {} was empty: rebuilt {} entries from the store's records.",
            directory,
            rebuilt);
      }
    }
    CatalogueWorkers.register(factory, catalogue);
    open = indexes;
    return true;
  }

  /** Closes the indexes; after the workers have stopped. */
  public synchronized void close() throws IOException {
    if (open != null) {
      open.close();
      open = null;
    }
  }
}
