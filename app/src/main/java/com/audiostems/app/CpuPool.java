package com.audiostems.app;

import com.audiostems.activities.media.MediaSettings;
import com.audiostems.activities.storage.LocalBlobStore;
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
  private final ProcessCommand process;

  CpuPool(AudiostemsProperties properties, ProcessCommand process) {
    this.properties = properties;
    this.process = process;
  }

  /** Registers the pool's workers on {@code factory} (not started yet); returns its activity slots. */
  int register(WorkerFactory factory) throws IOException {
    MediaSettings media = process.mediaSettings(); // the one mapping from audiostems.media.* to the activities
    Files.createDirectories(media.workDir());
    int slots = properties.workers().activitySlotsOrCores();
    CpuWorkers.register(
        factory,
        CpuActivities.create(new LocalBlobStore(storeRoot()), media),
        new CpuWorkerSettings(slots, CpuWorkerSettings.forThisHost().maxHeartbeatThrottle()));
    return slots;
  }

  Path storeRoot() {
    return properties.storage().root().toAbsolutePath().normalize();
  }
}
