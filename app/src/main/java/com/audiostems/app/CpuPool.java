package com.audiostems.app;

import com.audiostems.activities.media.MediaSettings;
import com.audiostems.storage.BlobStore;
import com.audiostems.storage.BlobStores;
import com.audiostems.storage.StorageSettings;
import com.audiostems.workers.cpu.CpuActivities;
import com.audiostems.workers.cpu.CpuWorkerSettings;
import com.audiostems.workers.cpu.CpuWorkers;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * The CPU worker pool of {@code serve} and {@code worker}, on this configuration's store and media
 * settings. The S3 store it opens lives as long as the process: the command runs until the JVM exits.
 */
@Component
class CpuPool {
  private final AudiostemsProperties properties;

  CpuPool(AudiostemsProperties properties) {
    this.properties = properties;
  }

  /** Registers the pool's workers on {@code factory} (not started yet); returns its activity slots. */
  int register(WorkerFactory factory) throws IOException {
    return register(factory, BlobStores.fromSettings(properties.storage()));
  }

  /** The same, on a given store ({@code process --out DIR}). */
  int register(WorkerFactory factory, BlobStore store) throws IOException {
    MediaSettings media = properties.media().settings(properties.workDir());
    Files.createDirectories(media.workDir());
    CpuWorkerSettings settings = CpuWorkerSettings.withSlots(properties.workers().activitySlotsOrCores());
    CpuWorkers.register(factory, CpuActivities.create(store, media, settings.hostId()), settings);
    return settings.activitySlots();
  }

  /** The local store's root; serve's embedded gateway shares it. */
  Path storeRoot() {
    return properties.storage().root().toAbsolutePath().normalize();
  }

  /** Where the pool stores tracks, for the start-up banner: the directory or the bucket. */
  String storeDescription() {
    return BlobStores.describe(properties.storage());
  }

  boolean storesLocally() {
    return properties.storage().kind() == StorageSettings.Kind.LOCAL;
  }
}
