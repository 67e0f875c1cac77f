package com.audiostems.workers.gpu;

import com.audiostems.activities.analysis.AnalysisActivitiesImpl;
import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.activities.media.MediaSettings;
import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.TaskQueues;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GPU pool's registration: analysis activities on {@link TaskQueues#AUDIO_GPU}. The same code
 * serves the embedded {@code process} command, {@code serve}, {@code worker --pool gpu} and
 * GpuWorkerApplication.
 *
 * <p>The analysers are pure Java: this build has no GPU kernels, so every host runs the CPU
 * implementation, one analysis per core. The queue is what makes the pool: hosts with accelerators
 * can take it over without the workflow changing.
 */
public final class GpuWorkers {
  private static final Logger log = LoggerFactory.getLogger(GpuWorkers.class);

  /** Heartbeats reach the server within this, so a cancelled analysis stops within seconds. */
  private static final Duration HEARTBEAT_THROTTLE = Duration.ofSeconds(2);

  private GpuWorkers() {}

  /**
   * @param activitySlots concurrent analyses; one per core, as each is single-threaded
   */
  public static void register(
      WorkerFactory factory, BlobStore store, MediaSettings media, int activitySlots) {
    int slots = Math.max(1, activitySlots);
    factory
        .newWorker(
            TaskQueues.AUDIO_GPU,
            WorkerOptions.newBuilder()
                .setMaxConcurrentActivityExecutionSize(slots)
                .setMaxHeartbeatThrottleInterval(HEARTBEAT_THROTTLE)
                .setDefaultHeartbeatThrottleInterval(HEARTBEAT_THROTTLE)
                .build())
        .registerActivitiesImplementations(
            new AnalysisActivitiesImpl(store, new MediaProcessRunner(media)));
    log.info(
        "Analysis pool on {}: CPU implementation (no GPU backend in this build), {} slots",
        TaskQueues.AUDIO_GPU,
        slots);
  }
}
