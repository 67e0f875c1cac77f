package com.audiostems.app.pools;

import com.audiostems.activities.licence.LocalCdnInvalidations;
import com.audiostems.activities.media.MediaSettings;
import com.audiostems.activities.watermark.WatermarkSettings;
import com.audiostems.app.AudiostemsProperties;
import com.audiostems.ledger.Ledger;
import com.audiostems.storage.BlobStores;
import com.audiostems.storage.StorageSettings;
import com.audiostems.storage.WorkingCopyStore;
import com.audiostems.workers.cpu.CpuActivities;
import com.audiostems.workers.cpu.CpuWorkerSettings;
import com.audiostems.workers.cpu.CpuWorkers;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The CPU worker pool of {@code serve} and {@code worker}, on this configuration's store (through
 * {@link PoolStore}, which the analysis pool shares) and media settings.
 */
@Component
public class CpuPool {
  private final AudiostemsProperties properties;
  private final PoolStore poolStore;
  private final ObjectProvider<Ledger> ledger;

  CpuPool(AudiostemsProperties properties, PoolStore poolStore, ObjectProvider<Ledger> ledger) {
    this.properties = properties;
    this.poolStore = poolStore;
    this.ledger = ledger;
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
    registerLicences(factory, store);
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

  /**
   * The licences' workflow and activities, once the application has a {@link Ledger} (their rows
   * and audit go there; without one the pool runs tracks only). Withdrawn copies' invalidations are
   * recorded in the store; a CloudFront distribution is not wired from configuration yet.
   */
  private void registerLicences(WorkerFactory factory, WorkingCopyStore store) {
    Ledger licences = ledger.getIfAvailable();
    if (licences != null) {
      CpuWorkers.registerLicences(
          factory,
          CpuActivities.licences(
              licences, store, new LocalCdnInvalidations(store, Clock.systemUTC())));
    }
  }
}
