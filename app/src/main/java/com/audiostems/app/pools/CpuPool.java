package com.audiostems.app.pools;

import com.audiostems.activities.analytics.ProcessingRecordActivitiesImpl;
import com.audiostems.activities.licence.LocalCdnInvalidations;
import com.audiostems.activities.media.MediaSettings;
import com.audiostems.activities.watermark.WatermarkSettings;
import com.audiostems.app.AudiostemsProperties;
import com.audiostems.app.ledger.LedgerOnFirstUse;
import com.audiostems.app.metrics.PipelineMetrics;
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
  private final PipelineMetrics metrics;

  CpuPool(
      AudiostemsProperties properties,
      PoolStore poolStore,
      ObjectProvider<Ledger> ledger,
      PipelineMetrics metrics) {
    this.properties = properties;
    this.poolStore = poolStore;
    this.ledger = ledger;
    this.metrics = metrics;
  }

  /**
   * Registers the pool's workers on {@code factory} (not started yet), the licences' with the
   * configured ledger; returns its activity slots.
   */
  public int register(WorkerFactory factory) throws IOException {
    WorkingCopyStore store = poolStore.workingCopies();
    int slots = register(factory, store, storesLocally());
    // Opened by the first licence activity: a worker beside serve must not take the embedded file.
    LedgerOnFirstUse onFirstUse = new LedgerOnFirstUse(ledger::getObject);
    registerLicences(factory, store, onFirstUse);
    // The analytics' rows (activity costs, processing records) go to the same ledger, as late; with
    // the embedded file only from serve (which says so itself): a worker writing on every activity
    // would take the file from serve, or fail on every activity beside it.
    if (!properties.ledger().embedded()) {
      metrics.processingRecorder().recordIn(onFirstUse);
    }
    metrics.measureStoredBytes(store);
    return slots;
  }

  /**
   * The same, on given working copies of a local store, without the licences ({@code process --out
   * DIR}, {@code identify}, {@code trace}: they record nothing in a ledger).
   */
  public int register(WorkerFactory factory, WorkingCopyStore store) throws IOException {
    return register(factory, store, true);
  }

  /** The same, with the licences recorded in {@code licences} (the {@code licence} commands). */
  public int register(WorkerFactory factory, WorkingCopyStore store, Ledger licences)
      throws IOException {
    int slots = register(factory, store, true);
    registerLicences(factory, store, licences);
    return slots;
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
    // Every pool records failed journeys' ends; where the process keeps no ledger, nothing is
    // written.
    CpuWorkers.registerProcessingRecords(
        factory, new ProcessingRecordActivitiesImpl(metrics.processingRecorder()));
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
   * The licences' workflow and activities: their rows and audit in {@code licences}, withdrawn
   * copies' invalidations recorded in the store (a CloudFront distribution is not wired from
   * configuration yet).
   */
  private static void registerLicences(
      WorkerFactory factory, WorkingCopyStore store, Ledger licences) {
    CpuWorkers.registerLicences(
        factory,
        CpuActivities.licences(
            licences, store, new LocalCdnInvalidations(store, Clock.systemUTC())));
  }
}
