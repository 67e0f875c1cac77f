package com.audiostems.app;

import com.audiostems.activities.media.MediaSettings;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workers.cpu.CpuActivities;
import com.audiostems.workers.cpu.CpuWorkerSettings;
import com.audiostems.workers.cpu.CpuWorkers;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** The CPU worker pool of {@code serve} and {@code worker}, on this configuration's store and media settings. */
@Component
class CpuPool {
  private final AudiostemsProperties properties;

  CpuPool(AudiostemsProperties properties) {
    this.properties = properties;
  }

  /** Registers the pool's workers on {@code factory} (not started yet); returns its activity slots. */
  int register(WorkerFactory factory) throws IOException {
    return register(factory, new LocalBlobStore(storeRoot()));
  }

  /** The same, on a given store ({@code process --out DIR}). */
  int register(WorkerFactory factory, LocalBlobStore store) throws IOException {
    MediaSettings media = properties.media().settings(properties.workDir());
    Files.createDirectories(media.workDir());
    CpuWorkerSettings settings = CpuWorkerSettings.withSlots(properties.workers().activitySlotsOrCores());
    CpuWorkers.register(factory, CpuActivities.create(store, media, settings.hostId()), settings);
    return settings.activitySlots();
  }

  Path storeRoot() {
    return properties.storage().root().toAbsolutePath().normalize();
  }
}
