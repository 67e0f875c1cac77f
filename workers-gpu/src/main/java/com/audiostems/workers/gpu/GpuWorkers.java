package com.audiostems.workers.gpu;

import com.audiostems.activities.analysis.AnalysisActivitiesImpl;
import com.audiostems.activities.analysis.tempo.TempoModel;
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
 * <p>The signal analysers are pure Java, one analysis per core. The tempo model (issue 18: a
 * convolution over the onset tempogram, the primary tempo) runs on ONNX Runtime's CUDA provider
 * where the host and the ONNX Runtime build have one, on its CPU provider elsewhere, with the same
 * probabilities within {@link TempoModel#PROVIDER_TOLERANCE}.
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
    TempoModel tempoModel = TempoModel.open(TempoModel.Provider.CUDA_IF_AVAILABLE);
    factory
        .newWorker(
            TaskQueues.AUDIO_GPU,
            WorkerOptions.newBuilder()
                .setMaxConcurrentActivityExecutionSize(slots)
                .setMaxHeartbeatThrottleInterval(HEARTBEAT_THROTTLE)
                .setDefaultHeartbeatThrottleInterval(HEARTBEAT_THROTTLE)
                .build())
        .registerActivitiesImplementations(
            new AnalysisActivitiesImpl(store, new MediaProcessRunner(media), tempoModel));
    log.info(
        "Analysis pool on {}: tempo model on the {} execution provider, {} slots",
        TaskQueues.AUDIO_GPU,
        tempoModel.executionProvider(),
        slots);
  }
}
