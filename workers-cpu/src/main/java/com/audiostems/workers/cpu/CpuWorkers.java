package com.audiostems.workers.cpu;

import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.analytics.ProcessingRecordActivities;
import com.audiostems.workflows.catalogue.IdentifyWorkflowImpl;
import com.audiostems.workflows.delivery.MarkedCopyWorkflowImpl;
import com.audiostems.workflows.licence.LicenceActivities;
import com.audiostems.workflows.licence.LicenceWorkflowImpl;
import com.audiostems.workflows.trace.TraceWorkflowImpl;
import com.audiostems.workflows.track.TrackIngestWorkflowImpl;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;

/**
 * The CPU pool's registrations: track workflows on {@link TaskQueues#TRACK_WORKFLOWS}, media,
 * metadata, storage and watermark activities on {@link TaskQueues#AUDIO_CPU}. The same code serves
 * the embedded {@code process} command and a stand-alone worker host.
 */
public final class CpuWorkers {
  private CpuWorkers() {}

  public static void register(
      WorkerFactory factory, CpuActivities activities, CpuWorkerSettings settings) {
    TrackSearchAttributeRegistration.register(
        factory.getWorkflowClient().getWorkflowServiceStubs(),
        factory.getWorkflowClient().getOptions().getNamespace());
    Worker workflows = factory.newWorker(TaskQueues.TRACK_WORKFLOWS);
    workflows.registerWorkflowImplementationTypes(
        TrackIngestWorkflowImpl.class,
        IdentifyWorkflowImpl.class,
        TraceWorkflowImpl.class,
        MarkedCopyWorkflowImpl.class);

    WorkerOptions activityOptions =
        WorkerOptions.newBuilder()
            .setMaxConcurrentActivityExecutionSize(Math.max(1, settings.activitySlots()))
            .setMaxHeartbeatThrottleInterval(settings.maxHeartbeatThrottle())
            .setDefaultHeartbeatThrottleInterval(settings.maxHeartbeatThrottle())
            .build();
    // The shared queue: any host may claim a new track, publish or delete.
    factory
        .newWorker(TaskQueues.AUDIO_CPU, activityOptions)
        .registerActivitiesImplementations(
            activities.media(),
            activities.metadata(),
            activities.storage(),
            activities.workingCopies(),
            activities.watermark(),
            activities.fingerprints());
    factory
        .getWorker(TaskQueues.AUDIO_CPU)
        .registerActivitiesImplementations(activities.delivery());
    // This host's own queue: the media work of the tracks whose working copy it holds.
    factory
        .newWorker(TaskQueues.cpuHost(settings.hostId()), activityOptions)
        .registerActivitiesImplementations(
            activities.media(),
            activities.metadata(),
            activities.storage(),
            activities.fingerprints());
    // Its pulse, on slots of their own: answered however busy the host's media work keeps it.
    factory
        .newWorker(
            TaskQueues.livenessOf(TaskQueues.cpuHost(settings.hostId())),
            WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(4).build())
        .registerActivitiesImplementations(activities.liveness());
  }

  /**
   * The activity that records how a failed track journey ended ({@link
   * ProcessingRecordActivities}), on {@link TaskQueues#AUDIO_CPU}; call it after {@link #register}.
   * Apart from it because its implementation writes to the ledger the composition root provides.
   */
  public static void registerProcessingRecords(
      WorkerFactory factory, ProcessingRecordActivities records) {
    factory.getWorker(TaskQueues.AUDIO_CPU).registerActivitiesImplementations(records);
  }

  /**
   * The licences' workflow (on {@link TaskQueues#TRACK_WORKFLOWS}: cheap deterministic code any CPU
   * host may run, so no queue of its own) and their activities (on {@link TaskQueues#AUDIO_CPU}),
   * on the workers {@link #register} made; call it after that and before the factory starts. Apart
   * from {@link #register} because the activities need the ledger, which the composition root
   * provides.
   *
   * @param licences e.g. {@link CpuActivities#licences}
   */
  public static void registerLicences(WorkerFactory factory, LicenceActivities licences) {
    factory
        .getWorker(TaskQueues.TRACK_WORKFLOWS)
        .registerWorkflowImplementationTypes(LicenceWorkflowImpl.class);
    factory.getWorker(TaskQueues.AUDIO_CPU).registerActivitiesImplementations(licences);
  }
}
