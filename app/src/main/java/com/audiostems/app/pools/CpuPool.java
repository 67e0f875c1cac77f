package com.audiostems.app.pools;

import com.audiostems.activities.media.MediaSettings;
import com.audiostems.activities.watermark.WatermarkSettings;
import com.audiostems.app.AudiostemsProperties;
import com.audiostems.storage.BlobStores;
import com.audiostems.storage.StorageSettings;
import com.audiostems.storage.WorkingCopyStore;
import com.audiostems.workers.cpu.CpuActivities;
import com.audiostems.workers.cpu.CpuWorkerSettings;
import com.audiostems.workers.cpu.CpuWorkers;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * The CPU worker pool of {@code serve} and {@code worker}, on this configuration's store (through
 * {@link PoolStore}, which the analysis pool shares) and media settings.
 */
@Component
public class CpuPool {
  private final AudiostemsProperties properties;
  private final PoolStore poolStore;

  CpuPool(AudiostemsProperties properties, PoolStore poolStore) {
    this.properties = properties;
    this.poolStore = poolStore;
  }

  /**
   * Registers the pool's workers on {@code factory} (not started yet); returns its activity slots.
   */
  public int register(WorkerFactory factory) throws IOException {
    return register(factory, poolStore.workingCopies(), storesLocally());
  }

  /** The same, on given working copies of a local store ({@code process --out DIR}). */
  public int register(WorkerFactory factory, WorkingCopyStore store) throws IOException {
    return register(factory, store, true);
  }

  private int register(WorkerFactory factory, WorkingCopyStore store, boolean local)
      throws IOException {
    MediaSettings media = poolStore.mediaSettings();
    CpuWorkerSettings settings =
        CpuWorkerSettings.withSlots(properties.workers().activitySlotsOrCores());
    CpuWorkers.register(
        factory,
        CpuActivities.create(store, media, settings.hostId(), watermarkSettings(local)),
        settings);
    return settings.activitySlots();
  }

  /**
   * The watermark keys and tag. Without configured keys, a pool on a local store generates its own
   * key once into the data dir (the out-of-the-box run); on S3, hosts share the bucket and so must
   * share configured keys, and none may invent its own.
   */
  private WatermarkSettings watermarkSettings(boolean localStore) throws IOException {
    return properties.watermark().settings(localStore);
  }

  /** Where the pool stores tracks, for the start-up banner: the directory or the bucket. */
  public String storeDescription() {
    return BlobStores.describe(properties.storage());
  }

  public boolean storesLocally() {
    return properties.storage().kind() == StorageSettings.Kind.LOCAL;
  }
}
